import { sql } from 'kysely'
import { DEFAULT_THRESHOLDS, evaluateLink } from '../../domain/offline/link-status.ts'
import type { Executor } from '../../platform/db/database.ts'
import { readNodeLinks } from './link-facts.ts'
import type { OfflineLinkView } from './offline.contract.ts'

/**
 * What an officer's screen says about the link: at a post, "alert lists as of …", a warning past the configured age
 * and "link down since …". Nothing is refused because of it; the officer decides knowing how old the lists are.
 */
export async function readLinkView(db: Executor): Promise<OfflineLinkView> {
  const node = await readNodeLinks(db)
  const { rows } = await sql<{ minutes: number | null }>`
    SELECT (SELECT stale_after_minutes FROM offline_settings) AS minutes`.execute(db)
  const staleAfterMinutes = rows[0]?.minutes ?? DEFAULT_THRESHOLDS.staleAfterMinutes
  const centre = node.role === 'post' ? node.links[0] : undefined
  if (!centre) {
    return {
      role: node.role,
      postCode: node.postCode,
      up: true,
      downSince: null,
      alertListsAsOf: null,
      stale: false,
      staleAfterMinutes,
    }
  }
  const s = evaluateLink(centre.facts, node.now, { ...DEFAULT_THRESHOLDS, staleAfterMinutes })
  return {
    role: node.role,
    postCode: node.postCode,
    up: s.up,
    downSince: s.downSince?.toISOString() ?? null,
    alertListsAsOf: s.dataAsOf?.toISOString() ?? null,
    stale: s.problems.some((p) => p.code === 'data_stale'),
    staleAfterMinutes,
  }
}

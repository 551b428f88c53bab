import { sql } from 'kysely'
import { allowedScope } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'

/**
 * The supervisor's queue of conflicts the world creates while posts are offline (filled by migration 0030's apply
 * triggers at the centre): never merged silently, decided by a person. Those who decide a secondary inspection's
 * outcome (shift supervisors and post chiefs, for conflicts touching their post) decide these too.
 */
export interface ConflictView {
  id: string
  kind: string
  postCodes: string[]
  /** Both records side by side: what the centre had (`recorded`) and what arrived from the post (`arrived`). */
  facts: Record<string, Record<string, unknown>>
  detectedAt: string
  resolvedAt: string | null
  resolution: string | null
}

interface Row {
  id: string
  kind: string
  post_codes: string[]
  facts: ConflictView['facts']
  detected_at: Date
  resolved_at: Date | null
  resolution: string | null
}

const view = (r: Row): ConflictView => ({
  id: r.id,
  kind: r.kind,
  postCodes: r.post_codes,
  facts: r.facts,
  detectedAt: r.detected_at.toISOString(),
  resolvedAt: r.resolved_at?.toISOString() ?? null,
  resolution: r.resolution,
})

/** The post an actor's queue is limited to (null: every post), or a refusal. */
function queueScope(actor: RequestActor): string | null {
  const scope = allowedScope(actor, 'approve', 'secondary_inspection')
  if (!scope) throw new AppError('forbidden', { action: 'approve', resource: 'secondary_inspection' })
  if (scope === 'post' && !actor.postCode)
    throw new AppError('forbidden', { action: 'approve', resource: 'secondary_inspection' })
  return scope === 'post' ? actor.postCode : null
}

export async function listConflicts(o: {
  db: Executor
  actor: RequestActor
  open: boolean
}): Promise<ConflictView[]> {
  const post = queueScope(o.actor)
  const { rows } = await sql<Row>`
    SELECT id, kind, post_codes, facts, detected_at, resolved_at, resolution FROM offline_conflicts
    WHERE (${post}::text IS NULL OR ${post}::text = ANY(post_codes))
      AND (NOT ${o.open} OR resolved_at IS NULL)
    ORDER BY detected_at, id LIMIT 500`.execute(o.db)
  return rows.map(view)
}

export async function resolveConflict(o: {
  trx: Tx
  actor: RequestActor
  id: string
  resolution: string
}): Promise<ConflictView> {
  const post = queueScope(o.actor)
  const { rows } = await sql<Row>`
    UPDATE offline_conflicts SET resolved_at = now(), resolved_by = ${o.actor.id}, resolution = ${o.resolution}
    WHERE id = ${o.id} AND resolved_at IS NULL AND (${post}::text IS NULL OR ${post}::text = ANY(post_codes))
    RETURNING id, kind, post_codes, facts, detected_at, resolved_at, resolution`.execute(o.trx)
  if (rows.length === 0) {
    const { rows: seen } = await sql<{ open: boolean; post_codes: string[] }>`
      SELECT resolved_at IS NULL AS open, post_codes FROM offline_conflicts WHERE id = ${o.id}`.execute(o.trx)
    const found = seen[0]
    // Another post's conflict is not found, as if it did not exist.
    if (!found || (post !== null && !found.post_codes.includes(post))) throw new AppError('not_found')
    throw new AppError('conflict', { reason: 'already_resolved' })
  }
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'resolve',
    resource: 'movement_conflict',
    recordId: o.id,
    details: { kind: rows[0]!.kind, postCodes: rows[0]!.post_codes },
  })
  return view(rows[0]!)
}

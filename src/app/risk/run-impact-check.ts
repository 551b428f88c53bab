import {
  type CompiledRuleSet,
  type CrossingContext,
  compileRuleSet,
  type ImpactReport,
  impactCheck,
  type RuleSet,
  type RuleSetStatus,
  recordImpactCheck,
} from '../../domain/risk/index.ts'
import type { Tx } from '../../platform/db/database.ts'
import type { RequestActor } from '../identity/actor.ts'
import { compiledVersion } from './active-rule-set.ts'
import { contextPage } from './evaluations.repository.ts'
import { mergeImpact, NEARLY_EVERYONE } from './impact-merge.ts'
import type { RuleSetRow } from './risk.tables.ts'
import { refusal } from './risk-errors.ts'
import { openForStep, saveStep, withEvent } from './rule-set-steps.ts'
import { toRecord } from './rule-sets.repository.ts'

const PAGE = 2000

export interface StoredImpactCheck {
  days: number
  from: string
  to: string
  ranBy: string
  ranAt: string
  fingerprint: string
  report: ImpactReport
}

/** Replays `candidate` over the stored snapshots since `since`, page by page, beside the active version. */
export async function replay(
  trx: Tx,
  candidate: CompiledRuleSet,
  current: CompiledRuleSet | null,
  since: Date,
): Promise<ImpactReport> {
  let report = impactCheck([], { candidate, current, nearlyEveryoneShare: NEARLY_EVERYONE })
  let after: { at: Date; id: string } | null = null
  for (;;) {
    const page = await contextPage(trx, { since, after, limit: PAGE })
    if (page.length === 0) return report
    const contexts = page.map((r) => r.context as CrossingContext)
    report = mergeImpact(
      report,
      impactCheck(contexts, { candidate, current, nearlyEveryoneShare: NEARLY_EVERYONE }),
    )
    const last = page[page.length - 1]!
    after = { at: last.evaluated_at, id: last.id }
    if (page.length < PAGE) return report
  }
}

/**
 * The "what if" before activation: how many of the crossings evaluated in the last `days` days this version would
 * have flagged, by post, nationality, sex and age band, and how many more secondary interviews than the active
 * version. The report is stored on the version with the fingerprint of the content it was run on.
 */
export async function runImpactCheck(o: {
  trx: Tx
  actor: RequestActor
  id: string
  days: number
}): Promise<RuleSetRow> {
  const row = await openForStep({ ...o, action: 'update' })
  if (row.status !== 'draft' && row.status !== 'reviewed')
    throw refusal('risk.lifecycle.not_allowed', { from: row.status, action: 'impact_check' })
  const active = await o.trx
    .selectFrom('risk_rule_sets')
    .select('id')
    .where('status', '=', 'active')
    .executeTakeFirst()
  const candidate = compileRuleSet(row.rule_set as RuleSet)
  const current = active ? await compiledVersion(o.trx, active.id) : null
  const to = new Date()
  const from = new Date(to.getTime() - o.days * 86_400_000)
  const report = await replay(o.trx, candidate, current, from)
  const record = withEvent(recordImpactCheck(toRecord(row)), {
    action: 'impact_check',
    actor: o.actor.id,
    at: to.toISOString(),
    from: row.status as RuleSetStatus,
    to: row.status as RuleSetStatus,
  })
  const stored: StoredImpactCheck = {
    days: o.days,
    from: from.toISOString(),
    to: to.toISOString(),
    ranBy: o.actor.id,
    ranAt: to.toISOString(),
    fingerprint: record.impactCheckedFingerprint!,
    report,
  }
  return saveStep({
    ...o,
    row,
    record,
    step: 'impact_check',
    columns: { impact_check: JSON.stringify(stored) },
    details: {
      days: o.days,
      total: report.total,
      flagged: report.flagged,
      extra: report.secondaryInterviews.extra,
    },
  })
}

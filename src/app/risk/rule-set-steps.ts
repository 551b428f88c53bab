import type { Updateable } from 'kysely'
import type { RuleSetRecord } from '../../domain/risk/index.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import type { RuleSetRow, RuleSetTable } from './risk.tables.ts'
import { type AppEvent, lockRuleSet, recordColumns } from './rule-sets.repository.ts'

/** Locks a version for a lifecycle step after checking the actor may take steps of this kind at all. */
export async function openForStep(o: {
  trx: Tx
  actor: RequestActor
  id: string
  action: 'update' | 'approve'
}): Promise<RuleSetRow> {
  authorize(o.actor, o.action, 'rule_set')
  const row = await lockRuleSet(o.trx, o.id)
  if (!row) throw new AppError('not_found')
  return row
}

/** Writes the record after a step, with the step's own columns, and audits it in the same transaction. */
export async function saveStep(o: {
  trx: Tx
  actor: RequestActor
  row: RuleSetRow
  record: RuleSetRecord
  step: string
  columns?: Omit<Updateable<RuleSetTable>, 'id'>
  details?: Record<string, unknown>
}): Promise<RuleSetRow> {
  const saved = await o.trx
    .updateTable('risk_rule_sets')
    .set({ ...recordColumns(o.record), updated_at: new Date(), ...o.columns })
    .where('id', '=', o.row.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: o.step,
    resource: 'rule_set',
    recordId: o.row.id,
    details: { versionId: o.row.version_id, from: o.row.status, to: saved.status, ...o.details },
  })
  return saved
}

/** A history entry for a step the pure lifecycle does not model (it changes no state). */
export function withEvent(record: RuleSetRecord, event: AppEvent): RuleSetRecord {
  return { ...record, history: [...record.history, event as unknown as RuleSetRecord['history'][number]] }
}

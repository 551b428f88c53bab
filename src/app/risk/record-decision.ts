import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { type NotifyAction, raiseAlerts } from './alerts.ts'
import { type Decision, lockEvaluation, type StoredEvaluation, toStored } from './evaluations.repository.ts'
import type { AlertRow } from './risk.tables.ts'
import { refusal, ruleViolation } from './risk-errors.ts'

/**
 * Records what the officer decided beside the advice. The officer may decide anything, whatever was suggested;
 * only the agency notifications must be among those the evaluation suggested, and each becomes an alert.
 */
export async function recordDecision(o: {
  trx: Tx
  actor: RequestActor
  evaluationId: string
  decision: Decision
  note: string
  notify: NotifyAction[]
}): Promise<{ evaluation: StoredEvaluation; alerts: AlertRow[] }> {
  const row = await lockEvaluation(o.trx, o.evaluationId)
  if (!row) throw new AppError('not_found')
  authorize(o.actor, 'update', 'risk_evaluation', { agencyCode: row.agency_code, postCode: row.post_code })
  if (row.superseded_by) throw refusal('risk.decision.superseded')
  if (row.decision) throw refusal('risk.decision.already_decided')
  const suggested = new Set<string>(row.actions)
  const unsuggested = o.notify.flatMap((action, i) =>
    suggested.has(action)
      ? []
      : [{ code: 'risk.decision.notify_not_suggested', path: String(i), params: { action } }],
  )
  if (unsuggested.length > 0) throw ruleViolation(unsuggested, 'body.notify')
  const updated = await o.trx
    .updateTable('risk_evaluations')
    .set({ decision: o.decision, decision_note: o.note, decided_by: o.actor.id, decided_at: new Date() })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'decide',
    resource: 'risk_evaluation',
    recordId: row.id,
    details: { decision: o.decision, suggestedAction: row.suggested_action, notify: o.notify },
  })
  const evaluation = toStored(updated)
  const alerts = await raiseAlerts({ trx: o.trx, actor: o.actor, evaluation, notify: o.notify, note: o.note })
  return { evaluation, alerts }
}

import { randomUUID } from 'node:crypto'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { lockAlert } from './alerts.repository.ts'
import type { StoredEvaluation } from './evaluations.repository.ts'
import type { AlertRow } from './risk.tables.ts'
import { refusal } from './risk-errors.ts'
import { ALERT_AGENCIES } from './seed-rule-set.ts'

export type NotifyAction = keyof typeof ALERT_AGENCIES
export const NOTIFY_ACTIONS = Object.keys(ALERT_AGENCIES) as NotifyAction[]

/**
 * One alert per agency the officer chose to notify, in the inbox of that agency. Called from the decision use
 * case, inside its transaction, so a decision and its alerts commit together or not at all.
 */
export async function raiseAlerts(o: {
  trx: Tx
  actor: RequestActor
  evaluation: StoredEvaluation
  notify: NotifyAction[]
  note: string
}): Promise<AlertRow[]> {
  const out: AlertRow[] = []
  for (const action of [...new Set(o.notify)]) {
    const row = await o.trx
      .insertInto('risk_alerts')
      .values({
        id: randomUUID(),
        evaluation_id: o.evaluation.id,
        agency_code: ALERT_AGENCIES[action],
        action,
        post_code: o.evaluation.postCode,
        score: o.evaluation.evaluation.score,
        note: o.note,
        created_by: o.actor.id,
        created_at: new Date(),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await appendAudit(o.trx, auditActor(o.actor), {
      action: 'create',
      resource: 'risk_alert',
      recordId: row.id,
      details: { evaluationId: o.evaluation.id, agencyCode: row.agency_code, action },
    })
    out.push(row)
  }
  return out
}

/** The receiving agency confirms it has taken the alert up; it then stops counting towards escalation. */
export async function acknowledgeAlert(o: {
  trx: Tx
  actor: RequestActor
  alertId: string
  note: string
}): Promise<AlertRow> {
  const alert = await lockAlert(o.trx, o.alertId)
  if (!alert) throw new AppError('not_found')
  authorize(o.actor, 'update', 'risk_alert', { agencyCode: alert.agency_code, postCode: alert.post_code })
  if (alert.acknowledged_at) throw refusal('risk.alerts.already_acknowledged')
  const row = await o.trx
    .updateTable('risk_alerts')
    .set({ acknowledged_by: o.actor.id, acknowledged_at: new Date(), acknowledgement_note: o.note })
    .where('id', '=', alert.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'acknowledge',
    resource: 'risk_alert',
    recordId: alert.id,
    details: { agencyCode: alert.agency_code },
  })
  return row
}

/** Administrators set, per agency, how many hours an alert may wait before it escalates. */
export async function setAlertEscalation(o: {
  trx: Tx
  actor: RequestActor
  agencyCode: string
  hours: number
}): Promise<{ agencyCode: string; escalateAfterHours: number }> {
  authorize(o.actor, 'update', 'agency', { agencyCode: o.agencyCode })
  if (!Object.values(ALERT_AGENCIES).includes(o.agencyCode as never)) throw new AppError('not_found')
  await o.trx
    .insertInto('risk_alert_settings')
    .values({ agency_code: o.agencyCode, escalate_after_hours: o.hours })
    .onConflict((oc) =>
      oc.column('agency_code').doUpdateSet({ escalate_after_hours: o.hours, updated_at: new Date() }),
    )
    .execute()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'update',
    resource: 'risk_alert_setting',
    recordId: o.agencyCode,
    details: { escalateAfterHours: o.hours },
  })
  return { agencyCode: o.agencyCode, escalateAfterHours: o.hours }
}

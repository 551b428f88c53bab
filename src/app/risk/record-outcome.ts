import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { lockEvaluation } from './evaluations.repository.ts'
import { refusal } from './risk-errors.ts'

export type Outcome = 'confirmed' | 'not_confirmed'

/**
 * Records whether the concern behind an evaluation's hits was confirmed (by the interview, the secondary
 * inspection or the protection referral). These outcomes give each indicator its measured precision.
 */
export async function recordOutcome(o: {
  trx: Tx
  actor: RequestActor
  evaluationId: string
  outcome: Outcome
  note: string
}) {
  const row = await lockEvaluation(o.trx, o.evaluationId)
  if (!row) throw new AppError('not_found')
  authorize(o.actor, 'update', 'risk_evaluation', { agencyCode: row.agency_code, postCode: row.post_code })
  if (row.superseded_by) throw refusal('risk.decision.superseded')
  if (!row.decision) throw refusal('risk-web.analysis.needsDecision')
  if (row.outcome) throw refusal('risk-web.analysis.alreadyRecorded')
  await o.trx
    .updateTable('risk_evaluations')
    .set({ outcome: o.outcome, outcome_note: o.note, outcome_by: o.actor.id, outcome_at: new Date() })
    .where('id', '=', row.id)
    .execute()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'record_outcome',
    resource: 'risk_evaluation',
    recordId: row.id,
    details: { outcome: o.outcome },
  })
}

import { randomUUID } from 'node:crypto'
import {
  type Direction,
  outcomeEffect,
  type PermitType,
  type Relation,
  type SecondaryOutcome,
} from '../../domain/crossings/index.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import type { CrossingRow } from './crossings.tables.ts'
import { recordMovement, ruleViolation } from './record-movement.ts'
import type { SecondaryRow } from './secondary.tables.ts'
import { referralFor } from './secondary-access.ts'
import { alertPolice, type ProtectionInput, referTraveller } from './secondary-effects.ts'

export interface SecondaryDecision {
  outcome: SecondaryOutcome
  refusalReason: string | null
  /** Why: the decision's own words, kept as the last interview note. */
  note: string
  protection: ProtectionInput | null
}

/** The movement the outcome leaves, carrying over what the referring officer recorded about the journey. */
async function resultingMovement(trx: Tx, actor: RequestActor, referral: CrossingRow, d: SecondaryDecision) {
  const effect = outcomeEffect({
    outcome: d.outcome,
    direction: referral.direction as Direction,
    refusalReason: d.refusalReason,
  })
  if (!effect.ok) throw ruleViolation(effect.refusal.code, effect.refusal.params)
  const companions = await trx
    .selectFrom('crossing_companions')
    .select(['traveller_id', 'relation'])
    .where('crossing_id', '=', referral.id)
    .execute()
  const moved = await recordMovement({
    trx,
    travellerId: referral.traveller_id,
    documentId: referral.document_id,
    postCode: referral.post_code,
    counter: referral.counter,
    officerId: actor.id,
    agencyCode: actor.agencyCode,
    fields: {
      direction: referral.direction as Direction,
      decision: effect.effect.decision,
      refusalReason: effect.effect.refusalReason,
      purpose: referral.purpose,
      permit: referral.permit_type
        ? {
            type: referral.permit_type as PermitType,
            number: referral.permit_number,
            validFrom: referral.permit_valid_from,
            validUntil: referral.permit_valid_until,
            permittedStayDays: referral.permitted_stay_days,
          }
        : null,
      transport: referral.transport
        ? {
            kind: referral.transport,
            vehiclePlate: referral.vehicle_plate,
            flightNumber: referral.flight_number,
            vesselName: referral.vessel_name,
          }
        : null,
      companions: companions.map((c) => ({ travellerId: c.traveller_id, relation: c.relation as Relation })),
      // The advice belongs to the referring movement; the outcome is read beside it through the referral.
      riskEvaluationId: null,
      screeningRequestId: null,
    },
  })
  return { ...effect.effect, row: moved.row }
}

/**
 * Decides a secondary inspection, once: the outcome's movement goes through the same per-traveller lock and
 * sequence rules as a counter decision, and the police alert or protection referral it sets off is made in the
 * same transaction, so an outcome never stands without them. A second decision meets the closed referral.
 */
export async function decideSecondary(o: {
  trx: Tx
  actor: RequestActor
  secondaryId: string
  decision: SecondaryDecision
}): Promise<SecondaryRow> {
  const { trx, actor, decision: d } = o
  const referral = await referralFor({ trx, actor, secondaryId: o.secondaryId, action: 'decide' })
  if ((d.outcome === 'refer_protection') !== (d.protection !== null))
    throw new AppError('validation_failed', {}, [
      {
        path: 'body.protection',
        code: `crossings.secondary.protection_${d.protection ? 'unexpected' : 'required'}`,
      },
    ])
  const crossing = await trx
    .selectFrom('crossings')
    .selectAll()
    .where('id', '=', referral.crossing_id)
    .executeTakeFirstOrThrow()
  const result = await resultingMovement(trx, actor, crossing, d)
  const policeAlertId = result.alertPolice
    ? await alertPolice({ trx, actor, evaluationId: crossing.risk_evaluation_id, note: d.note })
    : null
  const traveller = await trx
    .selectFrom('travellers')
    .selectAll()
    .where('id', '=', referral.traveller_id)
    .executeTakeFirstOrThrow()
  const protectionReferralId =
    result.referProtection && d.protection
      ? await referTraveller({ trx, actor, traveller, protection: d.protection })
      : null
  const now = new Date()
  await trx
    .insertInto('secondary_notes')
    .values({
      id: randomUUID(),
      secondary_id: referral.id,
      author_id: actor.id,
      written_at: now,
      text: d.note,
    })
    .execute()
  const row = await trx
    .updateTable('secondary_inspections')
    .set({
      decided_by: actor.id,
      decided_at: now,
      outcome: d.outcome,
      refusal_reason: result.refusalReason,
      result_crossing_id: result.row.id,
      protection_referral_id: protectionReferralId,
      police_alert_id: policeAlertId,
    })
    .where('id', '=', referral.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(trx, auditActor(actor), {
    action: 'decide',
    resource: 'secondary_inspection',
    recordId: row.id,
    details: {
      outcome: d.outcome,
      refusalReason: result.refusalReason,
      resultCrossingId: result.row.id,
      decision: result.row.decision,
      policeAlertId,
      protectionReferralId,
    },
  })
  return row
}

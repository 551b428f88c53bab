import { randomUUID } from 'node:crypto'
import {
  type CrossingDecision,
  type Direction,
  decideMovement,
  lastAdmitted,
  type Permit,
  type Relation,
} from '../../domain/crossings/index.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { checkLinks } from './crossing-links.ts'
import {
  activeRefusalReasons,
  crossingsOf,
  insertCompanions,
  insertCrossing,
  lockTraveller,
  toMovement,
} from './crossings.repository.ts'
import type { CrossingRow } from './crossings.tables.ts'

export interface CrossingInput {
  documentId: string
  counter: string
  direction: Direction
  decision: CrossingDecision
  refusalReason: string | null
  purpose: string | null
  permit: Permit | null
  transport: {
    kind: string
    vehiclePlate: string | null
    flightNumber: string | null
    vesselName: string | null
  } | null
  companions: { travellerId: string; relation: Relation }[]
  riskEvaluationId: string | null
  screeningRequestId: string | null
}

const rule = (code: string, params: Record<string, unknown> = {}) =>
  new AppError('rule_violation', {}, [{ code, params }])

/**
 * Records the officer's decision on one movement, with everything it rests on, in one transaction. The traveller's
 * row is locked first, so two officers recording the same movement are serialised and the second is refused by the
 * domain's sequence rule; a refused request stores nothing.
 */
export async function recordCrossing(o: {
  trx: Tx
  actor: RequestActor
  crossing: CrossingInput
}): Promise<CrossingRow> {
  const { trx, actor, crossing: c } = o
  authorize(actor, 'create', 'crossing', { postCode: actor.postCode })
  const postCode = actor.postCode
  if (!postCode) throw rule('crossings.rules.no_post')
  const document = await trx
    .selectFrom('travel_documents')
    .selectAll()
    .where('id', '=', c.documentId)
    .executeTakeFirst()
  if (!document)
    throw new AppError('validation_failed', {}, [
      { path: 'body.documentId', code: 'crossings.unknown_document' },
    ])
  await lockTraveller(trx, document.traveller_id)
  const companionIds = c.companions.map((x) => x.travellerId)
  const companionRows = companionIds.length
    ? await trx
        .selectFrom('travellers')
        .select(['id', 'birth_date'])
        .where('id', 'in', companionIds)
        .execute()
    : []
  const birthOf = new Map(companionRows.map((r) => [r.id, r.birth_date]))
  const missing = companionIds.find((id) => !birthOf.has(id))
  if (missing)
    throw new AppError('validation_failed', {}, [
      { path: 'body.companions', code: 'crossings.unknown_companion' },
    ])
  await checkLinks(trx, postCode, c)
  const history = (await crossingsOf(trx, document.traveller_id)).map(toMovement)
  const traveller = await trx
    .selectFrom('travellers')
    .select('birth_date')
    .where('id', '=', document.traveller_id)
    .executeTakeFirstOrThrow()
  const day = todayInCambodia()
  const decided = decideMovement({
    travellerId: document.traveller_id,
    birthDate: traveller.birth_date,
    day,
    direction: c.direction,
    decision: c.decision,
    refusalReason: c.refusalReason,
    refusalReasons: (await activeRefusalReasons(trx)).map((r) => r.code),
    permit: c.permit,
    companions: c.companions.map((x) => ({ ...x, birthDate: birthOf.get(x.travellerId) ?? null })),
    history,
  })
  if (!decided.ok) throw rule(decided.refusal.code, decided.refusal.params)
  const m = decided.movement
  const row = await insertCrossing(trx, {
    id: randomUUID(),
    traveller_id: document.traveller_id,
    document_id: document.id,
    post_code: postCode,
    counter: c.counter,
    officer_id: actor.id,
    agency_code: actor.agencyCode,
    crossed_at: new Date(),
    crossed_on: day,
    direction: c.direction,
    purpose: c.purpose,
    permit_type: c.permit?.type ?? null,
    permit_number: c.permit?.number ?? null,
    permit_valid_from: c.permit?.validFrom ?? null,
    permit_valid_until: c.permit?.validUntil ?? null,
    permitted_stay_days: c.permit?.permittedStayDays ?? null,
    transport: c.transport?.kind ?? null,
    vehicle_plate: c.transport?.vehiclePlate ?? null,
    flight_number: c.transport?.flightNumber ?? null,
    vessel_name: c.transport?.vesselName ?? null,
    decision: c.decision,
    refusal_reason: c.refusalReason,
    risk_evaluation_id: c.riskEvaluationId,
    screening_request_id: c.screeningRequestId,
    matched_entry_id: m.stay?.entryId ?? null,
    stay_days: m.stay?.days ?? null,
    overstay_days: m.stay?.overstayDays ?? null,
    flags: JSON.stringify(m.flags),
    previous_admitted_id: c.decision === 'admit' ? (lastAdmitted(history)?.id ?? null) : null,
  })
  await insertCompanions(trx, row.id, c.companions)
  if (c.screeningRequestId)
    await trx
      .updateTable('screening_requests')
      .set({ crossing_id: row.id })
      .where('id', '=', c.screeningRequestId)
      .execute()
  await appendAudit(trx, auditActor(actor), {
    action: 'create',
    resource: 'crossing',
    recordId: row.id,
    details: {
      travellerId: row.traveller_id,
      postCode,
      direction: row.direction,
      decision: row.decision,
      refusalReason: row.refusal_reason,
      flags: m.flags,
      riskEvaluationId: row.risk_evaluation_id,
      screeningRequestId: row.screening_request_id,
    },
  })
  return row
}

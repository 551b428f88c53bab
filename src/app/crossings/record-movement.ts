import { randomUUID } from 'node:crypto'
import {
  type CrossingDecision,
  type CrossingFlag,
  type Direction,
  decideMovement,
  lastAdmitted,
  type PastMovement,
  type Permit,
  type Relation,
} from '../../domain/crossings/index.ts'
import { type ReferenceLists, uncachedLists } from '../../platform/cache/reference-cache.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { cachedRefusalReasons, insertMovement, lockTraveller } from './crossings.repository.ts'
import type { CrossingRow } from './crossings.tables.ts'
import { movementFacts } from './movement-facts.ts'

export interface MovementFields {
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

export const ruleViolation = (code: string, params: Record<string, unknown> = {}) =>
  new AppError('rule_violation', {}, [{ code, params }])

/** What the caller already read under the traveller's lock; without it, recordMovement locks and reads itself. */
export interface LockedTraveller {
  birthDate: string | null
  history: PastMovement[]
  companionBirths: Map<string, string | null>
}

/**
 * Writes one decided movement of a traveller: locks the traveller's row, judges the movement against the whole
 * record with the domain's rules, and inserts it with its companions in the admitted chain. Primary decisions and
 * secondary outcomes both go through here, so neither can skip the lock or the sequence rules. A caller that
 * already holds the lock passes what it read after it (`locked`); the crossing, its companions and the screening
 * request's link are written in one statement.
 */
export async function recordMovement(o: {
  trx: Tx
  travellerId: string
  documentId: string
  postCode: string
  counter: string
  officerId: string
  agencyCode: string
  fields: MovementFields
  locked?: LockedTraveller
  refs?: ReferenceLists
  /** Point the screening request at the new crossing (a primary decision; an outcome keeps the referral's link). */
  linkScreening?: boolean
}): Promise<{ row: CrossingRow; flags: CrossingFlag[] }> {
  const { trx, fields: c } = o
  const locked = o.locked ?? (await lockAndRead(trx, o.travellerId, c))
  const birthOf = locked.companionBirths
  if (c.companions.some((x) => !birthOf.has(x.travellerId)))
    throw new AppError('validation_failed', {}, [
      { path: 'body.companions', code: 'crossings.unknown_companion' },
    ])
  const history = locked.history
  const day = todayInCambodia()
  const decided = decideMovement({
    travellerId: o.travellerId,
    birthDate: locked.birthDate,
    day,
    direction: c.direction,
    decision: c.decision,
    refusalReason: c.refusalReason,
    refusalReasons: (await cachedRefusalReasons(o.refs ?? uncachedLists, trx)).map((r) => r.code),
    permit: c.permit,
    companions: c.companions.map((x) => ({ ...x, birthDate: birthOf.get(x.travellerId) ?? null })),
    history,
  })
  if (!decided.ok) throw ruleViolation(decided.refusal.code, decided.refusal.params)
  const m = decided.movement
  const row = await insertMovement(trx, {
    crossing: {
      id: randomUUID(),
      traveller_id: o.travellerId,
      document_id: o.documentId,
      post_code: o.postCode,
      counter: o.counter,
      officer_id: o.officerId,
      agency_code: o.agencyCode,
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
    },
    companions: c.companions,
    linkScreeningRequest: o.linkScreening ? c.screeningRequestId : null,
  })
  return { row, flags: m.flags }
}

/** The secondary path: lock, then the facts, two statements. */
async function lockAndRead(trx: Tx, travellerId: string, c: MovementFields): Promise<LockedTraveller> {
  const birth = await lockTraveller(trx, travellerId)
  const facts = await movementFacts(trx, {
    travellerId,
    riskEvaluationId: null,
    screeningRequestId: null,
    companionIds: c.companions.map((x) => x.travellerId),
  })
  return {
    birthDate: birth?.birthDate ?? null,
    history: facts.history,
    companionBirths: facts.companionBirths,
  }
}

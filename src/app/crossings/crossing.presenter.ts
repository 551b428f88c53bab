import type { Stay } from '../../domain/crossings/index.ts'
import type { TravellerRow } from '../documents/documents.tables.ts'
import type { CrossingRow } from './crossings.tables.ts'

export interface CompanionRow {
  crossing_id: string
  traveller_id: string
  relation: string
  surname: string
  given_names: string
  birth_date: string | null
}

/** A crossing as officers read it: the movement, the officer's decision, and what the record computed. */
export function presentCrossing(c: CrossingRow, companions: readonly CompanionRow[] = []) {
  return {
    id: c.id,
    travellerId: c.traveller_id,
    documentId: c.document_id,
    postCode: c.post_code,
    counter: c.counter,
    officerId: c.officer_id,
    crossedAt: c.crossed_at.toISOString(),
    crossedOn: c.crossed_on,
    direction: c.direction,
    purpose: c.purpose,
    permit: c.permit_type
      ? {
          type: c.permit_type,
          number: c.permit_number,
          validFrom: c.permit_valid_from,
          validUntil: c.permit_valid_until,
          permittedStayDays: c.permitted_stay_days,
        }
      : null,
    transport: c.transport
      ? {
          kind: c.transport,
          vehiclePlate: c.vehicle_plate,
          flightNumber: c.flight_number,
          vesselName: c.vessel_name,
        }
      : null,
    decision: c.decision,
    refusalReason: c.refusal_reason,
    riskEvaluationId: c.risk_evaluation_id,
    screeningRequestId: c.screening_request_id,
    matchedEntryId: c.matched_entry_id,
    stayDays: c.stay_days,
    overstayDays: c.overstay_days,
    flags: c.flags,
    companions: companions
      .filter((x) => x.crossing_id === c.id)
      .map((x) => ({
        travellerId: x.traveller_id,
        relation: x.relation,
        name: `${x.given_names} ${x.surname}`.trim(),
        birthDate: x.birth_date,
      })),
  }
}

export function presentTraveller(t: TravellerRow) {
  return {
    id: t.id,
    surname: t.surname,
    givenNames: t.given_names,
    birthDate: t.birth_date,
    sex: t.sex,
    nationality: t.nationality,
  }
}

export function presentStay(s: Stay | null) {
  return s
    ? {
        entryId: s.entryId,
        entryDay: s.entryDay,
        entryPost: s.entryPost,
        days: s.days,
        permittedDays: s.permittedDays,
        overstayDays: s.overstayDays,
      }
    : null
}

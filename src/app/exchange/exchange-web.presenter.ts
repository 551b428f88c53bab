import type { BoardArrival } from './board-arrivals.ts'
import { presentArrival, presentMessage } from './exchange.presenter.ts'
import type { AgreementRow, ArrivalRow, MessageRow } from './exchange.tables.ts'

/** An arrival as the board and the case show it: a handover (a repatriation thread) or a return list's row. */
export function presentArrivalKind(a: ArrivalRow) {
  return {
    ...presentArrival(a),
    kind: a.thread_ref ? ('handover' as const) : ('list' as const),
    arrivedAt: a.arrived_at ? new Date(a.arrived_at).toISOString() : null,
  }
}

export function presentBoardArrival(a: BoardArrival) {
  return { ...presentArrivalKind(a), partnerNameEn: a.partner_name_en, partnerNameKm: a.partner_name_km }
}

type TimelineMessage = MessageRow & {
  agreement_title: string | null
  legal: AgreementRow['legal'] | null
  partner_name_en: string | null
  partner_name_km: string | null
}

/** A message of a case's timeline: field names, partner and agreement, never the content. */
export function presentCaseMessage(m: TimelineMessage) {
  return {
    ...presentMessage(m),
    agreementTitle: m.agreement_title,
    legal: m.legal,
    partnerNameEn: m.partner_name_en,
    partnerNameKm: m.partner_name_km,
  }
}

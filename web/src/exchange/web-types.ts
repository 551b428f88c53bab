/** The views of `src/app/exchange/exchange-web.schemas.ts` as the board and the case read them. */
import type { Arrival, Message } from './types.ts'

export interface BoardArrival extends Arrival {
  kind: 'handover' | 'list'
  arrivedAt: string | null
  partnerNameEn?: string | null
  partnerNameKm?: string | null
}

export interface AgreementChoice {
  code: string
  title: string
  partner: string
  partnerNameEn: string
  partnerNameKm: string
  demo: boolean
}

export interface CasePreview {
  agreement: {
    code: string
    title: string
    partner: string
    legal: { title: string; date: string; article: string }
  }
  consentRule: 'required' | 'not_required'
  consent: {
    sharing: 'given' | 'refused' | 'withdrawn' | 'notAsked'
    child: boolean
    bestInterestsDone: boolean
  }
  content: Record<string, unknown>
  withheld: string[]
  allowed: string[]
  blocked: { reason: string; detail: string | null } | null
}

export interface CaseExchangeMessage extends Message {
  receipted: boolean
  agreementTitle: string | null
  legal: { title: string; date: string; article: string } | null
  partnerNameEn: string | null
  partnerNameKm: string | null
}

export interface CaseExchange {
  threads: { partner: string; ref: string }[]
  messages: CaseExchangeMessage[]
  arrivals: BoardArrival[]
}

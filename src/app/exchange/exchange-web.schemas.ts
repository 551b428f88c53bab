import { z } from 'zod'
import { text } from '../../platform/http/text.ts'
import { CASE_EXCHANGE_KINDS } from './case-exchange.ts'
import { ArrivalView, MessageView, SentView } from './exchange.schemas.ts'

const code = text().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/)

export const BoardPostParams = z.strictObject({ code: text().min(2).max(40) })
export const BoardArrivalView = ArrivalView.extend({
  partnerNameEn: z.string().nullable(),
  partnerNameKm: z.string().nullable(),
  /** `handover`: a repatriated victim (MoSVY records it); `list`: a row of a return list (the border records it). */
  kind: z.enum(['handover', 'list']),
  arrivedAt: z.string().nullable(),
})
export const BoardArrivalList = z.object({ day: z.string(), items: z.array(BoardArrivalView) })

export const CaseParams = z.strictObject({ caseId: z.uuid() })

/**
 * What the browser may say about a referral from a case: the agreement, a note and (for a child) that the
 * best-interests determination was made. The person's data is never taken from the browser; any other member is
 * refused (strict), so a field the agreement withholds cannot be slipped in.
 */
export const CasePreviewBody = z.strictObject({
  agreement: code,
  note: text().trim().max(2000).nullable().default(null),
  bestInterestsDone: z.boolean().default(false),
})
export const CaseSendBody = CasePreviewBody.extend({ kind: z.enum(CASE_EXCHANGE_KINDS) })

export const CasePreviewView = z.object({
  agreement: z.object({
    code: z.string(),
    title: z.string(),
    partner: z.string(),
    legal: z.object({ title: z.string(), date: z.string(), article: z.string() }),
  }),
  consentRule: z.enum(['required', 'not_required']),
  consent: z.object({
    sharing: z.enum(['given', 'refused', 'withdrawn', 'notAsked']),
    child: z.boolean(),
    bestInterestsDone: z.boolean(),
  }),
  content: z.record(z.string(), z.unknown()),
  withheld: z.array(z.string()),
  allowed: z.array(z.string()),
  blocked: z.object({ reason: z.string(), detail: z.string().nullable() }).nullable(),
})
export const CaseSentView = SentView

export const CaseExchangeItem = MessageView.extend({
  agreementTitle: z.string().nullable(),
  legal: z.object({ title: z.string(), date: z.string(), article: z.string() }).nullable(),
  partnerNameEn: z.string().nullable(),
  partnerNameKm: z.string().nullable(),
})
export const CaseExchangeView = z.object({
  threads: z.array(z.object({ partner: z.string(), ref: z.string() })),
  messages: z.array(CaseExchangeItem),
  arrivals: z.array(BoardArrivalView.omit({ partnerNameEn: true, partnerNameKm: true })),
})

export const AgreementChoiceList = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      partner: z.string(),
      partnerNameEn: z.string(),
      partnerNameKm: z.string(),
      demo: z.boolean(),
    }),
  ),
})

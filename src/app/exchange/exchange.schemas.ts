import { z } from 'zod'
import { MESSAGE_TYPE_NAMES, REFUSAL_REASONS } from '../../domain/exchange/index.ts'
import { text } from '../../platform/http/text.ts'

const isoDate = text().regex(/^\d{4}-\d{2}-\d{2}$/)
const code = text().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/)
const fieldName = text().regex(/^[A-Za-z_][A-Za-z0-9_.]{0,79}$/)
export const MessageTypeName = z.enum(MESSAGE_TYPE_NAMES as [string, ...string[]])

export const TypeRuleBody = z.strictObject({
  purposes: z.array(text().min(1).max(200)).max(20),
  fields: z.array(fieldName).max(200),
  retentionDays: z.number().int().min(1).max(36_500),
  consent: z.enum(['required', 'not_required']),
  followUpMonths: z.array(z.number().int().min(1).max(60)).max(24).optional(),
  receivingAgency: code.optional(),
})

export const AgreementBody = z.strictObject({
  title: text().min(1).max(300),
  legal: z.strictObject({ title: text().min(1).max(300), date: isoDate, article: text().max(100) }),
  partner: code,
  validFrom: isoDate,
  validUntil: isoDate,
  rules: z.partialRecord(MessageTypeName, TypeRuleBody),
})
export const CodeParams = z.strictObject({ code })

export const AgreementView = AgreementBody.extend({
  id: z.string(),
  code: z.string(),
  demo: z.boolean(),
  inForce: z.boolean(),
})
export const AgreementList = z.object({ items: z.array(AgreementView) })

export const AuthorityView = z.object({
  code: z.string(),
  country: z.string(),
  nameEn: z.string(),
  nameKm: z.string(),
  endpoint: z.string().nullable(),
  self: z.boolean(),
  demo: z.boolean(),
  contacts: z.array(
    z.object({
      name: z.string(),
      role: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  ),
})
export const AuthorityList = z.object({ items: z.array(AuthorityView) })

const ContactBody = z.strictObject({
  name: text().min(1).max(200),
  role: text().min(1).max(200),
  email: text().max(200).email().nullable(),
  phone: text()
    .regex(/^\+[1-9]\d{1,14}$/)
    .nullable(),
})
const AuthorityFields = {
  country: text().regex(/^[A-Z]{2}$/),
  nameEn: text().min(1).max(200),
  nameKm: text().min(1).max(200),
  contacts: z.array(ContactBody).max(20),
}
export const OwnAuthorityBody = z.strictObject({ code, agencyCode: code, ...AuthorityFields })
export const PartnerAuthorityBody = z.strictObject({
  endpoint: text().min(1).max(500).nullable(),
  ...AuthorityFields,
})

export const PublishedKeyBody = z.strictObject({
  kid: text().min(1).max(100),
  use: z.enum(['sig', 'enc']),
  jwk: z.record(text().max(10), text().max(200)),
  retired: z.boolean(),
  revoked: z.boolean(),
  revokedAt: z.string().datetime({ offset: true }).nullable().optional(),
  expiresAt: z.string().datetime({ offset: true }).nullable().optional(),
})
export const KeySetView = z.object({ authority: z.string(), keys: z.array(PublishedKeyBody) })
export const KeySetBody = z.strictObject({ keys: z.array(PublishedKeyBody).min(1).max(50) })
export const RevokeBody = z.strictObject({ at: z.string().datetime({ offset: true }).optional() })
export const KidParams = z.strictObject({ kid: text().min(1).max(100) })

// Content is checked field by field by the domain against the type's schema; here only its outer shape.
const Content = z.record(fieldName, z.unknown())
export const ComposeBody = z.strictObject({
  agreement: code,
  type: MessageTypeName,
  content: Content,
  threadRef: text().min(1).max(80).nullable().default(null),
})
export const PreviewView = z.object({
  content: z.record(z.string(), z.unknown()),
  withheld: z.array(z.string()),
  allowed: z.array(z.string()),
})

export const MessageView = z.object({
  id: z.string(),
  direction: z.enum(['out', 'in']),
  partner: z.string(),
  agreement: z.string(),
  type: z.string(),
  threadRef: z.string().nullable(),
  sentAt: z.string(),
  status: z.string(),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  hash: z.string(),
  prevHash: z.string().nullable(),
  receipted: z.boolean(),
  appliedRef: z.string().nullable(),
  fields: z.array(z.string()),
})
export const SentView = MessageView.extend({ withheld: z.array(z.string()) })
export const MessageDetailView = MessageView.extend({ content: z.record(z.string(), z.unknown()) })
export const MessageList = z.object({ items: z.array(MessageView) })
export const MessageQuery = z.strictObject({
  direction: z.enum(['out', 'in']).optional(),
  partner: code.optional(),
  thread: text().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})
export const MessageParams = z.strictObject({ direction: z.enum(['out', 'in']), id: z.uuid() })

export const InboxBody = z.strictObject({ message: text().max(2_000_000) })
/** A refusal, with the signed receipt that tells an authenticated sender why (null for anyone else). */
export const InboxRefusedView = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.array(z.unknown()) }),
  receipt: z.string().nullable(),
})
export const InboxView = z.object({
  outcome: z.enum(['applied', 'duplicate']),
  id: z.string(),
  receipt: z.string(),
})

export const ArrivalQuery = z.strictObject({ post: code.optional(), day: isoDate.optional() })
export const ArrivalView = z.object({
  id: z.string(),
  partner: z.string(),
  threadRef: z.string().nullable(),
  postCode: z.string().nullable(),
  borderPoint: z.string(),
  expectedOn: z.string(),
  familyLatin: z.string().nullable(),
  givenLatin: z.string().nullable(),
  sex: z.string().nullable(),
  birthDate: z.string().nullable(),
  nationality: z.string().nullable(),
  status: z.string(),
  caseId: z.string().nullable(),
  returneeId: z.string().nullable(),
})
export const ArrivalList = z.object({ day: z.string(), items: z.array(ArrivalView) })
export const IdParams = z.strictObject({ id: z.uuid() })
export const HandoverView = ArrivalView.extend({ receiptMessageId: z.string().nullable() })

export const BundleImportView = z.object({
  results: z.array(
    z.object({ id: z.string().nullable(), outcome: z.string(), reason: z.enum(REFUSAL_REASONS).nullable() }),
  ),
  receipts: z.array(z.string()),
})
export const BundleReceiptsBody = z.strictObject({ receipts: z.array(text().max(20_000)).max(10_000) })
export const CountsView = z.object({
  items: z.array(
    z.object({
      partner: z.string().nullable(),
      type: z.string().nullable(),
      direction: z.string(),
      outcome: z.string(),
      count: z.number(),
    }),
  ),
})

export const AnswersBody = z.strictObject({
  answers: z
    .array(
      z.strictObject({
        rowId: text().min(1).max(80),
        result: z.enum(['verified', 'not_verified', 'needs_interview']),
        office: text().min(1).max(200).nullable().default(null),
      }),
    )
    .min(1)
    .max(2000),
})
export const ListParams = z.strictObject({ id: z.uuid() })
export const VerificationListView = z.object({
  id: z.string(),
  partner: z.string(),
  agreement: z.string(),
  listRef: z.string().nullable(),
  purged: z.boolean(),
  rows: z.array(
    z.object({
      person: z.record(z.string(), z.unknown()),
      answer: z
        .object({ rowId: z.string(), result: z.string(), office: z.string().nullable(), at: z.string() })
        .nullable(),
    }),
  ),
})
export const FollowUpQuery = z.strictObject({
  all: z.enum(['true', 'false']).default('false'),
  // As of a day (planning ahead, or a fixed clock in tests); today in Cambodia by default.
  on: isoDate
    .refine((d) => {
      const t = Date.parse(`${d}T00:00:00Z`)
      return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d)
    })
    .optional(),
})
export const FollowUpList = z.object({
  today: z.string(),
  items: z.array(
    z.object({
      threadRef: z.string(),
      partner: z.string(),
      agreement: z.string(),
      caseId: z.string().nullable(),
      givenLatin: z.string().nullable(),
      familyLatin: z.string().nullable(),
      handedOverOn: z.string(),
      month: z.number(),
      dueOn: z.string(),
      status: z.enum(['done', 'overdue', 'due', 'upcoming']),
    }),
  ),
})

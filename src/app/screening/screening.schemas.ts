import { z } from 'zod'
import { multilineText, text as textField } from '../../platform/http/text.ts'
import { OUTCOMES } from './adjudicate-hit.ts'
import { DocumentEntryInput, LIST_KINDS, PersonEntryInput } from './entry-input.ts'
import { FORMATS } from './import/records.ts'

/** Every change to an alert list carries the officer's reason, which goes to the audit log with it. */
const reason = multilineText().trim().min(3).max(1000)

export const ListParams = z.strictObject({ id: z.uuid() })
export const EntryParams = z.strictObject({
  id: z.uuid(),
  kind: z.enum(['persons', 'documents']),
  entryId: z.uuid(),
})
export const KindParams = z.strictObject({ id: z.uuid(), kind: z.enum(['persons', 'documents']) })
export const HitParams = z.strictObject({ id: z.uuid() })

export const CreateListBody = z.strictObject({
  name: textField().trim().min(2).max(120),
  ownerAgency: textField().min(2).max(20),
  kind: z.enum(LIST_KINDS),
  description: multilineText().trim().max(2000).default(''),
  reason,
})
export const UpdateListBody = z.strictObject({
  description: multilineText().trim().max(2000).optional(),
  active: z.boolean().optional(),
  reason,
})
export const ListView = z.object({
  id: z.string(),
  name: z.string(),
  ownerAgency: z.string(),
  kind: z.string(),
  description: z.string(),
  active: z.boolean(),
  version: z.number(),
  overdue: z.number(),
  updatedAt: z.string(),
})

export const PersonEntryBody = z.strictObject({ entry: PersonEntryInput, reason })
export const DocumentEntryBody = z.strictObject({ entry: DocumentEntryInput, reason })
export const RemoveEntryBody = z.strictObject({ reason })
export const EntryChangeView = z.object({ id: z.string(), kind: z.string() })

export const EntriesQuery = z.strictObject({
  search: textField().max(200).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
})

const entryCommonView = {
  id: z.string(),
  listId: z.string(),
  externalId: z.string(),
  source: z.string(),
  handling: z.string(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  reviewDate: z.string().nullable(),
  reviewOverdue: z.boolean(),
  sensitivity: z.string(),
  updatedAt: z.string(),
}
export const PersonEntryView = z.object({
  ...entryCommonView,
  names: z.array(z.string()),
  birthDate: z.string().nullable(),
  nationality: z.array(z.string()),
  sex: z.string().nullable(),
  documents: z.array(
    z.object({ issuingState: z.string().optional(), type: z.string().optional(), number: z.string() }),
  ),
  category: z.string(),
})
export const DocumentEntryView = z.object({
  ...entryCommonView,
  issuingState: z.string(),
  type: z.string().nullable(),
  number: z.string(),
  status: z.string(),
})
export const EntriesView = z.object({
  items: z.array(z.union([PersonEntryView, DocumentEntryView])),
  total: z.number(),
})

const text = (max: number) => textField().max(max)
/** Names and numbers are taken as typed (any script, up to 10,000 characters): the matcher cleans them. */
export const ScreenBody = z.strictObject({
  person: z.strictObject({
    name: text(10_000).min(1),
    birthDate: text(40).optional(),
    nationality: text(3).optional(),
    sex: z.enum(['M', 'F', 'X']).optional(),
  }),
  document: z
    .strictObject({ issuingState: text(10).min(1), number: text(200).min(1), type: text(40).optional() })
    .optional(),
  context: z
    .strictObject({ crossingId: z.uuid().optional(), registrationId: z.uuid().optional() })
    .optional(),
  listId: z.uuid().optional(),
})

export const HitView = z.object({
  id: z.string(),
  requestId: z.string(),
  kind: z.enum(['name', 'document']),
  score: z.number(),
  decision: z.string(),
  explanation: z.record(z.string(), z.unknown()),
  status: z.string(),
  postCode: z.string().nullable(),
  agencyCode: z.string(),
  adjudication: z.object({ reason: z.string(), by: z.string().nullable(), at: z.string() }).nullable(),
  createdAt: z.string(),
  entry: z.object({
    id: z.string(),
    kind: z.enum(['person', 'document']),
    listName: z.string(),
    ownerAgency: z.string(),
    sensitivity: z.string(),
    category: z.string().nullable(),
    names: z.array(z.string()),
    birthDate: z.string().nullable(),
    nationality: z.array(z.string()),
    sex: z.string().nullable(),
    handling: z.string(),
    document: z
      .object({
        issuingState: z.string(),
        type: z.string().nullable(),
        number: z.string(),
        status: z.string(),
      })
      .nullable(),
  }),
})
export const ScreenView = z.object({
  requestId: z.string(),
  suppressed: z.number(),
  hits: z.array(HitView),
})

export const AdjudicateBody = z.strictObject({ outcome: z.enum(OUTCOMES), reason })
export const HitQueueQuery = z.strictObject({
  status: z.enum(['pending', 'open', 'needs_investigation', 'decided', 'all']).default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})
export const NotificationView = z.object({
  id: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  hit: HitView,
})

export const ImportQuery = z.strictObject({
  format: z.enum(FORMATS),
  fileName: textField().max(300).optional(),
  /** `true` once the importer has seen how many entries the file removes (an empty file, most of the list). */
  confirmRemovals: z.enum(['true', 'false']).optional(),
})
export const ImportView = z.object({
  listId: z.string(),
  version: z.number(),
  read: z.number(),
  added: z.number(),
  changed: z.number(),
  removed: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
  removalsConfirmed: z.boolean(),
  /** Country values in the file that map to no country, with how many records hold each. */
  unmappedCountries: z.array(z.object({ value: z.string(), records: z.number() })),
})
export const ImportRejectedView = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(
      z.object({
        path: z.string(),
        code: z.string(),
        params: z.record(z.string(), z.union([z.string(), z.number()])),
        message: z.string(),
      }),
    ),
  }),
})

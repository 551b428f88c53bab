import { createHash } from 'node:crypto'
import { z } from 'zod'
import { canonicalJson } from '../../platform/audit/audit-hash.ts'
import { multilineText, text as textField } from '../../platform/http/text.ts'

/** What an entry says about the person; a category decides how the officer is told to act. */
export const CATEGORIES = [
  'wanted',
  'suspected_trafficker',
  'banned_from_entry',
  'missing_person',
  'child_at_risk',
  'sanctioned',
  'other',
] as const
export const DOCUMENT_STATUSES = ['lost', 'stolen', 'revoked', 'invalid'] as const
export const SENSITIVITIES = ['normal', 'restricted', 'confidential'] as const
export const LIST_KINDS = ['persons', 'documents', 'mixed'] as const

// Prose (500 characters and more) may span lines; shorter fields are single-line.
const text = (max: number) => (max >= 500 ? multilineText() : textField()).trim().max(max)
const isoDate = textField().regex(/^\d{4}-\d{2}-\d{2}$/)
/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: lists often know only the year of birth. */
export const PartialDate = textField().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
const country = textField()
  .trim()
  .regex(/^[A-Za-z]{1,3}$/)
  .transform((c) => c.toUpperCase())

export const ListedDocumentInput = z.strictObject({
  issuingState: country.optional(),
  type: text(40).optional(),
  number: text(60).min(1),
})

const entryCommon = {
  externalId: text(200).min(1).optional(),
  source: text(500).default(''),
  handling: text(2000).default(''),
  validFrom: isoDate.nullable().default(null),
  validUntil: isoDate.nullable().default(null),
  reviewDate: isoDate.nullable().default(null),
  sensitivity: z.enum(SENSITIVITIES).default('normal'),
}

export const PersonEntryInput = z.strictObject({
  ...entryCommon,
  names: z.array(text(300).min(1)).min(1).max(100),
  birthDate: PartialDate.nullable().default(null),
  nationality: z.array(country).max(10).default([]),
  sex: z.enum(['M', 'F', 'X']).nullable().default(null),
  documents: z.array(ListedDocumentInput).max(50).default([]),
  category: z.enum(CATEGORIES),
})
export type PersonEntryInput = z.output<typeof PersonEntryInput>

export const DocumentEntryInput = z.strictObject({
  ...entryCommon,
  issuingState: country,
  type: text(40).nullable().default(null),
  number: text(60).min(1),
  status: z.enum(DOCUMENT_STATUSES),
})
export type DocumentEntryInput = z.output<typeof DocumentEntryInput>

export type EntryKind = 'person' | 'document'

/** The content that makes an entry what it is; the external id and bookkeeping stay out of it. */
export function fingerprint(entry: PersonEntryInput | DocumentEntryInput): string {
  const { externalId: _, ...content } = entry
  return createHash('sha256').update(canonicalJson(content)).digest('hex')
}

import { z } from 'zod'
import { MAX_INPUT_LENGTH, MRZ_FORMATS } from '../../domain/documents/index.ts'
import { scannerText, text } from '../../platform/http/text.ts'

export const ReadDocumentBody = z.strictObject({
  text: scannerText()
    .max(MAX_INPUT_LENGTH)
    .describe('The MRZ as the reader typed it: CR/LF and stray characters allowed'),
})

const partialDate = text().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)

export const ManualDocumentBody = z.strictObject({
  documentCode: text()
    .regex(/^[A-Z][A-Z<]?$/)
    .describe('P, PO, I, ID, AC, V …'),
  issuingState: text().regex(/^[A-Z]{1,3}$/),
  documentNumber: text().regex(/^[A-Z0-9]{1,20}$/),
  nationality: text().regex(/^[A-Z]{1,3}$/),
  surname: text().trim().min(1).max(100),
  givenNames: text().trim().max(100),
  birthDate: partialDate,
  sex: z.enum(['M', 'F', 'X']),
  expiryDate: z.iso.date(),
})

export const IdParams = z.strictObject({ id: z.uuid() })

const nullableText = z.string().nullable()
const Span = z.object({ line: z.number(), start: z.number(), end: z.number() })

export const FieldsView = z.object({
  documentCode: nullableText,
  issuingState: nullableText,
  issuingStateRaw: nullableText,
  documentNumber: nullableText,
  nationality: nullableText,
  nationalityRaw: nullableText,
  surname: nullableText,
  givenNames: nullableText,
  birthDate: nullableText,
  sex: z.enum(['M', 'F', 'X']).nullable(),
  expiryDate: nullableText,
  personalNumber: nullableText.optional(),
  optionalData: nullableText.optional(),
  optionalData2: nullableText.optional(),
})

const IssueView = z.object({
  code: z.string(),
  field: z.string(),
  message: z.string(),
  line: z.number().nullable(),
  start: z.number().nullable(),
  end: z.number().nullable(),
})

const FactsView = z.object({
  age: z.number().nullable(),
  ageMin: z.number().nullable(),
  ageMax: z.number().nullable(),
  minor: z.boolean().nullable(),
  underTwelve: z.boolean().nullable(),
  ageNeedsReview: z.boolean(),
  expired: z.boolean().nullable(),
  daysToExpiry: z.number().nullable(),
  expiresSoon: z.boolean().nullable(),
  statelessOrRefugee: z.enum(['stateless', 'refugee', 'other_refugee']).nullable(),
  protectionRelevant: z.boolean(),
})

export const DocumentView = z.object({
  id: z.string(),
  travellerId: z.string(),
  source: z.string(),
  format: nullableText,
  documentCode: z.string(),
  issuingState: z.string(),
  documentNumber: z.string(),
  nationality: nullableText,
  surname: z.string(),
  givenNames: z.string(),
  birthDate: nullableText,
  sex: nullableText,
  expiryDate: nullableText,
  optionalData: nullableText,
  firstSeenAt: z.string(),
  firstSeenPost: nullableText,
  lastSeenAt: z.string(),
  lastSeenPost: nullableText,
  readCount: z.number(),
})

export const ReadView = z.object({
  onDate: z.string(),
  format: z.enum(MRZ_FORMATS).nullable(),
  valid: z.boolean(),
  lines: z.array(z.string()),
  fields: FieldsView,
  checks: z.record(z.string(), z.union([z.boolean(), z.string(), z.null()])),
  spans: z.record(z.string(), z.array(Span)),
  errors: z.array(IssueView),
  warnings: z.array(IssueView),
  facts: FactsView.nullable(),
  corrections: z.array(
    z.object({
      lines: z.array(z.string()),
      changes: z.array(
        z.object({
          line: z.number(),
          index: z.number(),
          from: z.string(),
          to: z.string(),
          field: z.string(),
          reason: z.string(),
          message: z.string(),
        }),
      ),
      fields: FieldsView,
    }),
  ),
  document: DocumentView.extend({ created: z.boolean() }).nullable(),
  templateId: nullableText,
})

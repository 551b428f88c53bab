import { z } from 'zod'
import {
  DECISIONS,
  DIRECTIONS,
  PERMIT_TYPES,
  PURPOSES,
  RELATIONS,
  TRANSPORTS,
} from '../../domain/crossings/index.ts'
import { MAX_INPUT_LENGTH } from '../../domain/documents/index.ts'
import { multilineText, scannerText, text } from '../../platform/http/text.ts'
import { DocumentView } from '../documents/documents.schemas.ts'
import { EvaluationView } from '../risk/risk.schemas.ts'
import { HitView } from '../screening/screening.schemas.ts'
import { IdentityCandidateView, TravellerView } from './identify-schemas.ts'

const day = text().regex(/^\d{4}-\d{2}-\d{2}$/)
const short = (max: number) => text().trim().min(1).max(max)

/** One of the MRZ text as the reader typed it, or a document already stored (a manual entry, a re-inspection). */
export const InspectBody = z
  .strictObject({
    text: scannerText().min(1).max(MAX_INPUT_LENGTH).optional(),
    documentId: z.uuid().optional(),
    travel: z
      .strictObject({
        direction: z.enum(DIRECTIONS).optional(),
        purpose: z.enum(PURPOSES).optional(),
        transport: z.enum(TRANSPORTS).optional(),
        declaredStayDays: z.number().int().min(0).max(3650).optional(),
      })
      .optional(),
  })
  .refine((b) => (b.text === undefined) !== (b.documentId === undefined), {
    message: 'crossings.text_or_document',
  })

export const CrossingBody = z.strictObject({
  documentId: z.uuid(),
  counter: short(20),
  direction: z.enum(DIRECTIONS),
  decision: z.enum(DECISIONS),
  refusalReason: text().max(40).nullable().default(null),
  purpose: z.enum(PURPOSES).nullable().default(null),
  permit: z
    .strictObject({
      type: z.enum(PERMIT_TYPES),
      number: short(40).nullable().default(null),
      validFrom: day.nullable().default(null),
      validUntil: day.nullable().default(null),
      permittedStayDays: z.number().int().min(0).max(3650).nullable().default(null),
    })
    .nullable()
    .default(null),
  transport: z
    .strictObject({
      kind: z.enum(TRANSPORTS),
      vehiclePlate: short(20).nullable().default(null),
      flightNumber: short(10).nullable().default(null),
      vesselName: short(80).nullable().default(null),
    })
    .nullable()
    .default(null),
  companions: z
    .array(z.strictObject({ travellerId: z.uuid(), relation: z.enum(RELATIONS) }))
    .max(50)
    .default([]),
  riskEvaluationId: z.uuid().nullable().default(null),
  screeningRequestId: z.uuid().nullable().default(null),
  referralNote: multilineText().trim().max(2000).nullable().default(null),
})

export const HistoryQuery = z.strictObject({ traveller: z.uuid() })

export const CrossingView = z.object({
  id: z.string(),
  travellerId: z.string(),
  documentId: z.string(),
  postCode: z.string(),
  counter: z.string(),
  officerId: z.string(),
  crossedAt: z.string(),
  crossedOn: z.string(),
  direction: z.string(),
  purpose: z.string().nullable(),
  permit: z
    .object({
      type: z.string(),
      number: z.string().nullable(),
      validFrom: z.string().nullable(),
      validUntil: z.string().nullable(),
      permittedStayDays: z.number().nullable(),
    })
    .nullable(),
  transport: z
    .object({
      kind: z.string(),
      vehiclePlate: z.string().nullable(),
      flightNumber: z.string().nullable(),
      vesselName: z.string().nullable(),
    })
    .nullable(),
  decision: z.string(),
  refusalReason: z.string().nullable(),
  riskEvaluationId: z.string().nullable(),
  screeningRequestId: z.string().nullable(),
  matchedEntryId: z.string().nullable(),
  stayDays: z.number().nullable(),
  overstayDays: z.number().nullable(),
  flags: z.array(z.string()),
  companions: z.array(
    z.object({
      travellerId: z.string(),
      relation: z.string(),
      name: z.string(),
      birthDate: z.string().nullable(),
    }),
  ),
})

const StayView = z
  .object({
    entryId: z.string(),
    entryDay: z.string(),
    entryPost: z.string(),
    days: z.number(),
    permittedDays: z.number().nullable(),
    overstayDays: z.number().nullable(),
  })
  .nullable()

export const InspectionView = z.object({
  day: z.string(),
  document: DocumentView,
  traveller: TravellerView,
  history: z.array(CrossingView),
  currentStay: StayView,
  expectedDirection: z.enum(DIRECTIONS).nullable(),
  screening: z.object({ requestId: z.string(), hits: z.array(HitView) }),
  risk: EvaluationView,
  refusalReasons: z.array(z.object({ code: z.string(), name: z.string() })),
  identityCandidates: z.array(IdentityCandidateView),
})

export const HistoryView = z.object({ items: z.array(CrossingView) })

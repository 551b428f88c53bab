import { z } from 'zod'
import { SECONDARY_OUTCOMES, SECONDARY_STATES } from '../../domain/crossings/index.ts'
import { OVERRIDE_GROUNDS } from '../../domain/protection/consent.ts'
import { SERVICE_TYPES } from '../../domain/protection/organisation.ts'
import { multilineText, text } from '../../platform/http/text.ts'
import { Answers, ConsentBody } from '../protection/protection.schemas.ts'
import { EvaluationView } from '../risk/risk.schemas.ts'
import { HitView } from '../screening/screening.schemas.ts'
import { CrossingView } from './crossings.schemas.ts'

export const SecondaryParams = z.strictObject({ id: z.uuid() })

export const NoteBody = z.strictObject({ text: multilineText().trim().min(1).max(4000) })

export const ExaminationLinkBody = z.strictObject({ examinationId: z.uuid() })

const optionalText = (max: number) => text().trim().max(max).nullable().default(null)

/** The short protection referral of a secondary outcome; the person is the traveller of the document. */
const ProtectionBody = z.strictObject({
  answers: Answers,
  consents: z.array(ConsentBody).max(10),
  providerId: z.uuid(),
  services: z.array(z.enum(SERVICE_TYPES)).min(1).max(SERVICE_TYPES.length),
  note: multilineText().trim().min(1).max(4000),
  override: z
    .strictObject({ ground: z.enum(OVERRIDE_GROUNDS), reason: multilineText().trim().min(1).max(2000) })
    .nullable()
    .default(null),
  givenKhmer: optionalText(100),
  familyKhmer: optionalText(100),
  mobilePhone: optionalText(30),
  provinceCode: text()
    .regex(/^KH-\d{1,2}$/)
    .nullable()
    .default(null),
})

export const DecideBody = z.strictObject({
  outcome: z.enum(SECONDARY_OUTCOMES),
  refusalReason: text().max(40).nullable().default(null),
  note: multilineText().trim().min(1).max(4000),
  protection: ProtectionBody.nullable().default(null),
})

const ExaminationView = z.object({
  id: z.string(),
  finding: z.string(),
  notes: z.string(),
  examinedAt: z.string(),
})

const Dwell = z.object({
  waitingSeconds: z.number(),
  interviewSeconds: z.number().nullable(),
  totalSeconds: z.number(),
})

export const SecondaryItemView = z.object({
  id: z.string(),
  crossingId: z.string(),
  postCode: z.string(),
  state: z.enum(SECONDARY_STATES),
  traveller: z.object({
    id: z.string(),
    name: z.string(),
    birthDate: z.string().nullable(),
    nationality: z.string().nullable(),
  }),
  documentId: z.string(),
  direction: z.string(),
  counter: z.string(),
  referredAt: z.string(),
  referredBy: z.string(),
  referralNote: z.string(),
  takenAt: z.string().nullable(),
  takenBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  outcome: z.enum(SECONDARY_OUTCOMES).nullable(),
  refusalReason: z.string().nullable(),
  resultCrossingId: z.string().nullable(),
  protectionReferralId: z.string().nullable(),
  policeAlertId: z.string().nullable(),
  dwell: Dwell,
})

export const QueueView = z.object({ items: z.array(SecondaryItemView) })

export const SecondaryDetailView = SecondaryItemView.extend({
  notes: z.array(z.object({ id: z.string(), author: z.string(), writtenAt: z.string(), text: z.string() })),
  examinations: z.array(ExaminationView),
  /** The traveller's examinations at the post since the referral, offered for linking. */
  unlinkedExaminations: z.array(ExaminationView),
  hits: z.array(HitView),
  risk: EvaluationView.nullable(),
  history: z.array(CrossingView),
  refusalReasons: z.array(z.object({ code: z.string(), name: z.string() })),
})

import { z } from 'zod'
import { CASE_EXPORT_PROFILES } from '../../domain/protection/case-export-profiles.ts'
import { CASE_STATES, CLOSURE_REASONS } from '../../domain/protection/case-record.ts'
import { CONSENT_PURPOSES, OVERRIDE_GROUNDS } from '../../domain/protection/consent.ts'
import { ORGANISATION_TYPES } from '../../domain/protection/htcds-vocabularies.ts'
import { SERVICE_TYPES } from '../../domain/protection/organisation.ts'
import { GENDERS } from '../../domain/protection/person.ts'
import { REFERRAL_STATES } from '../../domain/protection/referral-workflow.ts'
import { multilineText, text as textField } from '../../platform/http/text.ts'
import { countryCode } from '../reference/country-code.ts'

// Prose (500 characters and more) may span lines; shorter fields are single-line.
const text = (max: number) => (max >= 500 ? multilineText() : textField()).trim().max(max)
const reason = multilineText().trim().min(1).max(2000)
const nullableText = (max: number) => textField().trim().max(max).nullable()
export const IdParams = z.strictObject({ id: z.uuid() })
export const FollowUpParams = z.strictObject({ id: z.uuid(), followUpId: z.uuid() })
const service = z.enum(SERVICE_TYPES)

const providerFields = {
  agencyCode: textField().min(2).max(20),
  nameEn: text(200).min(1),
  nameKm: text(200).min(1),
  type: z.enum(ORGANISATION_TYPES),
  services: z.array(service).min(1).max(SERVICE_TYPES.length),
  provinceCode: textField()
    .regex(/^KH-\d{1,2}$/)
    .nullable(),
  location: text(300),
  contactName: text(200),
  phone: text(40),
  email: z.union([z.email().max(200), z.literal('')]),
  shelterBeds: z.number().int().min(0).max(100_000).nullable(),
  shelterOccupied: z.number().int().min(0).max(100_000),
  active: z.boolean(),
}
export const CreateProviderBody = z.strictObject(providerFields)
export const UpdateProviderBody = z.strictObject(providerFields).partial()
export const ProviderQuery = z.strictObject({
  service: service.optional(),
  active: z.enum(['true', 'false']).optional(),
})

export const PersonBody = z.strictObject({
  givenLatin: text(100),
  familyLatin: text(100),
  givenKhmer: nullableText(100),
  familyKhmer: nullableText(100),
  birthDate: z.iso.date().nullable(),
  birthDateEstimated: z.boolean(),
  gender: z.enum(GENDERS),
  nationality: countryCode().nullable(),
  mobilePhone: nullableText(30),
  provinceCode: textField()
    .regex(/^KH-\d{1,2}$/)
    .nullable(),
})

/** Answers are checked against the form by the domain (unknown questions, invalid values, missing ones). */
export const Answers = z.record(textField().max(60), z.union([textField().max(60), z.number()]))
const context = z.enum(['crossing', 'returnee', 'standalone'])

export const ScreeningBody = z.strictObject({ person: PersonBody, answers: Answers, context })

export const ConsentBody = z.strictObject({
  purpose: z.enum(CONSENT_PURPOSES),
  decision: z.enum(['given', 'refused', 'withdrawn']),
  givenBy: z.enum(['self', 'parentOrGuardian', 'appointedGuardian']),
  guardianName: nullableText(200),
  method: z.enum(['verbal', 'written', 'thumbprint']),
})

const referralCommon = {
  consents: z.array(ConsentBody).max(10),
  providerId: z.uuid(),
  services: z.array(service).min(1).max(SERVICE_TYPES.length),
  note: text(4000),
  override: z.strictObject({ ground: z.enum(OVERRIDE_GROUNDS), reason: reason }).nullable(),
}
export const ReferralBody = z.union([
  z.strictObject({ ...referralCommon, person: PersonBody, answers: Answers, context }),
  z.strictObject({ ...referralCommon, personId: z.uuid(), caseId: z.uuid().nullable() }),
])
export const ReferralQuery = z.strictObject({
  box: z.enum(['incoming', 'outgoing']).default('incoming'),
  state: z.enum(REFERRAL_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
})
export const ReferralCommandBody = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('accept') }),
  z.strictObject({ type: z.literal('decline'), reason }),
  z.strictObject({ type: z.literal('complete'), outcome: text(2000).optional() }),
  z.strictObject({ type: z.literal('withdraw'), reason }),
])

export const AssistanceBody = z.strictObject({
  caseId: z.uuid().nullable(),
  referralId: z.uuid().nullable(),
  service,
  note: text(2000),
  providedAt: z.iso.datetime({ offset: true }).nullable(),
})

export const OpenCaseBody = z.strictObject({ personId: z.uuid() })
export const CaseQuery = z.strictObject({
  state: z.enum(CASE_STATES).optional(),
  mine: z.enum(['true', 'false']).optional(),
  unassigned: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  search: textField().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
})

export const CaseCommandBody = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('assign'), caseWorkerId: z.uuid() }),
  z.strictObject({ type: z.literal('completeAssessment'), summary: text(4000).optional() }),
  z.strictObject({ type: z.literal('submitPlan'), goals: z.array(text(500)).min(1).max(30) }),
  z.strictObject({ type: z.literal('approvePlan') }),
  z.strictObject({ type: z.literal('rejectPlan'), reason }),
  z.strictObject({ type: z.literal('startMonitoring') }),
  z.strictObject({ type: z.literal('resumeIntegration'), reason }),
  z.strictObject({
    type: z.literal('requestClosure'),
    reason: z.enum(CLOSURE_REASONS),
    note: text(2000).optional(),
  }),
  z.strictObject({ type: z.literal('approveClosure') }),
  z.strictObject({ type: z.literal('rejectClosure'), reason }),
  z.strictObject({ type: z.literal('requestTransfer'), toAgencyId: textField().min(2).max(20), reason }),
  z.strictObject({ type: z.literal('acceptTransfer') }),
  z.strictObject({ type: z.literal('declineTransfer'), reason }),
  z.strictObject({ type: z.literal('cancelRequest') }),
  z.strictObject({ type: z.literal('reopen'), reason }),
])

export const FollowUpBody = z.strictObject({ dueDate: z.iso.date(), note: text(2000) })
export const CompleteFollowUpBody = z.strictObject({ completedOn: z.iso.date(), note: text(2000) })

/** k from the administrator's floor (11 as CTDC publishes, unless raised) unless a higher one is asked. */
export const ExportQuery = z.strictObject({
  k: z.coerce.number().int().max(1000).optional(),
  format: z.enum(['csv', 'json']).default('csv'),
  /** Which published shape the rows take: HTCDS field names, or CTDC's dataset columns. */
  profile: z.enum(CASE_EXPORT_PROFILES).default('htcds'),
})

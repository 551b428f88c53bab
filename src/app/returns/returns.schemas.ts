import { z } from 'zod'
import { SERVICE_TYPES } from '../../domain/protection/organisation.ts'
import {
  MAX_AGE,
  MAX_DISTRICT_LENGTH,
  MAX_NAME_LENGTH,
  NEEDS,
  RETURN_TYPES,
  SEXES,
  TRIAGE_FLAGS,
} from '../../domain/returns/index.ts'
import { multilineText, text } from '../../platform/http/text.ts'
import { Answers, ConsentBody } from '../protection/protection.schemas.ts'
import { LIST_FORMATS } from './return-list-reader.ts'

const name = text().max(MAX_NAME_LENGTH).nullable().default(null)
const district = text().max(MAX_DISTRICT_LENGTH).nullable().default(null)
const province = text().max(10).nullable().default(null)
const unique = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .array(z.enum(values))
    .max(values.length)
    .default([])
    .refine((a) => new Set(a).size === a.length)

/** The returnee's own data; the domain checks what a schema cannot (names' scripts, dates, provinces, phone). */
export const ReturneeFields = z.strictObject({
  familyLatin: name,
  givenLatin: name,
  familyKhmer: name,
  givenKhmer: name,
  sex: z.enum(SEXES).nullable().default(null),
  birthDate: text().max(10).nullable().default(null),
  estimatedAge: z.number().int().min(0).max(MAX_AGE).nullable().default(null),
  nationality: text().length(3).default('KHM'),
  originProvince: province,
  originDistrict: district,
  returnProvince: province,
  returnDistrict: district,
  phone: text().max(30).nullable().default(null),
  groupId: z.uuid().nullable().default(null),
  returnType: z.enum(RETURN_TYPES),
  triageFlags: unique(TRIAGE_FLAGS),
  needs: unique(NEEDS),
})

export const ReferralFields = z.strictObject({
  providerId: z.uuid(),
  services: z.array(z.enum(SERVICE_TYPES)).min(1).max(SERVICE_TYPES.length),
  note: multilineText().trim().min(3).max(500),
  consents: z.array(ConsentBody).max(10).default([]),
  answers: Answers.default({}),
})

export const RegisterBody = z.strictObject({
  postCode: text().max(40).nullable().default(null),
  returnee: ReturneeFields,
  referral: ReferralFields.nullable().default(null),
})

export const UpdateBody = z.strictObject({ returnee: ReturneeFields })
export const IdParams = z.strictObject({ id: z.uuid() })

export const ListQuery = z.strictObject({
  post: text().max(40).optional(),
  day: z.iso.date().optional(),
  q: text().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

export const ImportQuery = z.strictObject({
  format: z.enum(LIST_FORMATS),
  listRef: text().trim().min(1).max(80),
  returnType: z.enum(RETURN_TYPES),
  fileName: text().max(200).optional(),
  post: text().max(40).optional(),
})

export const ReturneeView = z.object({
  id: z.uuid(),
  postCode: z.string(),
  registeredAt: z.string(),
  registeredOn: z.string(),
  familyLatin: z.string().nullable(),
  givenLatin: z.string().nullable(),
  familyKhmer: z.string().nullable(),
  givenKhmer: z.string().nullable(),
  sex: z.enum(SEXES).nullable(),
  birthDate: z.string().nullable(),
  estimatedAge: z.number().nullable(),
  nationality: z.string(),
  originProvince: z.string().nullable(),
  originDistrict: z.string().nullable(),
  returnProvince: z.string().nullable(),
  returnDistrict: z.string().nullable(),
  phone: z.string().nullable(),
  groupId: z.string().nullable(),
  returnType: z.string(),
  triageFlags: z.array(z.string()),
  needs: z.array(z.string()),
  referralId: z.string().nullable(),
  listRef: z.string().nullable(),
  hasPhoto: z.boolean(),
})

export const RegisteredView = ReturneeView.extend({ referralProposed: z.boolean() })

export const ListView = z.object({ day: z.string(), total: z.number(), items: z.array(ReturneeView) })

export const ImportIssueView = z.object({
  row: z.number(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
})

export const ImportView = z.object({
  id: z.uuid(),
  postCode: z.string(),
  listRef: z.string(),
  fileName: z.string().nullable(),
  format: z.string(),
  returnType: z.string(),
  state: z.string(),
  total: z.number(),
  processed: z.number(),
  added: z.number(),
  alreadyRegistered: z.number(),
  rejected: z.number(),
  issues: z.array(ImportIssueView),
  ignoredColumns: z.array(z.string()),
  createdAt: z.string(),
})

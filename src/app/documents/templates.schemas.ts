import { z } from 'zod'
import type { CheckCategory, CheckMethod } from '../../domain/documents/index.ts'
import { text } from '../../platform/http/text.ts'

const CATEGORIES = [
  'data_page',
  'portrait',
  'substrate',
  'printing',
  'optical',
  'booklet',
  'holder',
] as const satisfies readonly CheckCategory[]
const METHODS = [
  'compare',
  'look',
  'feel',
  'tilt',
  'magnify',
  'uv_light',
  'transmitted_light',
] as const satisfies readonly CheckMethod[]

const id = text()
  .min(2)
  .max(60)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)
  .describe('Letters, digits, dot, dash or underscore')
const name = text().trim().min(1).max(300)

export const TemplateParams = z.strictObject({ id })
export const CheckParams = z.strictObject({ id, checkId: id })

export const CreateTemplateBody = z.strictObject({
  id,
  issuingState: text()
    .regex(/^[A-Z]{1,3}$/)
    .nullable(),
  documentCode: text()
    .regex(/^[A-Z]$/)
    .nullable(),
  series: text().trim().min(1).max(100).nullable(),
  nameEn: name,
  nameKm: name,
  copyChecksFrom: id.optional(),
})

export const UpdateTemplateBody = z
  .strictObject({
    nameEn: name,
    nameKm: name,
    series: text().trim().min(1).max(100).nullable(),
    active: z.boolean(),
  })
  .partial()

export const SaveCheckBody = z.strictObject({
  category: z.enum(CATEGORIES),
  method: z.enum(METHODS),
  nameEn: name,
  nameKm: name,
  toBeConfirmed: z.boolean(),
  active: z.boolean().default(true),
  position: z.number().int().min(0).max(10_000).optional(),
})

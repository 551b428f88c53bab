import { z } from 'zod'
import { AGENCY_KINDS } from '../../domain/identity/roles.ts'
import { text } from '../../platform/http/text.ts'

const code = (max: number) =>
  text()
    .min(2)
    .max(max)
    .regex(/^[A-Z0-9][A-Z0-9-]*$/)
    .describe('Upper-case letters, digits and dashes')
const name = text().trim().min(1).max(200)

export const AgencyView = z.object({
  code: z.string(),
  nameEn: z.string(),
  nameKm: z.string(),
  kind: z.string(),
  active: z.boolean(),
})
export const CreateAgencyBody = z.strictObject({
  code: code(20),
  nameEn: name,
  nameKm: name,
  kind: z.enum(AGENCY_KINDS),
})
export const UpdateAgencyBody = z
  .strictObject({ nameEn: name, nameKm: name, kind: z.enum(AGENCY_KINDS), active: z.boolean() })
  .partial()

export const PostView = z.object({
  code: z.string(),
  nameEn: z.string(),
  nameKm: z.string(),
  type: z.string(),
  provinceCode: z.string(),
  neighbourCountry: z.string().nullable(),
  neighbourPost: z.string().nullable(),
  active: z.boolean(),
})
const postFields = {
  nameEn: name,
  nameKm: name,
  type: z.enum(['land', 'river', 'air', 'sea']),
  provinceCode: text().regex(/^KH-\d{1,2}$/),
  neighbourCountry: text()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
  neighbourPost: text().max(300).nullable(),
}
export const CreatePostBody = z.strictObject({ code: code(40), ...postFields })
export const UpdatePostBody = z.strictObject({ ...postFields, active: z.boolean() }).partial()

export const CodeParams = z.strictObject({ code: text().min(1).max(40) })

export const CountryView = z.object({
  alpha2: z.string(),
  alpha3: z.string(),
  numeric: z.string(),
  icaoCode: z.string(),
  nameEn: z.string(),
  nameKm: z.string(),
})
export const ProvinceView = z.object({ code: z.string(), nameEn: z.string(), nameKm: z.string() })

export const IcaoCodeView = z.object({
  code: z.string(),
  kind: z.string(),
  nameEn: z.string(),
  nameKm: z.string(),
})

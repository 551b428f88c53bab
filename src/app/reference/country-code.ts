import { ISO_3166_ALPHA3 } from '../../domain/documents/iso3166-alpha3.ts'
import { text } from '../../platform/http/text.ts'

const ISO = new Set(ISO_3166_ALPHA3)
// Reported as `validation.unknown_country` (see platform/http/error-handler.ts), once the shape is right.
const unknown = { params: { code: 'unknown_country' } } as const

/** A nationality or country written on a record: a country that exists (ISO 3166-1 alpha-3), not just three letters. */
export function countryCode() {
  return text()
    .regex(/^[A-Z]{3}$/)
    .refine((c) => !/^[A-Z]{3}$/.test(c) || ISO.has(c), unknown)
}

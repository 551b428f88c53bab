import { isIsoDate } from '../statistics/calendar.ts'
import { fail, ok, PROTECTION_ERRORS, type Result } from './errors.ts'
import type { HtcdsGender } from './htcds-vocabularies.ts'

/**
 * A name as the person's documents and community write it. Khmer spelling often cannot be recovered from a
 * romanisation, and romanisations vary (UNGEGN, ALA-LC, ad-hoc), so the Khmer-script name is stored beside
 * the Latin one and every known Latin variant is kept for duplicate search.
 */
export interface PersonName {
  /** As in the passport's MRZ or as spelled by the person. */
  latin: { given: string; family: string; middle?: string }
  /** Khmer script; Khmer order is family name first, which display must respect. */
  khmer?: { given: string; family: string }
  latinVariants?: readonly string[]
}

export const GENDERS = ['female', 'male', 'nonconforming', 'unknown'] as const
export type Gender = (typeof GENDERS)[number]

export const HTCDS_GENDER: Readonly<Record<Gender, HtcdsGender>> = {
  female: 'Female',
  male: 'Male',
  nonconforming: 'Transgender/NonConforming',
  unknown: 'Unknown',
}

export interface Address {
  /** ISO 3166-2 subdivision, e.g. `KH-1` for Banteay Meanchey. */
  province?: string
  district?: string
  commune?: string
  village?: string
  /** ISO 3166-1 alpha-3, as in travel documents. */
  country?: string
}

/** HTCDS "Person": only what identifies and reaches the person; the trafficking context is separate. */
export interface Person {
  id: string
  name: PersonName
  /** `YYYY-MM-DD`; for an estimated age, the estimate's 1 January with `birthDateEstimated`. */
  birthDate?: string
  birthDateEstimated?: boolean
  gender: Gender
  /** ISO 3166-1 alpha-3 (ICAO), as read from documents; converted to alpha-2 on HTCDS export. */
  nationality?: string
  deceased?: boolean
  mobilePhone?: string
  address?: Address
}

const KHMER = /^[\u1780-\u17FF\u19E0-\u19FF\u200B\s]+$/u
const HAS_KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/u
/** HTCDS's own rule for phone numbers (E.164). */
const E164 = /^\+?[1-9]\d{1,14}$/

/** Checks what a form cannot: scripts in the right fields, a dialable number, a birth date not in the future. */
export function validatePerson(person: Person, today: string): Result<Person> {
  const { latin, khmer } = person.name
  if (latin.family.trim() === '' && latin.given.trim() === '' && !khmer)
    return fail(PROTECTION_ERRORS.nameRequired)
  for (const part of [latin.given, latin.family, latin.middle ?? '']) {
    if (HAS_KHMER.test(part)) return fail(PROTECTION_ERRORS.latinNameNotLatin, { value: part })
  }
  if (khmer) {
    for (const part of [khmer.given, khmer.family]) {
      if (part.trim() !== '' && !KHMER.test(part))
        return fail(PROTECTION_ERRORS.khmerNameNotKhmer, { value: part })
    }
  }
  if (person.mobilePhone !== undefined && !E164.test(person.mobilePhone.replace(/[\s-]/g, ''))) {
    return fail(PROTECTION_ERRORS.invalidPhone, { value: person.mobilePhone })
  }
  if (person.birthDate !== undefined) {
    if (!isIsoDate(person.birthDate)) return fail(PROTECTION_ERRORS.invalidDate, { value: person.birthDate })
    if (person.birthDate > today)
      return fail(PROTECTION_ERRORS.birthDateInFuture, { value: person.birthDate })
  }
  return ok(person)
}

/** Every spelling worth searching on: Latin as written, its variants, and the Khmer name. */
export function searchableNames(name: PersonName): string[] {
  const latin = [name.latin.given, name.latin.middle, name.latin.family].filter(Boolean).join(' ')
  const khmer = name.khmer ? `${name.khmer.family} ${name.khmer.given}`.trim() : undefined
  return [
    ...new Set(
      [latin, ...(name.latinVariants ?? []), ...(khmer ? [khmer] : [])].filter((n) => n.trim() !== ''),
    ),
  ]
}

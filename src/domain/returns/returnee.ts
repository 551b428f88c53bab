import { ISO_3166_ALPHA3 } from '../documents/iso3166-alpha3.ts'
import { ageFromBirthDate, ageOf, isBirthDate, isInFuture, MAX_AGE } from './birth.ts'
import { normalisePhone } from './phone.ts'

// A nationality is a country that exists (ISO 3166-1 alpha-3), not any three letters such as ZZZ.
const ISO_COUNTRIES = new Set(ISO_3166_ALPHA3)

export const RETURN_TYPES = ['spontaneous', 'g2g_list', 'deportation', 'other'] as const
export type ReturnType = (typeof RETURN_TYPES)[number]
export const TRIAGE_FLAGS = [
  'medical',
  'pregnancy',
  'child',
  'unaccompanied_child',
  'disability',
  'trafficking_indicators',
] as const
export type TriageFlag = (typeof TRIAGE_FLAGS)[number]
export const NEEDS = ['food', 'water', 'shelter', 'transport_home', 'medical_care'] as const
export type Need = (typeof NEEDS)[number]
export const SEXES = ['M', 'F', 'X'] as const
export type Sex = (typeof SEXES)[number]

/** Under 18 is a child (Cambodian law and the UN CRC). */
export const ADULT_AGE = 18
export const MAX_NAME_LENGTH = 100
export const MAX_DISTRICT_LENGTH = 80
/** Flags that call for a referral to protection: the registration proposes one, the officer decides. */
export const REFERRAL_FLAGS: readonly TriageFlag[] = ['unaccompanied_child', 'trafficking_indicators']

export interface ReturneeInput {
  familyLatin: string | null
  givenLatin: string | null
  familyKhmer: string | null
  givenKhmer: string | null
  sex: Sex | null
  birthDate: string | null
  estimatedAge: number | null
  /** ISO 3166-1 alpha-3; returnees are Cambodians unless shown otherwise. */
  nationality: string
  originProvince: string | null
  originDistrict: string | null
  returnProvince: string | null
  returnDistrict: string | null
  phone: string | null
  groupId: string | null
  returnType: ReturnType
  triageFlags: readonly string[]
  needs: readonly string[]
}

export interface Returnee extends ReturneeInput {
  triageFlags: TriageFlag[]
  needs: Need[]
}

/** One problem with one field; `code` is the message key under `returns.errors`. */
export interface Issue {
  field: keyof ReturneeInput | 'name'
  code: string
  params?: Record<string, unknown>
}

export interface ReturneeContext {
  /** The day in Cambodia the registration is made. */
  today: string
  /** Province codes as in `reference/provinces.csv` (`KH-1` … `KH-25`). */
  provinces: ReadonlySet<string>
}

export type Checked =
  | { ok: true; returnee: Returnee; referralProposed: boolean }
  | { ok: false; issues: Issue[] }

const KHMER_ONLY = /^[\u1780-\u17FF\u19E0-\u19FF\u200B\s]+$/u
const HAS_KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/u
const HAS_LETTER = /\p{L}/u

const blank = (s: string | null) => {
  const t = s?.replace(/\s+/g, ' ').trim() ?? ''
  return t === '' ? null : t
}

function checkNames(r: ReturneeInput, issues: Issue[]) {
  if (![r.familyLatin, r.givenLatin, r.familyKhmer, r.givenKhmer].some((n) => n !== null))
    issues.push({ field: 'name', code: 'name_required' })
  for (const field of ['familyLatin', 'givenLatin', 'familyKhmer', 'givenKhmer'] as const) {
    const value = r[field]
    if (value === null) continue
    if (value.length > MAX_NAME_LENGTH)
      issues.push({ field, code: 'too_long', params: { max: MAX_NAME_LENGTH } })
    else if (field.endsWith('Latin') && (HAS_KHMER.test(value) || !HAS_LETTER.test(value)))
      issues.push({ field, code: 'latin_name_not_latin' })
    else if (field.endsWith('Khmer') && !KHMER_ONLY.test(value))
      issues.push({ field, code: 'khmer_name_not_khmer' })
  }
}

function checkAge(r: ReturneeInput, today: string, issues: Issue[]) {
  if (r.birthDate !== null) {
    if (!isBirthDate(r.birthDate)) issues.push({ field: 'birthDate', code: 'invalid_birth_date' })
    else if (isInFuture(r.birthDate, today)) issues.push({ field: 'birthDate', code: 'birth_date_in_future' })
    else if (ageFromBirthDate(r.birthDate, today) > MAX_AGE)
      issues.push({ field: 'birthDate', code: 'invalid_birth_date' })
  }
  if (
    r.estimatedAge !== null &&
    !(Number.isInteger(r.estimatedAge) && r.estimatedAge >= 0 && r.estimatedAge <= MAX_AGE)
  )
    issues.push({ field: 'estimatedAge', code: 'invalid_age', params: { max: MAX_AGE } })
}

/**
 * Checks and normalises one returnee as an officer or a return list gives it: at least one name in either script,
 * a plausible birth date or age, known provinces, a dialable phone. The `child` flag follows from the age when it is
 * known (an officer's tick is kept when it is not), and an unaccompanied child is always a child.
 */
export function checkReturnee(input: ReturneeInput, ctx: ReturneeContext): Checked {
  const r: ReturneeInput = {
    ...input,
    familyLatin: blank(input.familyLatin),
    givenLatin: blank(input.givenLatin),
    familyKhmer: blank(input.familyKhmer),
    givenKhmer: blank(input.givenKhmer),
    birthDate: blank(input.birthDate),
    originDistrict: blank(input.originDistrict),
    returnDistrict: blank(input.returnDistrict),
    phone: blank(input.phone),
  }
  const issues: Issue[] = []
  checkNames(r, issues)
  checkAge(r, ctx.today, issues)
  for (const field of ['originProvince', 'returnProvince'] as const) {
    const code = r[field]
    if (code !== null && !ctx.provinces.has(code))
      issues.push({ field, code: 'unknown_province', params: { value: code } })
  }
  for (const field of ['originDistrict', 'returnDistrict'] as const) {
    if ((r[field]?.length ?? 0) > MAX_DISTRICT_LENGTH)
      issues.push({ field, code: 'too_long', params: { max: MAX_DISTRICT_LENGTH } })
  }
  const phone = r.phone === null ? null : normalisePhone(r.phone)
  if (r.phone !== null && phone === null) issues.push({ field: 'phone', code: 'invalid_phone' })
  if (!/^[A-Z]{3}$/.test(r.nationality)) issues.push({ field: 'nationality', code: 'invalid_nationality' })
  else if (!ISO_COUNTRIES.has(r.nationality))
    issues.push({ field: 'nationality', code: 'unknown_nationality', params: { value: r.nationality } })
  if (!(RETURN_TYPES as readonly string[]).includes(r.returnType))
    issues.push({ field: 'returnType', code: 'unknown_return_type', params: { value: r.returnType } })
  const unknownFlag = r.triageFlags.find((f) => !(TRIAGE_FLAGS as readonly string[]).includes(f))
  if (unknownFlag) issues.push({ field: 'triageFlags', code: 'unknown_flag', params: { value: unknownFlag } })
  const unknownNeed = r.needs.find((n) => !(NEEDS as readonly string[]).includes(n))
  if (unknownNeed) issues.push({ field: 'needs', code: 'unknown_need', params: { value: unknownNeed } })
  if (issues.length > 0) return { ok: false, issues }

  const triageFlags = deriveFlags(r, ctx.today)
  if (!triageFlags.ok) return { ok: false, issues: [triageFlags.issue] }
  return {
    ok: true,
    returnee: {
      ...r,
      phone,
      triageFlags: triageFlags.flags,
      needs: NEEDS.filter((n) => r.needs.includes(n)),
    },
    referralProposed: triageFlags.flags.some((f) => REFERRAL_FLAGS.includes(f)),
  }
}

function deriveFlags(
  r: ReturneeInput,
  today: string,
): { ok: true; flags: TriageFlag[] } | { ok: false; issue: Issue } {
  const flags = new Set(r.triageFlags as TriageFlag[])
  const age = ageOf(r, today)
  if (age !== null && age >= ADULT_AGE && flags.has('unaccompanied_child'))
    return { ok: false, issue: { field: 'triageFlags', code: 'unaccompanied_child_adult', params: { age } } }
  if (age !== null) {
    if (age < ADULT_AGE) flags.add('child')
    else flags.delete('child')
  }
  if (flags.has('unaccompanied_child')) flags.add('child')
  return { ok: true, flags: TRIAGE_FLAGS.filter((f) => flags.has(f)) }
}

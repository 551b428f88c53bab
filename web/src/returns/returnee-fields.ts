import { dayToText, parseDay, toLatinDigits } from '../i18n/format.ts'
import type { Returnee } from './types.ts'

/** What stays from one returnee to the next: a family or a bus of deportees shares them. */
export interface Sticky {
  postCode: string | null
  returnType: string
  groupId: string | null
}

export const emptyFields = {
  familyLatin: '',
  givenLatin: '',
  familyKhmer: '',
  givenKhmer: '',
  sex: '',
  born: '',
  originProvince: '',
  originDistrict: '',
  returnProvince: '',
  returnDistrict: '',
  phone: '',
  triageFlags: [] as string[],
  needs: [] as string[],
}
export type Fields = typeof emptyFields

export const fromReturnee = (r: Returnee): Fields => ({
  familyLatin: r.familyLatin ?? '',
  givenLatin: r.givenLatin ?? '',
  familyKhmer: r.familyKhmer ?? '',
  givenKhmer: r.givenKhmer ?? '',
  sex: r.sex ?? '',
  born: r.birthDate ? bornText(r.birthDate) : r.estimatedAge === null ? '' : String(r.estimatedAge),
  originProvince: r.originProvince ?? '',
  originDistrict: r.originDistrict ?? '',
  returnProvince: r.returnProvince ?? '',
  returnDistrict: r.returnDistrict ?? '',
  phone: r.phone ?? '',
  triageFlags: r.triageFlags,
  needs: r.needs,
})

/** One box for "born": up to three digits is an age, anything else a (possibly partial) birth date. */
const isAge = (born: string) => /^\d{1,3}$/.test(born)

/** A stored birth date as the box shows it, day-first like every date: 02/05/1990, 05/1990 or 1990. */
function bornText(iso: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(iso)
  return month ? `${month[2]}/${month[1]}` : dayToText(iso)
}

/**
 * The birth date typed day-first (02/05/1990, 05/1990, 1990, in either script's digits) as the API's
 * `yyyy-mm-dd`, `yyyy-mm` or `yyyy`; anything else is sent as typed, for the server to refuse by its field.
 */
function bornDate(born: string): string {
  const month = /^(\d{1,2})[/.\- ](\d{4})$/.exec(born)
  if (month) return `${month[2]}-${month[1]!.padStart(2, '0')}`
  return parseDay(born) ?? born
}

export function returneeBody(f: Fields, sticky: Sticky, groupId: string | null) {
  const born = toLatinDigits(f.born.trim())
  const text = (s: string) => s.trim() || null
  return {
    familyLatin: text(f.familyLatin),
    givenLatin: text(f.givenLatin),
    familyKhmer: text(f.familyKhmer),
    givenKhmer: text(f.givenKhmer),
    sex: f.sex || null,
    birthDate: born && !isAge(born) ? bornDate(born) : null,
    estimatedAge: isAge(born) ? Number(born) : null,
    originProvince: f.originProvince || null,
    originDistrict: text(f.originDistrict),
    returnProvince: f.returnProvince || null,
    returnDistrict: text(f.returnDistrict),
    phone: text(f.phone),
    groupId,
    returnType: sticky.returnType,
    triageFlags: f.triageFlags,
    needs: f.needs,
  }
}

/** The screening answers the registration already gives: the age, and the vulnerabilities the officer flagged. */
export function prefilledAnswers(f: Fields): Record<string, string | number> {
  const a: Record<string, string | number> = {}
  if (isAge(f.born)) a.age = Number(f.born)
  if (f.triageFlags.includes('medical')) a.vulMedicalNeed = 'yes'
  if (f.triageFlags.includes('pregnancy')) a.vulPregnancy = 'yes'
  if (f.triageFlags.includes('disability')) a.vulDisability = 'yes'
  if (f.triageFlags.includes('unaccompanied_child')) a.childCarer = 'alone'
  return a
}

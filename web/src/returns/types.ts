export { NEEDS, RETURN_TYPES, SEXES, TRIAGE_FLAGS } from '../../../src/domain/returns/returnee.ts'

import type { Need, TriageFlag } from '../../../src/domain/returns/returnee.ts'

/** A registration as `GET /api/returns` presents it. */
export interface Returnee {
  id: string
  postCode: string
  registeredAt: string
  registeredOn: string
  familyLatin: string | null
  givenLatin: string | null
  familyKhmer: string | null
  givenKhmer: string | null
  sex: 'M' | 'F' | 'X' | null
  birthDate: string | null
  estimatedAge: number | null
  nationality: string
  originProvince: string | null
  originDistrict: string | null
  returnProvince: string | null
  returnDistrict: string | null
  phone: string | null
  groupId: string | null
  returnType: string
  triageFlags: string[]
  needs: string[]
  referralId: string | null
  listRef: string | null
  hasPhoto: boolean
}

export interface Registered extends Returnee {
  referralProposed: boolean
}

export interface ImportReport {
  id: string
  listRef: string
  fileName: string | null
  state: string
  total: number
  processed: number
  added: number
  alreadyRegistered: number
  rejected: number
  issues: { row: number; column: string | null; code: string; message: string }[]
  ignoredColumns: string[]
}

export interface Province {
  code: string
  nameEn: string
  nameKm: string
}

/** The key that toggles each flag or need while focus is in its group; shown on the chip. */
export const FLAG_KEYS: Record<TriageFlag, string> = {
  medical: 'm',
  pregnancy: 'p',
  child: 'c',
  unaccompanied_child: 'u',
  disability: 'd',
  trafficking_indicators: 't',
}
export const NEED_KEYS: Record<Need, string> = {
  food: 'f',
  water: 'w',
  shelter: 's',
  transport_home: 'h',
  medical_care: 'm',
}

/** The protection services a need asks for, to pre-select on a referral. */
export const SERVICE_FOR_NEED: Record<Need, string> = {
  food: 'food',
  water: 'food',
  shelter: 'shelter',
  transport_home: 'transportHome',
  medical_care: 'medicalCare',
}

export const displayName = (
  r: Pick<Returnee, 'familyLatin' | 'givenLatin' | 'familyKhmer' | 'givenKhmer'>,
) => {
  const khmer = [r.familyKhmer, r.givenKhmer].filter(Boolean).join(' ')
  const latin = [r.familyLatin, r.givenLatin].filter(Boolean).join(' ')
  return khmer && latin ? `${khmer} (${latin})` : khmer || latin
}

export { NEEDS, RETURN_TYPES, SEXES, TRIAGE_FLAGS } from '../../../src/domain/returns/returnee.ts'

import type { Need, TriageFlag } from '../../../src/domain/returns/returnee.ts'
import type { ApiResult, Item } from '../api/contract.ts'

/** A registration as `GET /api/returns` presents it (generated contract). */
export type Returnee = Item<ApiResult<'/api/returns', 'GET'>['items']>
export type Registered = ApiResult<'/api/returns', 'POST'>
export type ImportReport = ApiResult<'/api/returns/imports/{id}', 'GET'>
export type { Province } from '../api/types.ts'

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

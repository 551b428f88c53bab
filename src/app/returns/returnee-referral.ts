import type { Answers } from '../../domain/protection/identification-form.ts'
import type { ServiceType } from '../../domain/protection/organisation.ts'
import type { Gender } from '../../domain/protection/person.ts'
import { ageOf, type Returnee } from '../../domain/returns/index.ts'
import type { ConsentInput } from '../protection/record-consent.ts'
import type { PersonInput } from '../protection/record-person.ts'
import type { ReferOptions } from '../protection/refer-to-protection.ts'

/** What the registration screen adds to refer a returnee: where to, what for, why, consent and the screening. */
export interface ReferralRequest {
  providerId: string
  services: ServiceType[]
  /** The officer's short reason, read by the social worker who takes the referral. */
  note: string
  consents: ConsentInput[]
  answers: Answers
}

const GENDER: Record<string, Gender> = { M: 'male', F: 'female', X: 'unknown' }

/**
 * The protection side keeps full dates: a partial birth date or an estimated age becomes the 1 January (or the
 * first of the month) of the estimate, marked estimated, as the protection domain's `Person` defines.
 */
function birthOf(r: Returnee, day: string): { birthDate: string | null; birthDateEstimated: boolean } {
  if (r.birthDate?.length === 10) return { birthDate: r.birthDate, birthDateEstimated: false }
  if (r.birthDate) return { birthDate: `${r.birthDate}-01-01`.slice(0, 10), birthDateEstimated: true }
  if (r.estimatedAge !== null)
    return { birthDate: `${Number(day.slice(0, 4)) - r.estimatedAge}-01-01`, birthDateEstimated: true }
  return { birthDate: null, birthDateEstimated: false }
}

export function personOf(r: Returnee, day: string): PersonInput {
  return {
    familyLatin: r.familyLatin ?? '',
    givenLatin: r.givenLatin ?? '',
    familyKhmer: r.familyKhmer,
    givenKhmer: r.givenKhmer,
    ...birthOf(r, day),
    gender: r.sex ? (GENDER[r.sex] ?? 'unknown') : 'unknown',
    nationality: r.nationality,
    mobilePhone: r.phone,
    provinceCode: r.returnProvince ?? r.originProvince,
  }
}

/** `referToProtection`'s options for a returnee met at registration; the registration's age answers the form's. */
export function referralOptions(
  r: Returnee,
  req: ReferralRequest,
  day: string,
): Omit<ReferOptions, 'trx' | 'actor'> {
  const age = ageOf(r, day)
  return {
    subject: {
      kind: 'new',
      person: personOf(r, day),
      answers: age !== null && req.answers.age === undefined ? { ...req.answers, age } : req.answers,
      context: 'returnee',
      // The officer at a mass return flags and refers; identification and consent are the social worker's.
      identifyLater: true,
    },
    consentLater: true,
    consents: req.consents,
    providerId: req.providerId,
    services: req.services,
    note: req.note,
    override: null,
  }
}

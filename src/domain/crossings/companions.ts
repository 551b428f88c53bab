import { ageOn } from './days.ts'
import { GUARDIAN_RELATIONS, type Refusal, type Relation } from './types.ts'

/** Cambodia admits a child under 12 only with an accompanying parent or guardian. */
export const GUARDIAN_AGE = 12
export const ADULT_AGE = 18

export interface CompanionFacts {
  travellerId: string
  relation: Relation
  birthDate: string | null
}

export interface CompanionCheck {
  /** Age of the traveller on the day, null when the birth date is not fully known. */
  age: number | null
  refusal: Refusal | null
  /** A minor of 12 or more travelling without a parent or guardian: flagged, not refused. */
  unaccompaniedMinor: boolean
}

/** A guardian is a parent or legal guardian who is not known to be a minor. */
function isGuardian(c: CompanionFacts, day: string): boolean {
  if (!GUARDIAN_RELATIONS.includes(c.relation)) return false
  const age = ageOn(c.birthDate, day)
  return age === null || age >= ADULT_AGE
}

/**
 * Checks the companions of one traveller for an admission: a child under 12 needs a guardian among them. An age
 * that cannot be computed is left for the officer, never guessed.
 */
export function checkCompanions(o: {
  travellerId: string
  birthDate: string | null
  day: string
  companions: readonly CompanionFacts[]
}): CompanionCheck {
  const age = ageOn(o.birthDate, o.day)
  if (o.companions.some((c) => c.travellerId === o.travellerId))
    return { age, refusal: { code: 'crossings.rules.self_companion', params: {} }, unaccompaniedMinor: false }
  const guarded = o.companions.some((c) => isGuardian(c, o.day))
  if (age !== null && age < GUARDIAN_AGE && !guarded)
    return {
      age,
      refusal: { code: 'crossings.rules.child_without_guardian', params: { age, minimum: GUARDIAN_AGE } },
      unaccompaniedMinor: true,
    }
  return { age, refusal: null, unaccompaniedMinor: age !== null && age < ADULT_AGE && !guarded }
}

import {
  daysInMonth,
  epochDay,
  type IsoDay,
  type MrzDate,
  parseIsoDay,
  parsePartialIsoDate,
} from './dates.ts'
import { PROTECTION_CODES } from './issuing-states.ts'
import type { MrzFields } from './result.ts'

/** Cambodia registers children under 12 with an accompanying guardian. */
export const GUARDIAN_AGE = 12
export const ADULT_AGE = 18
/** Ages above this are more likely a misread century than a traveller. */
export const REVIEW_AGE = 100

export interface FactOptions {
  /** The crossing date, `YYYY-MM-DD`. */
  onDate: IsoDay
  /** "Expires soon" horizon; many states want six months of validity left on entry. */
  expiryWarningDays?: number
}

/**
 * Facts about the traveller and the document on the crossing date. A partly unknown birth date (`<<`) gives
 * an age range; the yes/no facts are then null when the range straddles the threshold, for a human to decide.
 */
export interface DocumentFacts {
  /** Exact age in whole years, or null when the birth date is unknown or only partly known. */
  age: number | null
  ageMin: number | null
  ageMax: number | null
  minor: boolean | null
  /** Under 12: registered with a guardian. */
  underTwelve: boolean | null
  /** Older than 100: check the birth date (a century may have been misread). */
  ageNeedsReview: boolean
  expired: boolean | null
  /** Days from the crossing date to expiry (negative once expired); a partial expiry counts to its last day. */
  daysToExpiry: number | null
  expiresSoon: boolean | null
  statelessOrRefugee: 'stateless' | 'refugee' | 'other_refugee' | null
  /** Stateless people and refugees are referred for protection, never treated as a risk. */
  protectionRelevant: boolean
}

function ageOn(birth: MrzDate, day: MrzDate): number {
  const before = day.month! < birth.month! || (day.month === birth.month && day.day! < birth.day!)
  return day.year - birth.year - (before ? 1 : 0)
}

function ageRange(birth: MrzDate, day: MrzDate): [number, number] {
  // The youngest possible traveller was born on the last possible day, the oldest on the first one.
  const lastMonth = birth.month ?? 12
  const first = { year: birth.year, month: birth.month ?? 1, day: birth.day ?? 1 }
  const last = { year: birth.year, month: lastMonth, day: birth.day ?? daysInMonth(birth.year, lastMonth) }
  return [ageOn(last, day), ageOn(first, day)]
}

const below = (min: number | null, max: number | null, limit: number) =>
  min === null || max === null ? null : max < limit ? true : min >= limit ? false : null

export function deriveFacts(fields: MrzFields, options: FactOptions): DocumentFacts {
  const day = parseIsoDay(options.onDate)
  if (!day) throw new RangeError(`onDate must be YYYY-MM-DD, got ${options.onDate}`)
  const birth = fields.birthDate ? parsePartialIsoDate(fields.birthDate) : null
  const [ageMin, ageMax] = birth ? ageRange(birth, day) : [null, null]
  const expiry = fields.expiryDate ? parsePartialIsoDate(fields.expiryDate) : null
  const daysToExpiry = expiry ? epochDay(expiry, 'last') - epochDay(day, 'first') : null
  const warning = options.expiryWarningDays ?? 180
  const nationality = fields.nationality ?? ''
  const status = Object.hasOwn(PROTECTION_CODES, nationality) ? PROTECTION_CODES[nationality]! : null
  return {
    age: ageMin !== null && ageMin === ageMax ? ageMin : null,
    ageMin,
    ageMax,
    minor: below(ageMin, ageMax, ADULT_AGE),
    underTwelve: below(ageMin, ageMax, GUARDIAN_AGE),
    ageNeedsReview: ageMax !== null && ageMax > REVIEW_AGE,
    expired: daysToExpiry === null ? null : daysToExpiry < 0,
    daysToExpiry,
    expiresSoon: daysToExpiry === null ? null : daysToExpiry >= 0 && daysToExpiry <= warning,
    statelessOrRefugee: status,
    protectionRelevant: status !== null,
  }
}

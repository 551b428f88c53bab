/**
 * Birth date, nationality and sex qualify a name comparison; they never make a hit on their own
 * (yente#245, watchman#660: a matching date must not outweigh a different name).
 */

export interface PartialDate {
  year: number
  month?: number
  day?: number
}

export type BirthDateOutcome =
  | 'match'
  | 'partial-match'
  | 'day-month-swap'
  | 'near-year'
  | 'day-mismatch'
  | 'mismatch'
export type QualifierKind = 'birthDate' | 'nationality' | 'sex'

export interface QualifierResult {
  kind: QualifierKind
  outcome: BirthDateOutcome | 'match' | 'mismatch'
  /** Added to the name score (only a positive adjustment is conditional on the name). */
  adjustment: number
  messageKey: string
  params: Record<string, string | number>
}

export const BIRTH_DATE_ADJUSTMENT: Record<BirthDateOutcome, number> = {
  match: 0.05,
  'partial-match': 0,
  'day-month-swap': -0.03,
  'near-year': -0.08,
  'day-mismatch': -0.2,
  // Birth years more than a year apart are strong evidence of two people: enough to take an identical
  // name below POSSIBLE_THRESHOLD (a common name would otherwise flood the officer with hits).
  mismatch: -0.35,
}
export const NATIONALITY_MISMATCH = -0.1
export const SEX_MISMATCH = -0.15

/**
 * Reads `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (also with `/` or `.`, and `00`/`XX` for an unknown month or
 * day), and `DD/MM/YYYY`. Returns undefined for anything else, so a bad date is simply not used.
 */
export function parsePartialDate(value: string | undefined | null): PartialDate | undefined {
  if (!value) return undefined
  let parsed = dateMemo.get(value)
  if (parsed === undefined) {
    parsed = readDate(value.trim().slice(0, 20)) ?? null
    if (dateMemo.size > 50_000) dateMemo.clear()
    dateMemo.set(value, parsed)
  }
  return parsed ?? undefined
}

// Birth dates repeat (a list of a million people has some twenty thousand distinct dates).
const dateMemo = new Map<string, PartialDate | null>()
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

function readDate(text: string): PartialDate | undefined {
  if (ISO_DAY.test(text))
    return validDate(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)))
  let m = /^(\d{4})(?:[-/.](\d{1,2}|xx|XX)(?:[-/.](\d{1,2}|xx|XX))?)?$/.exec(text)
  let year: number
  let month: number | undefined
  let day: number | undefined
  if (m) {
    year = Number(m[1])
    month = m[2] && /\d/.test(m[2]) ? Number(m[2]) : undefined
    day = m[3] && /\d/.test(m[3]) ? Number(m[3]) : undefined
  } else {
    m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text)
    if (!m) return undefined
    year = Number(m[3])
    month = Number(m[2])
    day = Number(m[1])
  }
  return validDate(year, month, day)
}

function validDate(year: number, month?: number, day?: number): PartialDate | undefined {
  if (year < 1800 || year > 2200) return undefined
  if (!month || month > 12) return { year }
  if (!day || day > 31) return { year, month }
  return { year, month, day }
}

function formatDate(d: PartialDate): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return [String(d.year), d.month ? pad(d.month) : '', d.day ? pad(d.day) : ''].filter(Boolean).join('-')
}

export function compareBirthDates(a: PartialDate, b: PartialDate): BirthDateOutcome {
  const full = a.month && a.day && b.month && b.day
  if (a.year !== b.year) {
    if (Math.abs(a.year - b.year) > 1) return 'mismatch'
    return 'near-year'
  }
  if (!a.month || !b.month) return 'partial-match'
  if (full && a.month === b.day && a.day === b.month && a.month !== a.day) return 'day-month-swap'
  if (a.month !== b.month) return 'day-mismatch'
  if (!a.day || !b.day) return 'partial-match'
  return a.day === b.day ? 'match' : 'day-mismatch'
}

export function birthDateOutcome(a?: string, b?: string): BirthDateOutcome | undefined {
  const da = parsePartialDate(a)
  const db = parsePartialDate(b)
  return da && db ? compareBirthDates(da, db) : undefined
}

export function birthDateQualifier(a?: string, b?: string): QualifierResult | undefined {
  const outcome = birthDateOutcome(a, b)
  if (!outcome) return undefined
  return {
    kind: 'birthDate',
    outcome,
    adjustment: BIRTH_DATE_ADJUSTMENT[outcome],
    messageKey: `screening.qualifier.birthDate.${camel(outcome)}`,
    params: { a: formatDate(parsePartialDate(a)!), b: formatDate(parsePartialDate(b)!) },
  }
}

type Codes = string | readonly string[] | undefined

function codes(value: Codes): string[] {
  const list = typeof value === 'string' ? [value] : (value ?? [])
  return list.map((v) => v.trim().toUpperCase()).filter((v) => /^[A-Z]{2,3}$/.test(v))
}

/** Compared only between codes of the same form (alpha-2 with alpha-2, alpha-3 with alpha-3). */
export function nationalityOutcome(a: Codes, b: Codes): 'match' | 'mismatch' | undefined {
  if (!a || !b) return undefined
  return codesOutcome(codes(a), codes(b))
}

export function nationalityQualifier(a: Codes, b: Codes): QualifierResult | undefined {
  const outcome = nationalityOutcome(a, b)
  if (!outcome) return undefined
  return {
    kind: 'nationality',
    outcome,
    adjustment: outcome === 'match' ? 0 : NATIONALITY_MISMATCH,
    messageKey: `screening.qualifier.nationality.${outcome}`,
    params: { a: codes(a).join(', '), b: codes(b).join(', ') },
  }
}

function sexCode(value: string | undefined): 'F' | 'M' | undefined {
  const v = value?.trim().toUpperCase()
  if (v === 'F' || v === 'FEMALE') return 'F'
  if (v === 'M' || v === 'MALE') return 'M'
  return undefined
}

/** Only a recorded F/M disagreement counts; X, unknown or missing says nothing. */
export function sexOutcome(a?: string, b?: string): 'match' | 'mismatch' | undefined {
  const sa = sexCode(a)
  const sb = sexCode(b)
  if (!sa || !sb) return undefined
  return sa === sb ? 'match' : 'mismatch'
}

export function sexQualifier(a?: string, b?: string): QualifierResult | undefined {
  const outcome = sexOutcome(a, b)
  if (!outcome) return undefined
  return {
    kind: 'sex',
    outcome,
    adjustment: outcome === 'match' ? 0 : SEX_MISMATCH,
    messageKey: `screening.qualifier.sex.${outcome}`,
    params: { a: sexCode(a)!, b: sexCode(b)! },
  }
}

type Qualified = { birthDate?: string; nationality?: Codes; sex?: string }

/**
 * A person's qualifiers read once, to be set against many others: the candidate index reads the query's once per
 * search and each entry's from its packed form (`unpackDate`), where reading them from text cost a fifth of a search.
 */
export interface ReadQualifiers {
  birth: PartialDate | undefined
  /** Normalised codes; none when nothing usable was given. */
  nationality: readonly string[]
  sex: 'F' | 'M' | undefined
}

export function readQualifiers(q: Qualified): ReadQualifiers {
  return { birth: parsePartialDate(q.birthDate), nationality: codes(q.nationality), sex: sexCode(q.sex) }
}

/** A birth date's text packed as yyyymmdd (0: none or unreadable; 00 for an unknown month or day). */
export function packDate(date: string | undefined): number {
  const d = parsePartialDate(date)
  return d ? d.year * 10000 + (d.month ?? 0) * 100 + (d.day ?? 0) : 0
}

/** A packed date's year as one byte: 0 for no date, 1–254 for 1801–2054, 255 for any other year. */
export function yearByte(packed: number): number {
  if (packed === 0) return 0
  const year = Math.floor(packed / 10000)
  return year > 1800 && year < 2055 ? year - 1800 : 255
}

/** A birth date packed as yyyymmdd (0: none; 00 for an unknown month or day), read as its text would be. */
export function unpackDate(packed: number): PartialDate | undefined {
  if (packed === 0) return undefined
  const month = Math.floor(packed / 100) % 100
  const day = packed % 100
  return validDate(Math.floor(packed / 10000), month || undefined, day || undefined)
}

/** The nationality outcome from normalised codes: `nationalityOutcome` once both are read. */
function codesOutcome(ca: readonly string[], cb: readonly string[]): 'match' | 'mismatch' | undefined {
  if (!ca.some((x) => cb.some((y) => x.length === y.length))) return undefined
  return ca.some((x) => cb.includes(x)) ? 'match' : 'mismatch'
}

/**
 * `start` with each qualifier's adjustment added in turn (birth date, nationality, sex; an agreeing one adds
 * nothing), a positive one only to a name already a hit. In that order, so a score is the same to the last bit
 * whichever function below makes it.
 */
export function adjustedRead(
  start: number,
  nameScore: number,
  hitThreshold: number,
  qa: ReadQualifiers,
  qb: ReadQualifiers,
): number {
  let total = start
  if (qa.birth && qb.birth) {
    const adj = BIRTH_DATE_ADJUSTMENT[compareBirthDates(qa.birth, qb.birth)]
    if (adj <= 0 || nameScore >= hitThreshold) total += adj
  }
  if (codesOutcome(qa.nationality, qb.nationality) === 'mismatch') total += NATIONALITY_MISMATCH
  if (qa.sex && qb.sex && qa.sex !== qb.sex) total += SEX_MISMATCH
  return total
}

function adjusted(
  start: number,
  nameScore: number,
  hitThreshold: number,
  qa: Qualified,
  qb: Qualified,
): number {
  return adjustedRead(start, nameScore, hitThreshold, readQualifiers(qa), readQualifiers(qb))
}

/** The sum of qualifier adjustments without explaining them; a positive one only for a name already a hit. */
export function qualifierAdjustment(
  nameScore: number,
  hitThreshold: number,
  qa: Qualified,
  qb: Qualified,
): number {
  return adjusted(0, nameScore, hitThreshold, qa, qb)
}

/**
 * A name score with its qualifiers applied, the number `compareParsed` explains, kept within 0..1: one place for
 * the arithmetic, so the explained score and the bare one (`scoreParsed`) are the same.
 */
export function qualifiedScore(
  nameScore: number,
  hitThreshold: number,
  qa: Qualified,
  qb: Qualified,
): number {
  return Math.min(1, Math.max(0, adjusted(nameScore, nameScore, hitThreshold, qa, qb)))
}

function camel(s: string): string {
  return s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
}

/**
 * MRZ dates are YYMMDD without a century. Month and day may be `<<` when unknown (some states issue documents
 * to people whose birth date is only partly known). Dates are handled as plain numbers and ISO strings so that
 * the result never depends on the time zone of the machine.
 */
export interface MrzDate {
  year: number
  /** null when the MRZ says `<<` (unknown). */
  month: number | null
  day: number | null
}

/** A calendar day as `YYYY-MM-DD`, the form every caller passes reference and crossing dates in. */
export type IsoDay = string

export type DateProblem = 'date_format' | 'date_invalid'

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

let lastDay: { value: string; date: MrzDate | null } = { value: '', date: null }

/** Parses `YYYY-MM-DD`; remembers the last answer, since a batch resolves every date against one day. */
export function parseIsoDay(value: IsoDay): MrzDate | null {
  if (value !== lastDay.value) lastDay = { value, date: readIsoDay(value) }
  return lastDay.date && { ...lastDay.date }
}

function readIsoDay(value: IsoDay): MrzDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return null
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month))
    return null
  return date
}

function twoDigits(text: string, index: number): number {
  const a = text.charCodeAt(index) - 48
  const b = text.charCodeAt(index + 1) - 48
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1
}

function isUnknown(text: string, index: number): boolean {
  return text.charCodeAt(index) === 60 && text.charCodeAt(index + 1) === 60
}

export interface RawDate {
  yy: number
  month: number | null
  day: number | null
}

/** Reads the six characters at `start`; an unknown month forces an unknown day (a day without month means nothing). */
export function readRawDate(text: string, start: number): RawDate | DateProblem {
  const yy = twoDigits(text, start)
  if (yy < 0) return 'date_format'
  const monthUnknown = isUnknown(text, start + 2)
  const dayUnknown = isUnknown(text, start + 4)
  const month = monthUnknown ? null : twoDigits(text, start + 2)
  const day = dayUnknown ? null : twoDigits(text, start + 4)
  if (month === -1 || day === -1) return 'date_format'
  if (month === null && day !== null) return 'date_format'
  if (month !== null && (month < 1 || month > 12)) return 'date_invalid'
  if (day !== null && day < 1) return 'date_invalid'
  return { yy, month, day }
}

/** Orders two dates whose unknown parts count as the earliest possible (used for "not in the future"). */
function compare(a: MrzDate, b: MrzDate): number {
  return a.year - b.year || (a.month ?? 1) - (b.month ?? 1) || (a.day ?? 1) - (b.day ?? 1)
}

/** Birth: the latest century that does not put the date after the reference date (ICAO leaves this open). */
export function resolveBirthDate(raw: RawDate, reference: MrzDate): MrzDate {
  const century = Math.floor(reference.year / 100) * 100
  const date = { year: century + raw.yy, month: raw.month, day: raw.day }
  if (compare(date, reference) > 0) date.year -= 100
  return date
}

/**
 * Expiry: the century that puts the date less than 50 years before and at most 50 years after the reference
 * date. Documents are valid for at most ten years (passports) and a few states issue cards for life, so a
 * fifty-year window on either side reads every real expiry date and keeps expired documents in the past.
 */
export function resolveExpiryDate(raw: RawDate, reference: MrzDate): MrzDate {
  const century = Math.floor(reference.year / 100) * 100
  let year = century + raw.yy
  if (year - reference.year > 50) year -= 100
  else if (reference.year - year >= 50) year += 100
  return { year, month: raw.month, day: raw.day }
}

/**
 * A number that orders days. Unknown parts are taken as the first or the last possible value, so that a
 * partial date can be compared on the side that gives it the benefit of the doubt.
 */
export function ordinal(date: MrzDate, unknownAs: 'first' | 'last'): number {
  const month = date.month ?? (unknownAs === 'first' ? 1 : 12)
  const day = date.day ?? (unknownAs === 'first' ? 1 : daysInMonth(date.year, month))
  return (date.year * 12 + month - 1) * 31 + day - 1
}

/** Days since 1970-01-01 (a partial date counts as its first or last possible day). */
export function epochDay(date: MrzDate, unknownAs: 'first' | 'last'): number {
  const month = date.month ?? (unknownAs === 'first' ? 1 : 12)
  const day = date.day ?? (unknownAs === 'first' ? 1 : daysInMonth(date.year, month))
  return Math.round(Date.UTC(date.year, month - 1, day) / 86_400_000)
}

/** Calendar check once the century is known (29 February depends on it). */
export function isCalendarDate(date: MrzDate): boolean {
  if (date.month === null || date.day === null) return true
  return date.day <= daysInMonth(date.year, date.month)
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

/** `YYYY-MM-DD`, or the reduced ISO 8601 forms `YYYY-MM` and `YYYY` when day or month are unknown. */
export function formatIsoDate(date: MrzDate): string {
  let out = pad(date.year, 4)
  if (date.month !== null) out += `-${pad(date.month, 2)}`
  if (date.month !== null && date.day !== null) out += `-${pad(date.day, 2)}`
  return out
}

/** Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (what `formatIsoDate` writes). */
export function parsePartialIsoDate(value: string): MrzDate | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value)
  if (!m) return null
  const date: MrzDate = {
    year: Number(m[1]),
    month: m[2] ? Number(m[2]) : null,
    day: m[3] ? Number(m[3]) : null,
  }
  if (date.month !== null && (date.month < 1 || date.month > 12)) return null
  if (date.day !== null && (date.day < 1 || !isCalendarDate(date))) return null
  return date
}

/** The YYMMDD field for a (possibly partial) date. */
export function writeMrzDate(date: MrzDate): string {
  const yy = pad(date.year % 100, 2)
  return `${yy}${date.month === null ? '<<' : pad(date.month, 2)}${date.day === null ? '<<' : pad(date.day, 2)}`
}

/**
 * Calendar dates as `YYYY-MM-DD` strings, computed in UTC so that a date never shifts with the server's
 * time zone (Cambodia is UTC+7; a midnight crossing must stay on its day).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

export interface CalendarDate {
  year: number
  month: number
  day: number
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
}

/** Strict: `2025-02-29` and `2025-2-3` are not dates. */
export function parseIsoDate(value: string): CalendarDate | undefined {
  const m = ISO_DATE.exec(value)
  if (!m) return undefined
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  return { year, month, day }
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== undefined
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

export function formatDate({ year, month, day }: CalendarDate): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

/** Days since 1970-01-01; the caller has validated the date. */
export function toEpochDay(value: string): number {
  const d = parseIsoDate(value)
  if (!d) throw new RangeError(`not an ISO date: ${value}`)
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const t = new Date(0)
  t.setUTCFullYear(d.year, d.month - 1, d.day)
  return t.getTime() / DAY_MS
}

export function fromEpochDay(epochDay: number): string {
  const d = new Date(epochDay * DAY_MS)
  return formatDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() })
}

export function addDays(value: string, days: number): string {
  return fromEpochDay(toEpochDay(value) + days)
}

/** `to − from` in whole days. */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from)
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(value: string): number {
  const dow = new Date(toEpochDay(value) * DAY_MS).getUTCDay()
  return dow === 0 ? 7 : dow
}

/** Completed years on `on`; someone born on 29 February turns a year older on 1 March in common years. */
export function ageOn(birthDate: string, on: string): number {
  const b = parseIsoDate(birthDate)
  const d = parseIsoDate(on)
  if (!b || !d) throw new RangeError(`not ISO dates: ${birthDate}, ${on}`)
  const hadBirthday = d.month > b.month || (d.month === b.month && d.day >= b.day)
  return d.year - b.year - (hadBirthday ? 0 : 1)
}

import { isCalendarDay } from '../crossings/days.ts'

/**
 * Birth dates as returnees know them: a full day, or only the month or the year (`1994-03`, `1994`). Many people
 * returning without documents know their age rather than their birth date, so an estimated age is the fallback.
 */
const PARTIAL = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/

export const MAX_AGE = 120

/** A full calendar day, a real month of a year, or a year; nothing rolled over. */
export function isBirthDate(value: string): boolean {
  const m = PARTIAL.exec(value)
  if (!m) return false
  if (m[3] !== undefined) return isCalendarDay(value)
  if (m[2] !== undefined) return Number(m[2]) >= 1 && Number(m[2]) <= 12
  return true
}

/** The first day a (possibly partial) birth date can mean: `1994` → `1994-01-01`. */
function earliestDay(value: string): string {
  const [y, m = '01', d = '01'] = value.split('-')
  return `${y}-${m}-${d}`
}

/** The last day it can mean: `1994` → `1994-12-31`, `1994-02` → `1994-02-28`. */
function latestDay(value: string): string {
  const [y, m, d] = value.split('-')
  if (d) return value
  const month = m ? Number(m) : 12
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate()
  return `${y}-${String(month).padStart(2, '0')}-${last}`
}

/**
 * Completed years on `day`. For a partial date, the youngest the person can be: in doubt a returnee is presumed a
 * child (UN CRC General Comment No. 6), so someone born "2008" is 17 until the last day of the year they may turn 18.
 */
export function ageFromBirthDate(birthDate: string, day: string): number {
  const [by, bm, bd] = latestDay(birthDate).split('-').map(Number) as [number, number, number]
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

export function isInFuture(birthDate: string, day: string): boolean {
  return earliestDay(birthDate) > day
}

/** The age to judge childhood by: from the birth date when known, else the officer's estimate. */
export function ageOf(
  p: { birthDate: string | null; estimatedAge: number | null },
  day: string,
): number | null {
  if (p.birthDate) return ageFromBirthDate(p.birthDate, day)
  return p.estimatedAge
}

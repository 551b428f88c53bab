import { addDays, daysInMonth, fromEpochDay, isoWeekday, parseIsoDate, toEpochDay } from './calendar.ts'
import { fail, ok, type Result, STATISTICS_ERRORS } from './errors.ts'

export const PERIOD_UNITS = ['day', 'week', 'month', 'quarter', 'year'] as const
export type PeriodUnit = (typeof PERIOD_UNITS)[number]

/** A bucket: `2025-03-07`, `2025-W10` (ISO 8601 week), `2025-03`, `2025-Q1`, `2025`. */
export interface Period {
  unit: PeriodUnit
  key: string
  /** First and last day, inclusive. */
  start: string
  end: string
}

/** A dashboard never needs more buckets than ten years of days; more is a mistaken request. */
export const MAX_PERIODS_IN_RANGE = 3660

export function isPeriodUnit(value: string): value is PeriodUnit {
  return (PERIOD_UNITS as readonly string[]).includes(value)
}

/** The ISO week-numbering year and week of a date (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeekOf(date: string): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date))
  const year = Number(thursday.slice(0, 4))
  const week = Math.floor((toEpochDay(thursday) - toEpochDay(`${year}-01-01`)) / 7) + 1
  return { year, week }
}

export function isoWeeksInYear(year: number): number {
  return isoWeekOf(`${year}-12-28`).week
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** The bucket key of a valid ISO date. */
export function periodKey(date: string, unit: PeriodUnit): string {
  const y = date.slice(0, 4)
  const month = Number(date.slice(5, 7))
  switch (unit) {
    case 'day':
      return date
    case 'week': {
      const { year, week } = isoWeekOf(date)
      return `${year}-W${pad(week)}`
    }
    case 'month':
      return date.slice(0, 7)
    case 'quarter':
      return `${y}-Q${Math.ceil(month / 3)}`
    case 'year':
      return y
  }
}

const PATTERNS: readonly [PeriodUnit, RegExp][] = [
  ['day', /^\d{4}-\d{2}-\d{2}$/],
  ['week', /^(\d{4})-W(\d{2})$/],
  ['month', /^(\d{4})-(\d{2})$/],
  ['quarter', /^(\d{4})-Q(\d)$/],
  ['year', /^(\d{4})$/],
]

function bounds(
  unit: PeriodUnit,
  key: string,
  m: RegExpExecArray,
): { start: string; end: string } | undefined {
  const year = Number(m[1])
  const n = Number(m[2])
  switch (unit) {
    case 'day':
      return parseIsoDate(key) ? { start: key, end: key } : undefined
    case 'week': {
      if (n < 1 || n > isoWeeksInYear(year)) return undefined
      const jan4 = `${year}-01-04`
      const start = addDays(jan4, 1 - isoWeekday(jan4) + (n - 1) * 7)
      return { start, end: addDays(start, 6) }
    }
    case 'month':
      if (n < 1 || n > 12) return undefined
      return { start: `${year}-${pad(n)}-01`, end: `${year}-${pad(n)}-${daysInMonth(year, n)}` }
    case 'quarter': {
      if (n < 1 || n > 4) return undefined
      const last = n * 3
      return { start: `${year}-${pad(last - 2)}-01`, end: `${year}-${pad(last)}-${daysInMonth(year, last)}` }
    }
    case 'year':
      return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` }
  }
}

/** Recognises the unit from the key's shape and rejects impossible periods (`2025-W53`, `2025-02-30`, `2025-Q5`). */
export function parsePeriod(key: string): Result<Period> {
  for (const [unit, pattern] of PATTERNS) {
    const m = pattern.exec(key)
    if (!m) continue
    const range = bounds(unit, key, m)
    if (!range) return fail(STATISTICS_ERRORS.invalidPeriod, { period: key })
    return ok({ unit, key, ...range })
  }
  return fail(STATISTICS_ERRORS.invalidPeriod, { period: key })
}

/** Every bucket from the one holding `from` to the one holding `to`, inclusive, in order. */
export function periodsBetween(from: string, to: string, unit: PeriodUnit): Result<string[]> {
  if (!parseIsoDate(from)) return fail(STATISTICS_ERRORS.invalidDate, { date: from })
  if (!parseIsoDate(to)) return fail(STATISTICS_ERRORS.invalidDate, { date: to })
  if (from > to) return fail(STATISTICS_ERRORS.periodRangeReversed, { from, to })
  const keys: string[] = []
  let day = toEpochDay(from)
  const last = toEpochDay(to)
  while (day <= last) {
    const key = periodKey(fromEpochDay(day), unit)
    keys.push(key)
    if (keys.length > MAX_PERIODS_IN_RANGE) {
      return fail(STATISTICS_ERRORS.periodRangeTooLong, { max: MAX_PERIODS_IN_RANGE })
    }
    const parsed = parsePeriod(key)
    if (!parsed.ok) return parsed
    day = toEpochDay(parsed.value.end) + 1
  }
  return ok(keys)
}

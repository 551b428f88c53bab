import { fail, ok, PLAN_ERRORS, type Result } from './errors.ts'
import type { IndicatorUnit, PlanYears } from './plan.ts'

/** A plan is monitored by quarter and by year, as ISO-like keys: `2025` and `2025-Q3`. */
export interface PlanPeriod {
  key: string
  unit: 'year' | 'quarter'
  year: number
  /** 1–4 for a quarter. */
  quarter: number | null
  /** Inclusive `YYYY-MM-DD` bounds. */
  from: string
  to: string
}

const LAST_DAY = ['03-31', '06-30', '09-30', '12-31']
const FIRST_DAY = ['01-01', '04-01', '07-01', '10-01']

export function yearPeriod(year: number): PlanPeriod {
  return { key: String(year), unit: 'year', year, quarter: null, from: `${year}-01-01`, to: `${year}-12-31` }
}

export function quarterPeriod(year: number, quarter: number): PlanPeriod {
  return {
    key: `${year}-Q${quarter}`,
    unit: 'quarter',
    year,
    quarter,
    from: `${year}-${FIRST_DAY[quarter - 1]}`,
    to: `${year}-${LAST_DAY[quarter - 1]}`,
  }
}

export function parsePeriod(key: string): Result<PlanPeriod> {
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(key)
  if (!m) return fail(PLAN_ERRORS.periodInvalid, { period: key.slice(0, 20) })
  const year = Number(m[1])
  return ok(m[2] ? quarterPeriod(year, Number(m[2])) : yearPeriod(year))
}

/** A period of the plan's years, not begun after `today` (values are reported for what has happened). */
export function checkReportPeriod(plan: PlanYears, key: string, today: string): Result<PlanPeriod> {
  const parsed = parsePeriod(key)
  if (!parsed.ok) return parsed
  const p = parsed.value
  if (p.year < plan.startYear || p.year > plan.endYear)
    return fail(PLAN_ERRORS.periodOutsidePlan, { period: key })
  if (p.from > today) return fail(PLAN_ERRORS.periodNotOver, { period: key })
  return ok(p)
}

export function quartersOf(year: number): PlanPeriod[] {
  return [1, 2, 3, 4].map((q) => quarterPeriod(year, q))
}

/** The periods at `unit` that overlap the inclusive days [from, to], in order. */
export function periodsBetween(from: string, to: string, unit: 'quarter' | 'year'): PlanPeriod[] {
  const out: PlanPeriod[] = []
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
    out.push(...(unit === 'year' ? [yearPeriod(y)] : quartersOf(y)))
  return out.filter((p) => p.to >= from && p.from <= to)
}

/** Every quarter of the plan, in order: the trend charts' axis. */
export function planQuarters(plan: PlanYears): PlanPeriod[] {
  const out: PlanPeriod[] = []
  for (let y = plan.startYear; y <= plan.endYear; y++) out.push(...quartersOf(y))
  return out
}

export function planYears(plan: PlanYears): PlanPeriod[] {
  const out: PlanPeriod[] = []
  for (let y = plan.startYear; y <= plan.endYear; y++) out.push(yearPeriod(y))
  return out
}

/** The quarter a day falls in. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`
}

/**
 * The target a period is judged against, from the year's target. Counts accumulate over a year, so a quarter
 * is held to a quarter of it (even phasing), and a year not yet over to the share of its quarters begun by
 * `today`; a percentage or a number of days is a level, the same target in every period.
 */
export function periodTarget(
  unit: IndicatorUnit,
  yearly: number | null,
  period: PlanPeriod,
  today: string,
): number | null {
  if (yearly === null) return null
  if (unit !== 'count') return yearly
  if (period.unit === 'quarter') return yearly / 4
  if (today > period.to) return yearly
  if (today < period.from) return yearly
  const begun = Number(quarterOf(today).slice(-1))
  return (yearly * begun) / 4
}

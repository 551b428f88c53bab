import { type AgeBand, ageBandOf, DEFAULT_AGE_BANDS } from '../statistics/age-bands.ts'
import { isIsoDate } from '../statistics/calendar.ts'
import { periodKey } from '../statistics/periods.ts'

/** Coarsening before release: fewer distinct values, larger groups, less to single anyone out by. */
export const SUPPRESSED = '*'

export function generaliseAge(
  age: number | null | undefined,
  bands: readonly AgeBand[] = DEFAULT_AGE_BANDS,
): string {
  if (typeof age !== 'number') return SUPPRESSED
  return ageBandOf(age, bands)?.label ?? SUPPRESSED
}

export function generaliseDate(date: string | null | undefined, to: 'year' | 'quarter' | 'month'): string {
  if (!date || !isIsoDate(date)) return SUPPRESSED
  return periodKey(date, to)
}

/** Keeps listed values and folds the rest into `other`, e.g. nationalities outside the region. */
export function keepOnly(
  value: string | null | undefined,
  kept: ReadonlySet<string>,
  other = 'other',
): string {
  if (value === null || value === undefined || value === '') return SUPPRESSED
  return kept.has(value) ? value : other
}

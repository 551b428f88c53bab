import { fail, ok, type Result, STATISTICS_ERRORS } from './errors.ts'

/** An inclusive range of completed years; `to` is null for the open top band (`60+`). */
export interface AgeBand {
  from: number
  to: number | null
  /** Stable code used as the dimension value: `0-4`, `60+`. */
  label: string
}

/** Lower bounds of the default bands 0–4, 5–11, 12–17, 18–24, 25–59, 60+ (issue 8). */
export const DEFAULT_AGE_BAND_BOUNDS: readonly number[] = [0, 5, 12, 18, 25, 60]

/** Beyond this a lower bound is a typing error, not a demographic choice. */
const OLDEST_BOUND = 120

/**
 * Bands are given by their lower bounds so that gaps and overlaps cannot be expressed: every age from 0
 * upwards falls in exactly one band, which is what makes counts by band add up to the total.
 */
export function defineAgeBands(lowerBounds: readonly number[]): Result<AgeBand[]> {
  const errors = STATISTICS_ERRORS
  if (lowerBounds.length === 0) return fail(errors.ageBandsEmpty)
  if (lowerBounds.some((b) => !Number.isInteger(b))) return fail(errors.ageBandsNotWholeYears)
  if (lowerBounds[0] !== 0) return fail(errors.ageBandsMustStartAtZero, { first: lowerBounds[0] ?? 0 })
  for (let i = 1; i < lowerBounds.length; i++) {
    const previous = lowerBounds[i - 1] ?? 0
    const current = lowerBounds[i] ?? 0
    if (current <= previous) return fail(errors.ageBandsNotIncreasing, { previous, current })
  }
  const last = lowerBounds[lowerBounds.length - 1] ?? 0
  if (last > OLDEST_BOUND) return fail(errors.ageBandsTooOld, { bound: last, max: OLDEST_BOUND })
  return ok(
    lowerBounds.map((from, i) => {
      const next = lowerBounds[i + 1]
      const to = next === undefined ? null : next - 1
      return { from, to, label: to === null ? `${from}+` : `${from}-${to}` }
    }),
  )
}

function mustDefine(bounds: readonly number[]): AgeBand[] {
  const result = defineAgeBands(bounds)
  if (!result.ok) throw new Error(result.error.code)
  return result.value
}

export const DEFAULT_AGE_BANDS: readonly AgeBand[] = mustDefine(DEFAULT_AGE_BAND_BOUNDS)

/** Undefined for an age that is not a non-negative whole number (unknown ages are counted apart). */
export function ageBandOf(age: number, bands: readonly AgeBand[] = DEFAULT_AGE_BANDS): AgeBand | undefined {
  if (!Number.isInteger(age) || age < 0) return undefined
  return bands.find((band) => age >= band.from && (band.to === null || age <= band.to))
}

export function isChildBand(band: AgeBand): boolean {
  return band.to !== null && band.to < 18
}

const BAND_LABEL = /^(\d+)(?:-(\d+)|\+)$/

/**
 * The order of a dimension's values in a table: age bands by their lower bound (0-4, 5-11, 12-17 … 60+,
 * where text order put 12-17 before 5-11), everything else by code. Used wherever a table's axes are built,
 * so the PDF, XLSX, CSV and HXL files all list bands in age order.
 */
export function compareDimensionValues(a: string, b: string): number {
  const bandA = BAND_LABEL.exec(a)
  const bandB = BAND_LABEL.exec(b)
  if (bandA && bandB) {
    const byFrom = Number(bandA[1]) - Number(bandB[1])
    if (byFrom !== 0) return byFrom
  }
  return a < b ? -1 : a > b ? 1 : 0
}

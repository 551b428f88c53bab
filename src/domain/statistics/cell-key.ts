import { compareDimensionValues } from './age-bands.ts'
import type { AggregateResult } from './aggregate.ts'
import { ok, type Result } from './errors.ts'
import type { PublishedTable } from './suppress-aggregate.ts'
import { TOTAL } from './suppress-aggregate.ts'
import { DEFAULT_SUPPRESSION_THRESHOLD } from './suppression.ts'
import { buildTable, type TableAxis } from './table.ts'

/**
 * Cell-key perturbation (the ABS TableBuilder and ONS Census 2021 method; see SUPPRESSION.md). Every record
 * carries a fixed random key in 0 … KEY_RANGE − 1 that no reader ever sees. A cell's key is the sum of the keys
 * of the records in it, modulo KEY_RANGE, so the same set of records always gives the same key, whichever
 * query, dimension set, filter or export it is published in; the noise is looked up from the cell key alone.
 * Totals are cells like any other: their own records, their own key, their own noise.
 */
export const KEY_RANGE = 4096

/**
 * The perturbation table: noise by cell key, the same distribution for every count (zero mean, variance
 * 0.8, |noise| ≤ 2). Upper bounds are exclusive; the shares are 5 %, 20 %, 50 %, 20 %, 5 %.
 */
export const PERTURBATION: readonly { below: number; noise: number }[] = [
  { below: 205, noise: -2 },
  { below: 1024, noise: -1 },
  { below: 3072, noise: 0 },
  { below: 3891, noise: 1 },
  { below: KEY_RANGE, noise: 2 },
]

/** The largest noise the table adds or takes away: what an attacker who knows the method may assume. */
export const MAX_NOISE = 2

export type PerturbedStatus = 'published' | 'primary'

export interface PerturbedCount {
  /** Null when withheld. */
  value: number | null
  status: PerturbedStatus
}

export function cellKeyOf(keySum: number): number {
  return ((Math.trunc(keySum) % KEY_RANGE) + KEY_RANGE) % KEY_RANGE
}

export function noiseFor(cellKey: number): number {
  const key = cellKeyOf(cellKey)
  for (const row of PERTURBATION) if (key < row.below) return row.noise
  return 0
}

/**
 * One published count: an empty cell stays 0 (it has no records, hence no key); any other count gets its
 * noise, is floored at 0, and is withheld when the perturbed value is small (1 … threshold − 1). Whether a
 * cell is withheld is decided on the perturbed value, so it says no more than the perturbed value would.
 */
export function perturbCount(count: number, keySum: number, threshold: number): PerturbedCount {
  if (count === 0) return { value: 0, status: 'published' }
  const value = Math.max(0, count + noiseFor(cellKeyOf(keySum)))
  if (value > 0 && value < threshold) return { value: null, status: 'primary' }
  return { value, status: 'published' }
}

export interface PerturbationOptions {
  threshold?: number
  /** Every value each dimension can take, so that empty combinations appear as zeros. */
  domains?: Readonly<Record<string, readonly string[]>>
}

/**
 * A whole table with its margins, each cell perturbed by its own records' key. Cells carry `keySum`
 * (the sum of their records' keys, from the rollups or from the live sources): a cell without one is an
 * error in the caller, not a cell to publish exactly, so it reads as key 0 (still perturbed, never exact).
 */
export function perturbAggregate(
  result: AggregateResult,
  o: PerturbationOptions = {},
): Result<PublishedTable> {
  const threshold = o.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD
  const names = result.dimensions.map((d) => d.name)
  const axes: TableAxis[] = result.dimensions.map((d) => {
    const seen = new Set([...(o.domains?.[d.name] ?? []), ...result.cells.map((c) => c.key[d.name] ?? '')])
    return {
      name: d.name,
      values: [...seen].sort(compareDimensionValues),
      additive: !d.definition.multiValued,
    }
  })
  const id = (coords: readonly number[]) => coords.map((v, a) => axes[a]?.values[v] ?? '').join('\u001f')
  const byKey = new Map(result.cells.map((c) => [names.map((n) => c.key[n]).join('\u001f'), c]))
  const counts = buildTable(axes, (coords) => byKey.get(id(coords))?.count ?? 0)
  // Margins of key sums are sums of key sums: a total's key is the sum of its records' keys.
  const keys = buildTable(axes, (coords) => byKey.get(id(coords))?.keySum ?? 0)
  const cells = counts.coords.map((coords, i) => {
    const perturbed = perturbCount(counts.values[i] ?? 0, keys.values[i] ?? 0, threshold)
    return {
      key: Object.fromEntries(coords.map((v, a) => [names[a] ?? '', axes[a]?.values[v] ?? TOTAL])),
      count: perturbed.value,
      status: perturbed.status,
    }
  })
  return ok({ dimensions: names, cells })
}

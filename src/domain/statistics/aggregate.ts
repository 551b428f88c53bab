import { type AgeBand, DEFAULT_AGE_BANDS } from './age-bands.ts'
import { type ResolvedDimension, resolveDimensions, type StatisticsRecord, valuesOf } from './dimensions.ts'
import { fail, ok, type Result, STATISTICS_ERRORS } from './errors.ts'

/** Allowed values per dimension (request name → values); a record passes when every listed dimension matches. */
export type Filters = Readonly<Record<string, readonly string[]>>

export interface AggregateQuery {
  dimensions: readonly string[]
  filters?: Filters
  /** When given, each cell also counts the records matching this, and the rate numerator / count × per. */
  numerator?: Filters
  /** Rate base: 100 for a percentage, 100 000 for SDG 16.2.2. */
  per?: number
  ageBands?: readonly AgeBand[]
}

export interface AggregateCell {
  /** Dimension request name → value. */
  key: Readonly<Record<string, string>>
  count: number
  /** Sum of the keys of the records in the cell (cell-key perturbation); absent where keys are not counted. */
  keySum?: number
  numerator?: number
  /** Null when the cell's count is zero. */
  rate?: number | null
}

export interface AggregateResult {
  dimensions: ResolvedDimension[]
  /** Only combinations that occur, sorted by their values. */
  cells: AggregateCell[]
  /** Weighted records passing the filters; for a multi-valued dimension this is less than the sum of cells. */
  total: number
}

interface Compiled {
  dimension: ResolvedDimension
  allowed: ReadonlySet<string>
}

function compileFilters(filters: Filters | undefined): Result<Compiled[]> {
  const names = Object.keys(filters ?? {})
  const resolved = resolveDimensions(names, Number.POSITIVE_INFINITY)
  if (!resolved.ok) return resolved
  return ok(resolved.value.map((dimension) => ({ dimension, allowed: new Set(filters?.[dimension.name]) })))
}

function passes(
  record: StatisticsRecord,
  filters: readonly Compiled[],
  ageBands: readonly AgeBand[],
): boolean {
  return filters.every(({ dimension, allowed }) =>
    valuesOf(record, dimension, ageBands).some((v) => allowed.has(v)),
  )
}

/** Every combination of one value per dimension: a record with two vulnerabilities lands in two cells. */
function combinations(values: readonly string[][]): string[][] {
  return values.reduce<string[][]>(
    (acc, options) => acc.flatMap((prefix) => options.map((v) => [...prefix, v])),
    [[]],
  )
}

function weightOf(record: StatisticsRecord): Result<number> {
  const weight = record.count ?? 1
  if (!Number.isInteger(weight) || weight < 0)
    return fail(STATISTICS_ERRORS.invalidCount, { count: String(weight) })
  return ok(weight)
}

/** Counts (and optionally rates) over any combination of catalogued dimensions. */
export function aggregate(
  records: Iterable<StatisticsRecord>,
  query: AggregateQuery,
): Result<AggregateResult> {
  const dimensions = resolveDimensions(query.dimensions)
  if (!dimensions.ok) return dimensions
  const filters = compileFilters(query.filters)
  if (!filters.ok) return filters
  const numerator = query.numerator ? compileFilters(query.numerator) : undefined
  if (numerator && !numerator.ok) return numerator
  const per = query.per ?? 100
  if (!(per > 0) || !Number.isFinite(per))
    return fail(STATISTICS_ERRORS.invalidRateBase, { per: String(per) })
  const ageBands = query.ageBands ?? DEFAULT_AGE_BANDS

  const cells = new Map<string, { values: string[]; count: number; keySum: number; numerator: number }>()
  let total = 0
  let keyed = false
  for (const record of records) {
    const weight = weightOf(record)
    if (!weight.ok) return weight
    if (!passes(record, filters.value, ageBands)) continue
    total += weight.value
    const inNumerator = numerator ? passes(record, numerator.value, ageBands) : false
    const perDimension = dimensions.value.map((d) => valuesOf(record, d, ageBands))
    for (const values of combinations(perDimension)) {
      // The unit separator cannot appear in a code, so joined keys never collide.
      const id = values.join('\u001f')
      const cell = cells.get(id) ?? { values, count: 0, keySum: 0, numerator: 0 }
      cell.count += weight.value
      cell.keySum += record.recordKey ?? 0
      if (record.recordKey !== undefined) keyed = true
      if (inNumerator) cell.numerator += weight.value
      cells.set(id, cell)
    }
  }

  const names = dimensions.value.map((d) => d.name)
  const sorted = [...cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return ok({
    dimensions: dimensions.value,
    total,
    cells: sorted.map(([, cell]) => {
      const key = Object.fromEntries(names.map((name, i) => [name, cell.values[i] ?? '']))
      const keys = keyed ? { keySum: cell.keySum } : {}
      if (!numerator) return { key, count: cell.count, ...keys }
      const rate = cell.count === 0 ? null : (cell.numerator / cell.count) * per
      return { key, count: cell.count, ...keys, numerator: cell.numerator, rate }
    }),
  })
}

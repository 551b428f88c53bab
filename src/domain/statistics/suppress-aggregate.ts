import { compareDimensionValues } from './age-bands.ts'
import type { AggregateResult } from './aggregate.ts'
import { ok, type Result } from './errors.ts'
import { type CellStatus, type SuppressionOptions, suppressTable } from './suppression.ts'
import { buildTable, type TableAxis } from './table.ts'

/** Marks an axis total in a cell key: codes never contain it. */
export const TOTAL = '*'

export interface PublishedCell {
  /** Dimension name → value, or `*` for the total over that dimension. */
  key: Readonly<Record<string, string>>
  /** Null when withheld. */
  count: number | null
  status: CellStatus
}

export interface PublishedTable {
  dimensions: readonly string[]
  /** Interior cells and every margin, in table order; all-`*` is the grand total when there is one. */
  cells: PublishedCell[]
}

export interface AggregateSuppressionOptions extends SuppressionOptions {
  /**
   * Every value each dimension can take (all provinces, all age bands), so that combinations with no
   * record appear as published zeros rather than missing rows. Values seen in the data are always kept.
   */
  domains?: Readonly<Record<string, readonly string[]>>
}

/**
 * Applies suppression to an aggregate as a table with all its margins, so the margins the reader will see
 * are part of what is protected. Multi-valued dimensions get no margin (their cells overlap).
 */
export function suppressAggregate(
  result: AggregateResult,
  options: AggregateSuppressionOptions = {},
): Result<PublishedTable> {
  const names = result.dimensions.map((d) => d.name)
  const axes: TableAxis[] = result.dimensions.map((d) => {
    const seen = new Set([
      ...(options.domains?.[d.name] ?? []),
      ...result.cells.map((c) => c.key[d.name] ?? ''),
    ])
    return {
      name: d.name,
      values: [...seen].sort(compareDimensionValues),
      additive: !d.definition.multiValued,
    }
  })
  const counts = new Map(result.cells.map((c) => [names.map((n) => c.key[n]).join('\u001f'), c.count]))
  const table = buildTable(
    axes,
    (coords) => counts.get(coords.map((v, a) => axes[a]?.values[v] ?? '').join('\u001f')) ?? 0,
  )
  const suppressed = suppressTable(table, options)
  if (!suppressed.ok) return suppressed

  const cells = table.coords.map((coords, i) => ({
    key: Object.fromEntries(coords.map((v, a) => [names[a] ?? '', axes[a]?.values[v] ?? TOTAL])),
    count: suppressed.value.values[i] ?? null,
    status: suppressed.value.status[i] ?? 'primary',
  }))
  return ok({ dimensions: names, cells })
}

export interface PublishedRate {
  key: Readonly<Record<string, string>>
  count: number | null
  numerator: number | null
  /** Null when either count is withheld or the count is zero. */
  rate: number | null
}

/**
 * A rate gives its numerator away (rate × count), so the numerators are suppressed as a table of their own
 * and a rate is shown only where both its numerator and its denominator are.
 */
export function suppressRates(
  result: AggregateResult,
  options: AggregateSuppressionOptions & { per?: number } = {},
): Result<PublishedRate[]> {
  const denominators = suppressAggregate(result, options)
  if (!denominators.ok) return denominators
  const numeratorCells = result.cells.map((c) => ({ key: c.key, count: c.numerator ?? 0 }))
  const numerators = suppressAggregate({ ...result, cells: numeratorCells }, options)
  if (!numerators.ok) return numerators
  const per = options.per ?? 100
  return ok(
    denominators.value.cells.map((cell, i) => {
      const numerator = numerators.value.cells[i]?.count ?? null
      const count = cell.count
      const rate = count === null || numerator === null || count === 0 ? null : (numerator / count) * per
      return { key: cell.key, count, numerator, rate }
    }),
  )
}

import type { AggregateResult } from '../../domain/statistics/aggregate.ts'
import { perturbAggregate } from '../../domain/statistics/cell-key.ts'
import { type Mechanism, releaseNoisyCounts } from '../../domain/statistics/differential-privacy.ts'
import { ok } from '../../domain/statistics/errors.ts'
import type { PrivacyBudget } from '../../domain/statistics/privacy-budget.ts'
import type { RandomSource } from '../../domain/statistics/random.ts'
import { type PublishedTable, suppressAggregate } from '../../domain/statistics/suppress-aggregate.ts'

/** A refusal from the domain or from the export itself: a message key with its parameters. */
export type ExportResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: string; params?: Record<string, string | number> } }

export interface PrivacyRequest {
  mechanism: 'laplace' | 'gaussian'
  epsilon: number
  delta?: number
}

export function mechanismOf(p: PrivacyRequest): Mechanism {
  return p.mechanism === 'laplace'
    ? { kind: 'laplace', epsilon: p.epsilon }
    : { kind: 'gaussian', epsilon: p.epsilon, delta: p.delta as number }
}

export interface ExportTable {
  table: PublishedTable
  threshold: number
  suppressedCells: number
  /** The noise that was added, with the budget left after it; null for exact (suppressed) counts. */
  noise: { mechanism: Mechanism; budget: PrivacyBudget } | null
}

/** Every combination of the dimensions' values, so that a zero gets noise like any other count. */
function fullGrid(result: AggregateResult, domains: Readonly<Record<string, readonly string[]>>): string[][] {
  const names = result.dimensions.map((d) => d.name)
  const values = names.map((n) => [
    ...new Set([...(domains[n] ?? []), ...result.cells.map((c) => c.key[n] ?? '')]),
  ])
  return values.reduce<string[][]>((acc, vs) => acc.flatMap((p) => vs.map((v) => [...p, v])), [[]])
}

/**
 * What leaves the server in an export: by default the table with its margins, every cell perturbed by its
 * records' cell key (the same figures a reader without microdata access sees on screen, see SUPPRESSION.md).
 * A release with a privacy budget instead gets differentially private noise on the interior cells, margins
 * summed from the noisy cells (post-processing), then small-cell and secondary suppression; the whole table
 * costs one ε when each person is in one cell.
 * A multi-valued dimension puts a person in several cells, so noise over it is refused rather than
 * silently weaker than stated.
 */
export function protectForExport(
  result: AggregateResult,
  o: {
    threshold: number
    domains?: Readonly<Record<string, readonly string[]>>
    noise?: { mechanism: Mechanism; budget: PrivacyBudget; random: RandomSource }
  },
): ExportResult<ExportTable> {
  if (!o.noise) {
    const perturbed = perturbAggregate(result, { threshold: o.threshold, domains: o.domains })
    if (!perturbed.ok) return perturbed
    const suppressedCells = perturbed.value.cells.filter((c) => c.status !== 'published').length
    return ok({ table: perturbed.value, threshold: o.threshold, suppressedCells, noise: null })
  }
  const dp = o.noise
  if (result.dimensions.some((d) => d.definition.multiValued)) {
    return { ok: false, error: { code: 'exports.errors.noiseNeedsDisjointCells' } }
  }
  const names = result.dimensions.map((d) => d.name)
  const grid = fullGrid(result, o.domains ?? {})
  const exact = new Map(result.cells.map((c) => [names.map((n) => c.key[n]).join('\u001f'), c.count]))
  const counts = grid.map((values) => exact.get(values.join('\u001f')) ?? 0)
  const released = releaseNoisyCounts(counts, dp.mechanism, dp.budget, dp.random)
  if (!released.ok) return released
  const cells = grid.map((values, i) => ({
    key: Object.fromEntries(names.map((n, a) => [n, values[a] ?? ''])),
    count: released.value.values[i] ?? 0,
  }))
  const source = { ...result, cells, total: cells.reduce((s, c) => s + c.count, 0) }
  const noise = { mechanism: dp.mechanism, budget: released.value.budget }
  const table = suppressAggregate(source, { threshold: o.threshold, domains: o.domains })
  if (!table.ok) return table
  const suppressedCells = table.value.cells.filter((c) => c.status !== 'published').length
  return ok({ table: table.value, threshold: o.threshold, suppressedCells, noise })
}

import { fail, ok, type Result, STATISTICS_ERRORS } from './errors.ts'
import type { LinearTable } from './table.ts'
import { determinedCells } from './table-audit.ts'

export const DEFAULT_SUPPRESSION_THRESHOLD = 10

export type CellStatus = 'published' | 'primary' | 'secondary'

export interface SuppressionOptions {
  /** The smallest count that may be published; counts from 1 to threshold − 1 are withheld. */
  threshold?: number
}

export interface SuppressedTable {
  table: LinearTable
  status: CellStatus[]
  /** The published value, or null where withheld; a withheld value never leaves this function. */
  values: (number | null)[]
}

/**
 * Small-cell suppression with secondary (complementary) suppression. See SUPPRESSION.md.
 *
 * 1. Primary: every cell (margins included) with 0 < count < threshold.
 * 2. Lines: every line (a row, a column, any 1-D slice with its total) holding a withheld cell must hold at
 *    least two, whose sum is at least the threshold, so neither subtraction nor the bound "each withheld
 *    cell is at most the withheld sum" gives a small number away. Complements are the smallest positive
 *    published cells, interior cells before totals.
 * 3. Audit: solve the whole system of line equations for the withheld cells; any cell still determined
 *    (in 2-D, a withheld cell on no cycle of withheld cells) gets another complement in one of its lines.
 *    Repeat 2–3 until no cell is determined.
 *
 * Zeros are never withheld and never chosen as complements. Because every withheld cell is then positive,
 * a cell that linear algebra cannot determine cannot be pinned by non-negativity either: the true table
 * can be moved a little along a null direction that changes it while all cells stay non-negative.
 * The loop ends: each round withholds at least one more positive cell, and once all positive cells are
 * withheld the true values scaled by any factor fit every equation, so none is determined.
 */
export function suppressTable(table: LinearTable, options: SuppressionOptions = {}): Result<SuppressedTable> {
  const threshold = options.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD
  if (!Number.isInteger(threshold) || threshold < 1) {
    return fail(STATISTICS_ERRORS.invalidThreshold, { threshold: String(threshold) })
  }
  if (table.values.some((v) => !Number.isInteger(v) || v < 0)) return fail(STATISTICS_ERRORS.invalidCount)

  const status: CellStatus[] = table.values.map((v) => (v > 0 && v < threshold ? 'primary' : 'published'))
  const linesOf = table.values.map(() => [] as number[])
  table.lines.forEach((line, l) => {
    for (const cell of [...line.parts, line.total]) linesOf[cell]?.push(l)
  })

  for (;;) {
    protectLines(table, status, threshold)
    const withheld = new Set(status.flatMap((s, i) => (s === 'published' ? [] : [i])))
    const exposed = determinedCells(table, withheld)
    if (exposed.length === 0) break
    for (const cell of exposed) {
      const options = (linesOf[cell] ?? []).flatMap((l) => candidates(table, status, cellsOf(table, l)))
      const complement =
        options.length > 0 ? pick(table, options) : pick(table, candidates(table, status, allCells(table)))
      if (complement !== undefined) status[complement] = 'secondary'
    }
  }

  return ok({ table, status, values: table.values.map((v, i) => (status[i] === 'published' ? v : null)) })
}

function protectLines(table: LinearTable, status: CellStatus[], threshold: number): void {
  let changed = true
  while (changed) {
    changed = false
    for (let l = 0; l < table.lines.length; l++) {
      const cells = cellsOf(table, l)
      for (;;) {
        const withheld = cells.filter((c) => status[c] !== 'published')
        if (withheld.length === 0) break
        const sum = withheld.reduce((s, c) => s + (table.values[c] ?? 0), 0)
        if (withheld.length >= 2 && sum >= threshold) break
        const complement = pick(table, candidates(table, status, cells))
        if (complement === undefined) break
        status[complement] = 'secondary'
        changed = true
      }
    }
  }
}

function cellsOf(table: LinearTable, line: number): number[] {
  const l = table.lines[line]
  return l ? [...l.parts, l.total] : []
}

function allCells(table: LinearTable): number[] {
  return table.values.map((_, i) => i)
}

function candidates(table: LinearTable, status: readonly CellStatus[], cells: readonly number[]): number[] {
  return cells.filter((c) => status[c] === 'published' && (table.values[c] ?? 0) > 0)
}

/** Deterministic: interior before margins, then the smallest value, then the lowest index. */
function pick(table: LinearTable, cells: readonly number[]): number | undefined {
  let best: number | undefined
  for (const c of cells) {
    if (best === undefined || before(table, c, best)) best = c
  }
  return best
}

function before(table: LinearTable, a: number, b: number): boolean {
  const marginA = table.isMargin[a] ? 1 : 0
  const marginB = table.isMargin[b] ? 1 : 0
  if (marginA !== marginB) return marginA < marginB
  const va = table.values[a] ?? 0
  const vb = table.values[b] ?? 0
  return va !== vb ? va < vb : a < b
}

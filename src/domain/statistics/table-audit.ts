import type { LinearTable } from './table.ts'

const EPSILON = 1e-9

type SparseRow = Map<number, number>

/**
 * The suppressed cells an attacker can compute exactly from the published ones, using any linear
 * combination of the table's equations (subtraction along rows and columns is the simplest case).
 *
 * The published cells move to the right-hand side, leaving a system A·x = b over the unknown cells.
 * A cell is determined exactly when the reduced row echelon form of A has a row with that cell alone:
 * otherwise some direction in the null space of A changes it while keeping every published figure.
 * Coefficients start as ±1; elimination is in floating point with a tolerance, which is exact enough for
 * the small integer ratios these matrices produce.
 */
export function determinedCells(table: LinearTable, unknown: ReadonlySet<number>): number[] {
  const pivots = new Map<number, SparseRow>()

  for (const line of table.lines) {
    const row: SparseRow = new Map()
    for (const part of line.parts) if (unknown.has(part)) row.set(part, (row.get(part) ?? 0) + 1)
    if (unknown.has(line.total)) row.set(line.total, (row.get(line.total) ?? 0) - 1)
    if (row.size === 0) continue

    // Pivot rows are fully reduced, so one pass removes every pivot column from the new row.
    for (const [col, coef] of [...row]) {
      const pivot = pivots.get(col)
      if (pivot) subtract(row, pivot, coef)
    }
    if (row.size === 0) continue

    const pivotCol = Math.min(...row.keys())
    const scale = row.get(pivotCol) ?? 1
    for (const [col, coef] of row) row.set(col, coef / scale)
    for (const other of pivots.values()) {
      const coef = other.get(pivotCol)
      if (coef !== undefined) subtract(other, row, coef)
    }
    pivots.set(pivotCol, row)
  }

  const determined: number[] = []
  for (const [col, row] of pivots) if (row.size === 1) determined.push(col)
  return determined.sort((a, b) => a - b)
}

/** row −= factor × other, dropping entries that cancel. */
function subtract(row: SparseRow, other: SparseRow, factor: number): void {
  for (const [col, coef] of other) {
    const next = (row.get(col) ?? 0) - factor * coef
    if (Math.abs(next) < EPSILON) row.delete(col)
    else row.set(col, next)
  }
}

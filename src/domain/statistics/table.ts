/**
 * A table with all its margins, seen as what an attacker sees: cells and the linear equations that tie
 * them (each line of parts sums to its total). Suppression and its audit work on this form only, so the
 * same code protects a 1-D list with a total, a 2-D cross-tabulation with row, column and grand totals,
 * and tables of more dimensions.
 */
export interface TableAxis {
  name: string
  values: readonly string[]
  /** False for a multi-valued dimension: its cells overlap, so it has no total and no equation. */
  additive: boolean
}

export interface TableLine {
  parts: number[]
  total: number
}

export interface LinearTable {
  axes: readonly TableAxis[]
  /** Per cell, per axis: the value index, or `values.length` for that axis's total. */
  coords: number[][]
  values: number[]
  isMargin: boolean[]
  lines: TableLine[]
}

function sizesOf(axes: readonly TableAxis[]): number[] {
  return axes.map((a) => a.values.length + (a.additive ? 1 : 0))
}

function indexOf(coords: readonly number[], sizes: readonly number[]): number {
  return coords.reduce((index, c, a) => index * (sizes[a] ?? 1) + c, 0)
}

function coordsOf(index: number, sizes: readonly number[]): number[] {
  const coords = new Array<number>(sizes.length)
  for (let a = sizes.length - 1; a >= 0; a--) {
    const size = sizes[a] ?? 1
    coords[a] = index % size
    index = Math.floor(index / size)
  }
  return coords
}

/** `interior` gives the count of each combination of values (coordinates exclude totals). */
export function buildTable(
  axes: readonly TableAxis[],
  interior: (coords: readonly number[]) => number,
): LinearTable {
  const sizes = sizesOf(axes)
  const cellCount = sizes.reduce((n, s) => n * s, 1)
  const coords = Array.from({ length: cellCount }, (_, i) => coordsOf(i, sizes))
  const isMargin = coords.map((c) => c.some((v, a) => v === axes[a]?.values.length))
  const values = new Array<number>(cellCount).fill(0)
  const additive = axes.flatMap((a, i) => (a.additive ? [i] : []))

  for (let i = 0; i < cellCount; i++) {
    if (isMargin[i]) continue
    const cell = coords[i] ?? []
    const value = interior(cell)
    // Add the cell to every margin it contributes to: each subset of additive axes replaced by its total.
    for (let mask = 0; mask < 1 << additive.length; mask++) {
      const target = [...cell]
      additive.forEach((axis, bit) => {
        if (mask & (1 << bit)) target[axis] = axes[axis]?.values.length ?? 0
      })
      const t = indexOf(target, sizes)
      values[t] = (values[t] ?? 0) + value
    }
  }

  const lines: TableLine[] = []
  for (const axis of additive) {
    const n = axes[axis]?.values.length ?? 0
    for (let i = 0; i < cellCount; i++) {
      const cell = coords[i] ?? []
      if (cell[axis] !== n) continue
      const parts = Array.from({ length: n }, (_, v) => indexOf(cell.with(axis, v), sizes))
      lines.push({ parts, total: i })
    }
  }
  return { axes, coords, values, isMargin, lines }
}

export function table1D(values: readonly number[]): LinearTable {
  const axis = { name: 'row', values: values.map((_, i) => String(i)), additive: true }
  return buildTable([axis], ([i = 0]) => values[i] ?? 0)
}

export function table2D(matrix: readonly (readonly number[])[]): LinearTable {
  const columns = matrix[0]?.length ?? 0
  const rows = { name: 'row', values: matrix.map((_, i) => String(i)), additive: true }
  const cols = {
    name: 'column',
    values: Array.from({ length: columns }, (_, j) => String(j)),
    additive: true,
  }
  return buildTable([rows, cols], ([i = 0, j = 0]) => matrix[i]?.[j] ?? 0)
}

/** The cell at the given coordinates, where `values.length` on an axis means its total. */
export function cellAt(table: LinearTable, coords: readonly number[]): number {
  return indexOf(coords, sizesOf(table.axes))
}

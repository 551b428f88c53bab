import type { LinearTable } from '../table.ts'

/**
 * An attacker for tests, written apart from the suppression code so that it checks it rather than
 * repeating it. Both functions take only what is published (null = withheld) and return the withheld
 * cells they can pin down, with the value they computed.
 */

/** Subtraction along lines until nothing more falls out; also uses "withheld parts summing to 0 are all 0". */
export function recoverBySubtraction(
  table: LinearTable,
  published: readonly (number | null)[],
): Map<number, number> {
  const known = [...published]
  const recovered = new Map<number, number>()
  let progress = true
  while (progress) {
    progress = false
    for (const line of table.lines) {
      const unknownParts = line.parts.filter((p) => known[p] === null)
      const totalKnown = known[line.total] !== null
      const partsSum = line.parts.reduce((s, p) => s + (known[p] ?? 0), 0)
      const learn = (cell: number, value: number) => {
        known[cell] = value
        recovered.set(cell, value)
        progress = true
      }
      if (totalKnown && unknownParts.length === 1)
        learn(unknownParts[0] ?? -1, (known[line.total] ?? 0) - partsSum)
      else if (!totalKnown && unknownParts.length === 0) learn(line.total, partsSum)
      else if (totalKnown && unknownParts.length > 1 && (known[line.total] ?? 0) - partsSum === 0) {
        for (const p of unknownParts) learn(p, 0)
      }
    }
  }
  return recovered
}

/** Dense Gauss–Jordan elimination over every line equation at once. */
export function recoverByElimination(
  table: LinearTable,
  published: readonly (number | null)[],
): Map<number, number> {
  const unknown = published.flatMap((v, i) => (v === null ? [i] : []))
  const column = new Map(unknown.map((cell, j) => [cell, j]))
  const width = unknown.length
  const rows: number[][] = []
  for (const line of table.lines) {
    const row = new Array<number>(width + 1).fill(0)
    const add = (cell: number, sign: number) => {
      const j = column.get(cell)
      if (j === undefined) row[width] = (row[width] ?? 0) - sign * (published[cell] ?? 0)
      else row[j] = (row[j] ?? 0) + sign
    }
    for (const p of line.parts) add(p, 1)
    add(line.total, -1)
    rows.push(row)
  }

  let rank = 0
  const pivotOf: number[] = []
  for (let j = 0; j < width && rank < rows.length; j++) {
    let best = rank
    for (let r = rank; r < rows.length; r++) {
      if (Math.abs(rows[r]?.[j] ?? 0) > Math.abs(rows[best]?.[j] ?? 0)) best = r
    }
    const pivotRow = rows[best]
    if (!pivotRow || Math.abs(pivotRow[j] ?? 0) < 1e-9) continue
    rows[best] = rows[rank] ?? pivotRow
    rows[rank] = pivotRow
    const p = pivotRow[j] ?? 1
    for (let k = 0; k <= width; k++) pivotRow[k] = (pivotRow[k] ?? 0) / p
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]
      if (r === rank || !row) continue
      const f = row[j] ?? 0
      if (f !== 0) for (let k = 0; k <= width; k++) row[k] = (row[k] ?? 0) - f * (pivotRow[k] ?? 0)
    }
    pivotOf[rank] = j
    rank++
  }

  const recovered = new Map<number, number>()
  for (let r = 0; r < rank; r++) {
    const row = rows[r] ?? []
    const j = pivotOf[r] ?? -1
    const alone = row.slice(0, width).every((v, k) => k === j || Math.abs(v) < 1e-9)
    if (alone) recovered.set(unknown[j] ?? -1, Math.round(row[width] ?? 0))
  }
  return recovered
}

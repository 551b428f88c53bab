import { type PublishedCell, TOTAL } from '../../domain/statistics/suppress-aggregate.ts'

/**
 * An attacker for tests, written apart from the suppression code so that it checks it rather than repeats
 * it. It holds the whole exported table (every margin, as the JSON export gives it) and subtracts along
 * every row and column, again and again, until nothing more falls out. Returns the cells it recovered.
 */
export function recoverBySubtraction(
  cells: readonly Pick<PublishedCell, 'key' | 'count'>[],
  dimensions: readonly string[],
): string[] {
  const known = new Map(cells.map((c) => [JSON.stringify(dimensions.map((d) => c.key[d])), c.count]))
  const recovered: string[] = []
  for (let progress = true; progress; ) {
    progress = false
    for (const cell of cells) {
      for (const d of dimensions) {
        if (cell.key[d] !== TOTAL) continue
        const line = cells.filter(
          (o) => o.key[d] !== TOTAL && dimensions.every((e) => e === d || o.key[e] === cell.key[e]),
        )
        const id = (c: Pick<PublishedCell, 'key'>) => JSON.stringify(dimensions.map((e) => c.key[e]))
        const unknown = [...line, cell].filter((c) => known.get(id(c)) === null)
        if (unknown.length !== 1) continue
        const target = unknown[0] as (typeof cells)[number]
        const partsSum = line.reduce((s, c) => s + (known.get(id(c)) ?? 0), 0)
        known.set(id(target), target === cell ? partsSum : (known.get(id(cell)) ?? 0) - partsSum)
        recovered.push(id(target))
        progress = true
      }
    }
  }
  return recovered
}

import { describe, expect, it } from 'vitest'
import { syntheticTraffic } from '../../domain/crossings/synthetic-traffic.ts'
import { ageOn } from '../../domain/statistics/calendar.ts'
import { CUBOIDS, FINE } from '../statistics/fold-deltas.ts'
import { orderedIds, TrafficBatch } from './seed-traffic-batch.ts'
import { cellAge, SeedCells } from './seed-traffic-cells.ts'
import { RecordKeys } from './seed-traffic-record-key.ts'

function traffic(movements: number, seed: number): TrafficBatch {
  const batch = new TrafficBatch(orderedIds())
  for (const { traveller, movements: m } of syntheticTraffic({
    seed,
    movements,
    from: new Date(Date.UTC(2024, 0, 1)),
    days: 400,
  }))
    batch.add(traveller, m, 'T')
  return batch
}

type CuboidRow = [values: (string | number)[], count: number, keySum: number]

/** The cuboid's COPY text read back: every chunk whole lines, the age a number. */
function rows(cells: SeedCells, columns: string, chunk: number): CuboidRow[] {
  const names = columns.split(', ')
  const out: CuboidRow[] = []
  for (const text of cells.text(columns, chunk)) {
    expect(text.endsWith('\n')).toBe(true)
    for (const line of text.slice(0, -1).split('\n')) {
      const fields = line.split('\t')
      expect(fields).toHaveLength(names.length + 2)
      const values = fields.slice(0, names.length).map((v, i) => (names[i] === 'age' ? Number(v) : v))
      out.push([values, Number(fields[names.length]), Number(fields[names.length + 1])])
    }
  }
  return out
}

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0)
function compareRows(a: CuboidRow, b: CuboidRow): number {
  for (let i = 0; i < a[0].length; i++) {
    const d = cmp(a[0][i]!, b[0][i]!)
    if (d) return d
  }
  return 0
}

describe("the COPY seed's own count", () => {
  it('gives the age the statistics view gives, for full, year-month and bare-year birth dates', () => {
    const full = (b: string) => (b.length === 4 ? `${b}-01-01` : b.length === 7 ? `${b}-01` : b)
    const days = ['2025-01-01', '2025-02-28', '2025-03-01', '2025-06-15', '2025-12-31', '2024-02-29']
    const births = [
      '1990-01-01',
      '1990-02-28',
      '2000-02-29',
      '1990-06-15',
      '1990-06-16',
      '1990-06',
      '1990',
      '2025-12-31',
    ]
    for (const on of days)
      for (const birth of births)
        expect(cellAge(birth, on), `${birth} on ${on}`).toBe(
          Math.max(-1, Math.min(100, ageOn(full(birth), on))),
        )
    expect(cellAge(null, '2025-01-01')).toBe(-1)
    expect(cellAge('1800-01-01', '2025-01-01')).toBe(100)
    expect(cellAge('2030-01-01', '2025-01-01')).toBe(-1)
  })

  it('counts every crossing once, in primary-key order, and each cuboid sums the fine cells', () => {
    const cells = new SeedCells('s3cret')
    const a = traffic(3000, 4)
    const b = traffic(2000, 9)
    cells.add(a)
    cells.add(b)
    expect(cells.crossings).toBe(a.movements + b.movements)
    cells.sum(CUBOIDS.filter((c) => c.columns !== FINE).map((c) => c.columns))
    expect(() => cells.add(a)).toThrow(/already summed/)
    // Small chunks: rows straddle chunk boundaries.
    const fine = rows(cells, FINE, 97)
    expect(fine.reduce((s, r) => s + r[1], 0)).toBe(cells.crossings)
    const keyer = new RecordKeys('s3cret')
    let keys = 0
    for (const batch of [a, b]) for (const id of batch.c.id) keys += keyer.of(id)
    expect(fine.reduce((s, r) => s + r[2], 0)).toBe(keys)
    for (let i = 1; i < fine.length; i++) expect(compareRows(fine[i - 1]!, fine[i]!)).toBe(-1)
    const columns = FINE.split(', ')
    for (const c of CUBOIDS) {
      const names = c.columns.split(', ')
      const expected = new Map<string, [number, number]>()
      for (const [values, n, k] of fine) {
        const key = names
          .map((name) =>
            name === 'month' ? `${String(values[0]).slice(0, 7)}-01` : values[columns.indexOf(name)],
          )
          .join('|')
        const [n0, k0] = expected.get(key) ?? [0, 0]
        expected.set(key, [n0 + n, k0 + k])
      }
      const summed = rows(cells, c.columns, 50)
      expect(new Map(summed.map(([v, n, k]) => [v.join('|'), [n, k]])), c.table).toEqual(expected)
      for (let i = 1; i < summed.length; i++) expect(compareRows(summed[i - 1]!, summed[i]!)).toBe(-1)
    }
  })

  it('refuses more distinct values of a dimension than its count can number', () => {
    const batch = traffic(200, 2)
    const cells = new SeedCells('s')
    batch.c.post.forEach((_, i) => {
      batch.c.post[i] = `POST-${i}`
    })
    const many = traffic(1200, 3)
    many.c.post.forEach((_, i) => {
      many.c.post[i] = `POST-${i}`
    })
    cells.add(batch)
    expect(() => cells.add(many)).toThrow(RangeError)
  })
})

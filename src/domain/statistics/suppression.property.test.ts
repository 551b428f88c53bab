import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { suppressTable } from './suppression.ts'
import { buildTable, type LinearTable, table1D, table2D } from './table.ts'
import { recoverByElimination, recoverBySubtraction } from './testing/recover.ts'

/** Counts skewed towards the small numbers that need protecting, with zeros and some large cells. */
const count = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 12 }) },
  { weight: 1, arbitrary: fc.integer({ min: 13, max: 200 }) },
)

const matrix = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([rows, cols]) =>
    fc.array(fc.array(count, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
  )

const threshold = fc.integer({ min: 2, max: 15 })

function check(table: LinearTable, t: number) {
  const result = suppressTable(table, { threshold: t })
  if (!result.ok) throw new Error(result.error.code)
  const { values, status } = result.value
  table.values.forEach((truth, i) => {
    if (truth > 0 && truth < t) expect(status[i]).toBe('primary')
    if (values[i] !== null) expect(values[i]).toBe(truth)
    else expect(truth).toBeGreaterThan(0)
  })
  const hidden = values.flatMap((v, i) => (v === null ? [i] : []))
  for (const attack of [recoverBySubtraction, recoverByElimination]) {
    const recovered = attack(table, values)
    expect(hidden.filter((cell) => recovered.has(cell))).toEqual([])
  }
}

describe('suppression cannot be undone (property)', () => {
  it('on random 1-D tables with their total', () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 12 }), threshold, (row, t) =>
        check(table1D(row), t),
      ),
      {
        numRuns: 300,
      },
    )
  })

  it('on random 2-D tables with row, column and grand totals', () => {
    fc.assert(
      fc.property(matrix, threshold, (m, t) => check(table2D(m), t)),
      { numRuns: 300 },
    )
  })

  it('on random 3-D tables with every margin', () => {
    const cube = fc.array(count, { minLength: 27, maxLength: 27 })
    fc.assert(
      fc.property(cube, threshold, (cells, t) => {
        const axis = (name: string) => ({ name, values: ['a', 'b', 'c'], additive: true })
        const table = buildTable(
          [axis('x'), axis('y'), axis('z')],
          ([x = 0, y = 0, z = 0]) => cells[x * 9 + y * 3 + z] ?? 0,
        )
        check(table, t)
      }),
      { numRuns: 60 },
    )
  })

  it('on tables with a multi-valued (non-additive) dimension', () => {
    fc.assert(
      fc.property(matrix, threshold, (m, t) => {
        const rows = { name: 'vulnerability', values: m.map((_, i) => String(i)), additive: false }
        const cols = { name: 'sex', values: (m[0] ?? []).map((_, j) => String(j)), additive: true }
        check(
          buildTable([rows, cols], ([i = 0, j = 0]) => m[i]?.[j] ?? 0),
          t,
        )
      }),
      { numRuns: 150 },
    )
  })
})

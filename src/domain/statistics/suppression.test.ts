import { describe, expect, it } from 'vitest'
import { type CellStatus, suppressTable } from './suppression.ts'
import { type LinearTable, table1D, table2D } from './table.ts'
import { recoverByElimination, recoverBySubtraction } from './testing/recover.ts'

function suppressed(table: LinearTable, threshold = 10) {
  const result = suppressTable(table, { threshold })
  if (!result.ok) throw new Error(result.error.code)
  return result.value
}

function withheld(status: readonly CellStatus[]): number[] {
  return status.flatMap((s, i) => (s === 'published' ? [] : [i]))
}

function expectNothingRecoverable(table: LinearTable, values: readonly (number | null)[]) {
  const hidden = values.flatMap((v, i) => (v === null ? [i] : []))
  for (const attack of [recoverBySubtraction, recoverByElimination]) {
    const recovered = attack(table, values)
    expect(hidden.filter((cell) => recovered.has(cell))).toEqual([])
  }
}

describe('small-cell suppression', () => {
  it('withholds counts from 1 to threshold − 1 and publishes zeros and counts at the threshold', () => {
    const table = table1D([0, 3, 10, 40, 52])
    const { status, values } = suppressed(table)
    expect(status.slice(0, 5)).toEqual(['published', 'primary', 'secondary', 'published', 'published'])
    expect(values.slice(0, 5)).toEqual([0, null, null, 40, 52])
    expect(values[5]).toBe(105)
  })

  it('lets the subtraction attack recover a cell when only primary suppression is applied', () => {
    const table = table1D([3, 40, 52])
    const naive = table.values.map((v) => (v > 0 && v < 10 ? null : v))
    expect(recoverBySubtraction(table, naive).get(0)).toBe(3)
    expect(recoverByElimination(table, naive).get(0)).toBe(3)
  })

  it('adds a complement in a 1-D table so that the total does not give the small cell away', () => {
    const table = table1D([3, 40, 52])
    const { values } = suppressed(table)
    expect(values).toEqual([null, null, 52, 95])
    expectNothingRecoverable(table, values)
  })

  it('keeps adding complements until the withheld cells of a line sum to the threshold', () => {
    const { values } = suppressed(table1D([3, 4, 40, 50]))
    expect(values).toEqual([null, null, null, 50, 97])
  })

  it('withholds a small total and protects it like any cell', () => {
    const table = table2D([
      [2, 3],
      [20, 30],
    ])
    const { values, status } = suppressed(table)
    expect(status[2]).toBe('primary')
    expectNothingRecoverable(table, values)
  })

  it('closes a cycle in a 2-D table so that no row or column total gives a cell away', () => {
    const table = table2D([
      [5, 20, 30],
      [25, 40, 35],
      [30, 45, 50],
    ])
    const result = suppressed(table)
    expect(withheld(result.status).length).toBeGreaterThanOrEqual(4)
    expectNothingRecoverable(table, result.values)
  })

  it('never withholds a zero nor chooses one as a complement', () => {
    const table = table2D([
      [0, 4, 0],
      [0, 30, 12],
      [0, 25, 40],
    ])
    const { values } = suppressed(table)
    table.values.forEach((v, i) => {
      if (v === 0) expect(values[i]).toBe(0)
    })
    expectNothingRecoverable(table, values)
  })

  it('withholds every positive cell when nothing else can protect them, without losing the zeros', () => {
    const table = table1D([3, 0, 0])
    const { values } = suppressed(table)
    expect(values).toEqual([null, 0, 0, null])
    expectNothingRecoverable(table, values)
  })

  it('publishes everything when no cell is small', () => {
    const { status } = suppressed(
      table2D([
        [10, 11],
        [12, 13],
      ]),
    )
    expect(withheld(status)).toEqual([])
  })

  it('refuses a threshold that is not a positive whole number', () => {
    const result = suppressTable(table1D([1, 2]), { threshold: 0 })
    expect(result.ok ? undefined : result.error.code).toBe('statistics.errors.invalidThreshold')
  })

  it('refuses negative or fractional counts', () => {
    const result = suppressTable(table1D([1, -2]))
    expect(result.ok ? undefined : result.error.code).toBe('statistics.errors.invalidCount')
  })
})

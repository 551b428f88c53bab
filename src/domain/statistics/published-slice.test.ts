import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aggregate } from './aggregate.ts'
import type { StatisticsRecord } from './dimensions.ts'
import { singleValueFilters, sliceTable, tableDimensions } from './published-slice.ts'
import { type PublishedTable, suppressAggregate } from './suppress-aggregate.ts'

function published(records: StatisticsRecord[], dimensions: string[], filters = {}): PublishedTable {
  const counted = aggregate(records, { dimensions, filters })
  if (!counted.ok) throw new Error(counted.error.code)
  const table = suppressAggregate(counted.value, { threshold: 10 })
  if (!table.ok) throw new Error(table.error.code)
  return table.value
}

function many(n: number, r: StatisticsRecord): StatisticsRecord[] {
  return Array.from({ length: n }, () => r)
}

/** Poipet has 3 women: withheld in the post × sex table, with complements chosen across posts. */
const RECORDS: StatisticsRecord[] = [
  ...many(3, { post: 'POIPET', sex: 'F' }),
  ...many(40, { post: 'POIPET', sex: 'M' }),
  ...many(25, { post: 'BAVET', sex: 'F' }),
  ...many(30, { post: 'BAVET', sex: 'M' }),
]

const keyOf = (c: { key: Readonly<Record<string, string>> }) => JSON.stringify(c.key)

describe('drill-down as a slice of a fixed table', () => {
  it('orders the fixed table the same whichever dimensions are filters', () => {
    expect(tableDimensions(['sex'], ['post'])).toEqual(tableDimensions(['post', 'sex'], []))
    expect(tableDimensions(['period:month', 'ageBand'], ['sex'])).toEqual(['period:month', 'sex', 'ageBand'])
  })

  it('shows a post exactly the cells the table of every post publishes for it', () => {
    const national = published(RECORDS, ['post', 'sex'])
    const slice = sliceTable(national, ['sex'], { post: 'POIPET' }, { threshold: 10, refuseSmall: false })
    if (!slice.ok) throw new Error(slice.error.code)
    const fromTable = national.cells
      .filter((c) => c.key.post === 'POIPET')
      .map((c) => ({ ...c, key: { sex: c.key.sex } }))
    expect(slice.value).toEqual(fromTable)
    expect(slice.value.find((c) => c.key.sex === 'F')?.count).toBeNull()
  })

  it('closes the leak a separately suppressed filtered table opens', () => {
    const national = published(RECORDS, ['post', 'sex'])
    const poipetTotal = national.cells.find((c) => c.key.post === 'POIPET' && c.key.sex === '*')?.count ?? 0
    // The men's table suppressed on its own has no small cell, so it publishes Poipet's 40 men, which the national
    // table withholds to protect Poipet's 3 women: its total minus them gives the women away.
    const apart = published(RECORDS, ['post'], { sex: ['M'] })
    const menApart = apart.cells.find((c) => c.key.post === 'POIPET')?.count ?? null
    expect(menApart === null ? null : poipetTotal - menApart).toBe(3)
    const sliced = sliceTable(national, ['post'], { sex: 'M' }, { threshold: 10, refuseSmall: true })
    if (!sliced.ok) throw new Error(sliced.error.code)
    expect(sliced.value.find((c) => c.key.post === 'POIPET')).toMatchObject({
      count: null,
      status: 'secondary',
    })
  })

  it('refuses a set of values and a chosen filter whose group is small', () => {
    expect(singleValueFilters({ post: ['POIPET', 'BAVET'] })).toMatchObject({
      ok: false,
      error: { code: 'statistics.errors.filterNotSingle' },
    })
    const table = published(RECORDS, ['post', 'sex'])
    expect(sliceTable(table, ['post'], { sex: 'F' }, { threshold: 10, refuseSmall: true }).ok).toBe(true)
    const small = published([...RECORDS, ...many(2, { post: 'TECHO', sex: 'F' })], ['post', 'sex'])
    expect(sliceTable(small, ['sex'], { post: 'TECHO' }, { threshold: 10, refuseSmall: true })).toMatchObject(
      {
        ok: false,
        error: { code: 'statistics.errors.filterIsolatesSmallGroup', params: { threshold: 10 } },
      },
    )
  })

  it('gives every slice of a random table the fixed table’s values', () => {
    const record = fc.record({ post: fc.constantFrom('A', 'B', 'C'), sex: fc.constantFrom('F', 'M', 'X') })
    fc.assert(
      fc.property(fc.array(record, { maxLength: 120 }), fc.constantFrom('A', 'B', 'C'), (records, post) => {
        const national = published(records, ['post', 'sex'])
        const slice = sliceTable(national, ['sex'], { post }, { threshold: 10, refuseSmall: false })
        if (!slice.ok) return
        const withheld = new Set(national.cells.filter((c) => c.count === null).map(keyOf))
        for (const c of slice.value) {
          const inTable = JSON.stringify({ post, sex: c.key.sex })
          expect(c.count === null).toBe(withheld.has(inTable))
        }
      }),
    )
  })
})

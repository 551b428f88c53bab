import { describe, expect, it } from 'vitest'
import { type AggregateQuery, aggregate } from './aggregate.ts'
import type { StatisticsRecord } from './dimensions.ts'
import { suppressAggregate, suppressRates, TOTAL } from './suppress-aggregate.ts'

function records(spec: [sex: string, post: string, n: number][]): StatisticsRecord[] {
  return spec.map(([sex, post, count]) => ({ sex, post, count }))
}

function aggregated(rows: StatisticsRecord[], query: AggregateQuery) {
  const result = aggregate(rows, query)
  if (!result.ok) throw new Error(result.error.code)
  return result.value
}

describe('suppression of aggregates', () => {
  const data = records([
    ['f', 'poipet', 40],
    ['m', 'poipet', 55],
    ['f', 'bavet', 3],
    ['m', 'bavet', 31],
    ['f', 'doung', 22],
    ['m', 'doung', 18],
  ])

  it('publishes the cross-tabulation with its margins and withholds the small cell and its complements', () => {
    const published = suppressAggregate(aggregated(data, { dimensions: ['sex', 'post'] }))
    if (!published.ok) throw new Error(published.error.code)
    const cell = (sex: string, post: string) =>
      published.value.cells.find((c) => c.key.sex === sex && c.key.post === post)
    expect(cell('f', 'bavet')).toMatchObject({ count: null, status: 'primary' })
    expect(cell(TOTAL, TOTAL)).toMatchObject({ count: 169, status: 'published' })
    const withheld = published.value.cells.filter((c) => c.count === null)
    expect(withheld.length).toBeGreaterThanOrEqual(4)
    expect(JSON.stringify(published.value)).not.toContain('"count":3,')
  })

  it('withholds a small grand total asked for without any breakdown', () => {
    const published = suppressAggregate(aggregated(records([['f', 'poipet', 4]]), { dimensions: [] }))
    expect(published.ok && published.value.cells).toEqual([{ key: {}, count: null, status: 'primary' }])
  })

  it('shows combinations with no records as published zeros when the domain is given', () => {
    const published = suppressAggregate(aggregated(data, { dimensions: ['post'] }), {
      domains: { post: ['bavet', 'cham-yeam', 'doung', 'poipet'] },
    })
    const chamYeam = published.ok && published.value.cells.find((c) => c.key.post === 'cham-yeam')
    expect(chamYeam).toMatchObject({ count: 0, status: 'published' })
  })

  it('withholds a rate whose numerator is small even when its denominator is large', () => {
    const referrals: StatisticsRecord[] = [
      { post: 'poipet', outcome: 'completed', count: 3 },
      { post: 'poipet', outcome: 'pending', count: 60 },
      { post: 'bavet', outcome: 'completed', count: 25 },
      { post: 'bavet', outcome: 'pending', count: 25 },
      { post: 'doung', outcome: 'completed', count: 30 },
      { post: 'doung', outcome: 'pending', count: 12 },
    ]
    const result = aggregated(referrals, { dimensions: ['post'], numerator: { outcome: ['completed'] } })
    const rates = suppressRates(result)
    if (!rates.ok) throw new Error(rates.error.code)
    const poipet = rates.value.find((r) => r.key.post === 'poipet')
    expect(poipet).toMatchObject({ count: 63, numerator: null, rate: null })
    expect(rates.value.every((r) => r.rate === null || (r.numerator !== null && r.count !== null))).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { aggregate } from './aggregate.ts'
import type { StatisticsRecord } from './dimensions.ts'

function returnee(overrides: Partial<StatisticsRecord> = {}): StatisticsRecord {
  return { date: '2025-07-15', sex: 'f', age: 21, post: 'poipet', provinceOfReturn: 'KH-1', ...overrides }
}

function run(records: StatisticsRecord[], query: Parameters<typeof aggregate>[1]) {
  const result = aggregate(records, query)
  if (!result.ok) throw new Error(result.error.code)
  return result.value
}

describe('aggregation', () => {
  it('answers "women aged 18–24 returned through Poipet last quarter"', () => {
    const records = [
      returnee(),
      returnee({ age: 19 }),
      returnee({ sex: 'm' }),
      returnee({ age: 30 }),
      returnee({ post: 'bavet' }),
      returnee({ date: '2025-03-31' }),
    ]
    const result = run(records, {
      dimensions: [],
      filters: { sex: ['f'], ageBand: ['18-24'], post: ['poipet'], 'period:quarter': ['2025-Q3'] },
    })
    expect(result.total).toBe(2)
    expect(result.cells).toEqual([{ key: {}, count: 2 }])
  })

  it('counts every combination of the chosen dimensions, sorted', () => {
    const records = [returnee(), returnee({ sex: 'm' }), returnee({ sex: 'm', age: 8 }), returnee()]
    const result = run(records, { dimensions: ['sex', 'ageBand'] })
    expect(result.cells).toEqual([
      { key: { sex: 'f', ageBand: '18-24' }, count: 2 },
      { key: { sex: 'm', ageBand: '18-24' }, count: 1 },
      { key: { sex: 'm', ageBand: '5-11' }, count: 1 },
    ])
  })

  it('adds the weights of pre-aggregated rollup rows', () => {
    const result = run([returnee({ count: 40 }), returnee({ count: 2 })], { dimensions: ['sex'] })
    expect(result.cells).toEqual([{ key: { sex: 'f' }, count: 42 }])
  })

  it('counts a person once under each of several vulnerabilities, and once in the total', () => {
    const result = run([returnee({ vulnerabilityTypes: ['health', 'debt'] }), returnee()], {
      dimensions: ['vulnerabilityType'],
    })
    expect(result.total).toBe(2)
    expect(result.cells.map((c) => [c.key.vulnerabilityType, c.count])).toEqual([
      ['debt', 1],
      ['health', 1],
      ['unknown', 1],
    ])
  })

  it('computes rates per cell from a numerator filter', () => {
    const referrals = [
      { outcome: 'completed', post: 'poipet' },
      { outcome: 'declined', post: 'poipet' },
      { outcome: 'completed', post: 'poipet' },
      { outcome: 'pending', post: 'bavet' },
    ]
    const result = run(referrals, { dimensions: ['post'], numerator: { outcome: ['completed'] } })
    expect(result.cells).toEqual([
      { key: { post: 'bavet' }, count: 1, numerator: 0, rate: 0 },
      { key: { post: 'poipet' }, count: 3, numerator: 2, rate: (2 / 3) * 100 },
    ])
  })

  it('uses configured age bands', () => {
    const result = aggregate([returnee({ age: 16 })], {
      dimensions: ['ageBand'],
      ageBands: [{ from: 0, to: 17, label: '0-17' }],
    })
    expect(result.ok && result.value.cells[0]?.key.ageBand).toBe('0-17')
  })

  it('refuses unknown dimensions in the breakdown, the filters or the numerator', () => {
    const code = (query: Parameters<typeof aggregate>[1]) => {
      const r = aggregate([returnee()], query)
      return r.ok ? undefined : r.error.code
    }
    expect(code({ dimensions: ['ethnicity'] })).toBe('statistics.errors.unknownDimension')
    expect(code({ dimensions: [], filters: { ethnicity: ['x'] } })).toBe('statistics.errors.unknownDimension')
    expect(code({ dimensions: [], numerator: { ethnicity: ['x'] } })).toBe(
      'statistics.errors.unknownDimension',
    )
  })

  it('refuses a rate base that is not positive and a weight that is not a count', () => {
    const r1 = aggregate([returnee()], { dimensions: [], numerator: {}, per: 0 })
    expect(r1.ok ? undefined : r1.error.code).toBe('statistics.errors.invalidRateBase')
    const r2 = aggregate([returnee({ count: -1 })], { dimensions: [] })
    expect(r2.ok ? undefined : r2.error.code).toBe('statistics.errors.invalidCount')
  })
})

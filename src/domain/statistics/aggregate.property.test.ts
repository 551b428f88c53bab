import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aggregate } from './aggregate.ts'
import { DIMENSION_IDS, resolveDimension, type StatisticsRecord, valuesOf } from './dimensions.ts'

const record: fc.Arbitrary<StatisticsRecord> = fc.record(
  {
    date: fc.constantFrom('2024-12-30', '2025-01-01', '2025-03-31', '2025-04-01', '2025-11-20', null),
    age: fc.option(fc.integer({ min: 0, max: 95 }), { nil: null }),
    sex: fc.constantFrom('f', 'm', 'x', null),
    post: fc.constantFrom('poipet', 'bavet', 'pp-airport'),
    direction: fc.constantFrom('entry', 'exit'),
    nationality: fc.constantFrom('KHM', 'THA', 'VNM', ''),
    outcome: fc.constantFrom('completed', 'declined', 'pending'),
    vulnerabilityTypes: fc.array(fc.constantFrom('health', 'debt', 'child', 'noDocuments'), { maxLength: 3 }),
    count: fc.integer({ min: 0, max: 5 }),
  },
  { requiredKeys: [] },
)

const dimensionName = fc.constantFrom(
  ...DIMENSION_IDS.filter((d) => d !== 'period'),
  'period:day',
  'period:week',
  'period:month',
  'period:quarter',
  'period:year',
)

/** The obvious, slow way: list each record's values per dimension, then count each distinct key. */
function bruteForce(
  records: StatisticsRecord[],
  dims: string[],
  valuesFor: (r: StatisticsRecord, d: string) => string[],
) {
  const counts = new Map<string, number>()
  for (const r of records) {
    let keys: string[][] = [[]]
    for (const d of dims) keys = keys.flatMap((k) => valuesFor(r, d).map((v) => [...k, v]))
    for (const k of keys) counts.set(JSON.stringify(k), (counts.get(JSON.stringify(k)) ?? 0) + (r.count ?? 1))
  }
  return counts
}

describe('aggregation (property)', () => {
  it('matches brute-force counting on random records and any dimensions', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 60 }),
        fc.uniqueArray(dimensionName, { maxLength: 3, selector: (d) => d.split(':')[0] }),
        (records, dims) => {
          const result = aggregate(records, { dimensions: dims })
          if (!result.ok) throw new Error(result.error.code)
          // Value derivation (age band, ISO week…) is tested on its own; here it is taken as given.
          const valuesFor = (r: StatisticsRecord, d: string) => {
            const dimension = resolveDimension(d)
            return dimension.ok ? valuesOf(r, dimension.value) : []
          }
          const expected = bruteForce(records, dims, valuesFor)
          const actual = new Map(
            result.value.cells.map((c) => [JSON.stringify(dims.map((d) => c.key[d])), c.count]),
          )
          expect(actual).toEqual(expected)
          expect(result.value.total).toBe(records.reduce((s, r) => s + (r.count ?? 1), 0))
        },
      ),
      { numRuns: 150 },
    )
  })

  it('gives filtered counts equal to the matching cells of the unfiltered breakdown', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 60 }),
        fc.constantFrom('f', 'm', 'x', 'unknown'),
        (records, sex) => {
          const all = aggregate(records, { dimensions: ['sex', 'post'] })
          const filtered = aggregate(records, { dimensions: ['post'], filters: { sex: [sex] } })
          if (!all.ok || !filtered.ok) throw new Error('aggregation failed')
          const fromAll = all.value.cells.filter((c) => c.key.sex === sex).map((c) => [c.key.post, c.count])
          expect(filtered.value.cells.map((c) => [c.key.post, c.count])).toEqual(fromAll)
        },
      ),
      { numRuns: 150 },
    )
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aggregate } from '../../domain/statistics/aggregate.ts'
import { daysInMonth } from '../../domain/statistics/calendar.ts'
import type { StatisticsRecord } from '../../domain/statistics/dimensions.ts'
import { tableDimensions } from '../../domain/statistics/published-slice.ts'
import { TOTAL } from '../../domain/statistics/suppress-aggregate.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { inRowSpan, type Output, outputOf, supportFrom, unpinned } from './differencing-attack.testing.ts'
import { publishTable, type StatisticsTable } from './query-statistics.ts'

/**
 * The attacker of issue 12 §3, played against the publication path every reader without microdata access
 * gets (`publishTable`, also behind the exports). A small world — four months × two posts × two sexes, each
 * record with its fixed key — is asked a random set of allowed queries: any whole-month range, any set of the
 * three dimensions, an optional single-value filter. Every published figure is an equation over the 16 base
 * cells. For every month × post cell and every base cell that Gaussian elimination over the rationals can
 * write as a combination of published figures, the attacker tries to pin it down: the test looks for another
 * world, one record more or less in that cell, that would have given every published figure it saw. If one
 * exists, no combination of the figures can tell the two worlds apart, so the true value is not recovered.
 *
 * What the publisher can output for a count is read from the publisher itself (every cell key, one count at
 * a time), so the attacker knows the method exactly (Kerckhoffs) without the test repeating it. Against
 * per-query suppression (the code before cell-key perturbation) exact figures of overlapping ranges pin the
 * withheld October down, and this test fails.
 */
const MONTHS = ['2025-09', '2025-10', '2025-11', '2025-12'] as const
const POSTS = ['LAND-CHAMYEAM', 'LAND-POIPET'] as const
const SEXES = ['F', 'M'] as const
const DIMENSIONS = ['period:month', 'post', 'sex'] as const
const THRESHOLD = 10

/** Base cell index: month × post × sex. */
const base = (m: number, p: number, s: number) => (m * POSTS.length + p) * SEXES.length + s
const BASES = MONTHS.length * POSTS.length * SEXES.length

interface Query {
  from: number
  to: number
  dimensions: string[]
  filter: { name: 'post' | 'sex'; value: string } | null
}

const query: fc.Arbitrary<Query> = fc
  .record({
    from: fc.integer({ min: 0, max: MONTHS.length - 1 }),
    span: fc.integer({ min: 0, max: MONTHS.length - 1 }),
    dimensions: fc.subarray([...DIMENSIONS]),
    filter: fc.option(
      fc.oneof(
        fc.constantFrom(...POSTS).map((value) => ({ name: 'post' as const, value })),
        fc.constantFrom(...SEXES).map((value) => ({ name: 'sex' as const, value })),
      ),
    ),
  })
  .map(({ from, span, dimensions, filter }) => ({
    from,
    to: Math.min(MONTHS.length - 1, from + span),
    dimensions: filter ? dimensions.filter((d) => d !== filter.name) : dimensions,
    filter,
  }))

/** The October attack of the issue, always among the queries: October, November, October–November by post. */
const CHAM_YEAM: Query[] = [
  { from: 1, to: 1, dimensions: ['post'], filter: null },
  { from: 2, to: 2, dimensions: ['post'], filter: null },
  { from: 1, to: 2, dimensions: ['post'], filter: null },
]

const world = fc.record({
  // Small counts are the interesting ones: October at Cham Yeam is always small.
  counts: fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 4, max: 30 })), {
    minLength: BASES,
    maxLength: BASES,
  }),
  keys: fc.array(fc.integer({ min: 0, max: 4095 }), { minLength: 400, maxLength: 400 }),
  queries: fc.array(query, { minLength: 4, maxLength: 24 }),
})

function recordsOf(counts: readonly number[], keys: readonly number[]): StatisticsRecord[] {
  const records: StatisticsRecord[] = []
  MONTHS.forEach((month, m) => {
    POSTS.forEach((post, p) => {
      SEXES.forEach((sex, s) => {
        for (let i = 0; i < (counts[base(m, p, s)] ?? 0); i++)
          records.push({ date: `${month}-15`, post, sex, recordKey: keys[records.length % keys.length] ?? 0 })
      })
    })
  })
  return records
}

/** One query through the real publication path; null when it is refused. */
function publish(records: readonly StatisticsRecord[], q: Query) {
  const months = MONTHS.slice(q.from, q.to + 1)
  const last = months[months.length - 1] ?? '2025-12'
  const from = `${months[0]}-01`
  const to = `${last}-${daysInMonth(Number(last.slice(0, 4)), Number(last.slice(5, 7)))}`
  const names = tableDimensions(q.dimensions, q.filter ? [q.filter.name] : [])
  const counted = aggregate(
    records.filter((r) => (r.date ?? '') >= from && (r.date ?? '') <= to),
    { dimensions: names },
  )
  if (!counted.ok) throw new Error(counted.error.code)
  const domains: Record<string, string[]> = { 'period:month': [...months], post: [...POSTS], sex: [...SEXES] }
  const table: StatisticsTable = {
    measure: 'travellers',
    dimensions: q.dimensions,
    from,
    to,
    result: counted.value,
    slice: q.filter ? { [q.filter.name]: q.filter.value } : {},
    refuseSmallSlice: q.filter !== null,
    domains: Object.fromEntries(names.map((n) => [n, domains[n] ?? []])),
    access: { threshold: THRESHOLD, postCode: null },
  }
  try {
    return { months, cells: publishTable(table) }
  } catch (e) {
    if (e instanceof AppError) return null
    throw e
  }
}

/** The base cells a published cell counts. */
function vectorOf(key: Readonly<Record<string, string>>, months: readonly string[], q: Query): number[] {
  const row = new Array<number>(BASES).fill(0)
  const pick = (name: string, value: string) => {
    if (q.filter?.name === name) return value === q.filter.value
    const k = key[name]
    return k === undefined || k === TOTAL || k === value
  }
  MONTHS.forEach((month, m) => {
    if (!months.includes(month) || !pick('period:month', month)) return
    POSTS.forEach((post, p) => {
      if (!pick('post', post)) return
      SEXES.forEach((sex, s) => {
        if (pick('sex', sex)) row[base(m, p, s)] = 1
      })
    })
  })
  return row
}

/** What the publisher outputs for one cell of `count` records whose keys sum to `keySum`. */
function publishOne(count: number, keySum: number): Output {
  const [cell] = publishTable({
    measure: 'travellers',
    dimensions: [],
    from: '2025-01-01',
    to: '2025-01-31',
    result: { dimensions: [], cells: count ? [{ key: {}, count, keySum }] : [], total: count },
    slice: {},
    refuseSmallSlice: false,
    domains: {},
    access: { threshold: THRESHOLD, postCode: null },
  })
  return outputOf(cell?.value ?? null)
}

describe('differencing across published queries (cell-key perturbation)', () => {
  const support = supportFrom(publishOne)

  it('never lets random sets of allowed queries pin down a month × post or base cell', () => {
    fc.assert(
      fc.property(world, ({ counts, keys, queries }) => {
        const records = recordsOf(counts, keys)
        const equations: { row: number[]; output: Output }[] = []
        for (const q of [...CHAM_YEAM, ...queries]) {
          const answer = publish(records, q)
          if (!answer) continue
          for (const cell of answer.cells)
            equations.push({ row: vectorOf(cell.key, answer.months, q), output: outputOf(cell.value) })
        }
        const targets: number[][] = []
        MONTHS.forEach((_, m) => {
          POSTS.forEach((_, p) => {
            targets.push(SEXES.map((_, s) => base(m, p, s)))
            SEXES.forEach((_, s) => {
              targets.push([base(m, p, s)])
            })
          })
        })
        const published = equations.filter((e) => e.output !== 'withheld')
        for (const target of targets) {
          const row = new Array<number>(BASES).fill(0)
          for (const b of target) row[b] = 1
          // Only what a linear combination of published figures reaches is attacked.
          if (
            !inRowSpan(
              published.map((e) => e.row),
              row,
            )
          )
            continue
          const alternative = unpinned({ counts, equations, target, support })
          expect(alternative, `cell ${JSON.stringify(target)} of ${JSON.stringify(counts)}`).not.toBeNull()
        }
      }),
      { seed: 12_03, numRuns: 60 },
    )
    // About 15 s alone; the limit leaves room for a loaded two-core CI machine.
  }, 240_000)
})

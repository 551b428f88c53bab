import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../platform/db/database.ts'
import { engines, openTestStore } from '../../test/test-db.ts'
import { foldDeltas } from './fold-deltas.ts'
import { bruteForce, expectCuboids } from './rollup-check.testing.ts'
import { type CrossingFact, insertCrossings, POSTS, REASONS } from './statistics.testing.ts'

const day = fc
  .tuple(
    fc.integer({ min: 2024, max: 2025 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
// Partial birth dates, births after the crossing and ages past the cap all occur in real records.
const birthDate = fc.option(
  fc.oneof(
    day.map((d) => `${Number(d.slice(0, 4)) - 30}${d.slice(4)}`),
    fc.integer({ min: 1900, max: 2026 }).map(String),
    fc.integer({ min: 1990, max: 2025 }).map((y) => `${y}-02`),
    fc.constant('2000-02-29'),
  ),
)
const fact: fc.Arbitrary<CrossingFact> = fc.record({
  day,
  post: fc.constantFrom(...POSTS),
  direction: fc.constantFrom('entry' as const, 'exit' as const),
  decision: fc.constantFrom('admit' as const, 'refuse' as const, 'refer_secondary' as const),
  refusalReason: fc.constantFrom(...REASONS),
  purpose: fc.option(fc.constantFrom('tourism', 'business')),
  sex: fc.option(fc.constantFrom('M' as const, 'F' as const, 'X' as const)),
  birthDate,
  nationality: fc.option(fc.constantFrom('THA', 'VNM', 'KHM')),
})

type Op =
  | { kind: 'insert'; facts: CrossingFact[] }
  | { kind: 'move'; pick: number[]; post: string; day: string }
  | { kind: 'refuse'; pick: number[] }
  | { kind: 'delete'; pick: number[] }
  | { kind: 'traveller'; pick: number[]; sex: 'M' | 'F' | null; birthDate: string | null }
  | { kind: 'fold'; batch: number; maxBatches: number }

const pick = fc.array(fc.nat(), { minLength: 1, maxLength: 5 })
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), facts: fc.array(fact, { minLength: 1, maxLength: 15 }) }),
  fc.record({ kind: fc.constant('move' as const), pick, post: fc.constantFrom(...POSTS), day }),
  fc.record({ kind: fc.constant('refuse' as const), pick }),
  fc.record({ kind: fc.constant('delete' as const), pick }),
  fc.record({
    kind: fc.constant('traveller' as const),
    pick,
    sex: fc.option(fc.constantFrom('M' as const, 'F' as const)),
    birthDate,
  }),
  // A partial fold (small batches, stopped early) leaves some deltas queued, as a busy folder would.
  fc.record({
    kind: fc.constant('fold' as const),
    batch: fc.integer({ min: 1, max: 8 }),
    maxBatches: fc.integer({ min: 1, max: 3 }),
  }),
)

async function apply(store: Store, o: Op): Promise<void> {
  if (o.kind === 'fold') {
    await foldDeltas({ db: store.db, batch: o.batch, maxBatches: o.maxBatches })
    return
  }
  const ids = await store.db.selectFrom('crossings').select(['id', 'traveller_id']).orderBy('id').execute()
  const chosen = o.kind === 'insert' ? [] : [...new Set(o.pick.map((i) => ids[i % Math.max(1, ids.length)]))]
  const some = chosen.filter((c) => c !== undefined)
  if (o.kind === 'insert') await insertCrossings(store.db, o.facts)
  if (some.length === 0) return
  const crossingIds = some.map((c) => c.id)
  if (o.kind === 'move')
    await store.db
      .updateTable('crossings')
      .set({ post_code: o.post, crossed_on: o.day })
      .where('id', 'in', crossingIds)
      .execute()
  if (o.kind === 'refuse')
    await store.db
      .updateTable('crossings')
      .set({ decision: 'refuse', refusal_reason: 'entry_ban' })
      .where('id', 'in', crossingIds)
      .execute()
  if (o.kind === 'delete') await store.db.deleteFrom('crossings').where('id', 'in', crossingIds).execute()
  if (o.kind === 'traveller')
    await store.db
      .updateTable('travellers')
      .set({ sex: o.sex, birth_date: o.birthDate })
      .where(
        'id',
        'in',
        some.map((c) => c.traveller_id),
      )
      .execute()
}

describe.each(engines())('crossing rollups on %s', (engine) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore(engine)
  })
  afterAll(() => store.close())

  it('equal a brute-force count and key sum of the raw crossings after any inserts, updates, deletes and partial folds, and once fully folded', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        for (const o of ops) await apply(store, o)
        const fine = await bruteForce(store)
        // What readers see (cuboids plus pending deltas) is exact at every step, folded or not…
        await expectCuboids(store, fine, '_now')
        // …and once the queue is folded, the cuboids alone hold the same counts and key sums.
        const { drained } = await foldDeltas({ db: store.db })
        expect(drained).toBe(true)
        const { rows } = await sql<{
          n: number
        }>`SELECT count(*)::int AS n FROM stat_crossing_deltas`.execute(store.db)
        expect(rows[0]?.n).toBe(0)
        await expectCuboids(store, fine, '')
      }),
      { numRuns: 25 },
    )
    // Each run compares five cuboids twice (with the queue, then folded) on a machine that may be shared.
  }, 120_000)
})

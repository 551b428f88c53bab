import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ageOn } from '../../domain/statistics/calendar.ts'
import type { Store } from '../../platform/db/database.ts'
import { engines, openTestStore } from '../../test/test-db.ts'
import { foldDeltas } from './fold-deltas.ts'
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

function fullDate(b: string): string {
  return b.length === 4 ? `${b}-01-01` : b.length === 7 ? `${b}-01` : b
}

/** A cell's count and the sum of its records' keys (cell-key perturbation, migration 0014), as one string. */
type Cells = Map<string, string>
const cell = (n: number, k: number) => `${n} records, key sum ${k}`
const parse = (v: string) => v.match(/-?\d+/g)?.map(Number) ?? [0, 0]

/**
 * The fine rollup computed from the raw rows, with the age worked out by the domain's calendar; each record's
 * key is read one by one from the database's key function, so the rollups' key sums are checked against it.
 */
async function bruteForce(store: Store): Promise<Cells> {
  const rows = await store.db
    .selectFrom('crossings as c')
    .innerJoin('travellers as t', 't.id', 'c.traveller_id')
    .innerJoin('travel_documents as d', 'd.id', 'c.document_id')
    .select(['c.crossed_on', 'c.post_code', 'c.direction', 'c.decision', 'c.refusal_reason', 'c.purpose'])
    .select(['t.nationality', 't.sex', 't.birth_date', 'd.document_code'])
    .select(sql<number>`stat_record_key(c.id::text)`.as('record_key'))
    .execute()
  const counts = new Map<string, [number, number]>()
  for (const r of rows) {
    const age = r.birth_date ? Math.max(-1, Math.min(100, ageOn(fullDate(r.birth_date), r.crossed_on))) : -1
    const key = [
      r.crossed_on,
      r.post_code,
      r.direction,
      r.decision,
      r.refusal_reason ?? '',
      r.nationality ?? '',
      r.sex ?? '',
      age,
      r.document_code,
      r.purpose ?? '',
    ].join('|')
    const [n, k] = counts.get(key) ?? [0, 0]
    counts.set(key, [n + 1, k + Number(r.record_key)])
  }
  return new Map([...counts].map(([key, [n, k]]) => [key, cell(n, k)]))
}

async function rollup(store: Store, suffix: string, table: string, columns: string): Promise<Cells> {
  const { rows } = await sql<{ key: string; n: number; k: number }>`
    SELECT concat_ws('|', ${sql.raw(columns)}) AS key, sum(count)::bigint AS n, sum(key_sum)::bigint AS k
    FROM ${sql.table(table + suffix)} GROUP BY 1 HAVING sum(count) <> 0 OR sum(key_sum) <> 0`.execute(
    store.db,
  )
  return new Map(rows.map((r) => [r.key, cell(Number(r.n), Number(r.k))]))
}

/** The same counts and key sums summed to a coarser key: what a smaller cuboid must hold. */
function coarsen(fine: Cells, parts: (p: string[]) => string[]): Cells {
  const out = new Map<string, [number, number]>()
  for (const [key, value] of fine) {
    const k = parts(key.split('|')).join('|')
    const [n, keys] = parse(value)
    const [n0, k0] = out.get(k) ?? [0, 0]
    out.set(k, [n0 + (n ?? 0), k0 + (keys ?? 0)])
  }
  return new Map([...out].map(([key, [n, k]]) => [key, cell(n, k)]))
}

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

  async function expectCuboids(fine: Cells, suffix: '' | '_now'): Promise<void> {
    const all =
      'day, post_code, direction, decision, refusal_reason, nationality, sex, age, document_type, purpose'
    expect(await rollup(store, suffix, 'stat_crossings', all)).toEqual(fine)
    expect(
      await rollup(
        store,
        suffix,
        'stat_crossings_post',
        'day, post_code, direction, decision, refusal_reason',
      ),
    ).toEqual(coarsen(fine, (p) => p.slice(0, 5)))
    expect(
      await rollup(
        store,
        suffix,
        'stat_crossings_post_month',
        'month, post_code, direction, decision, refusal_reason',
      ),
    ).toEqual(coarsen(fine, (p) => [`${p[0]?.slice(0, 7)}-01`, ...p.slice(1, 5)]))
    const postPerson = 'post_code, month, decision, nationality, sex, age'
    expect(await rollup(store, suffix, 'stat_crossings_post_person', postPerson)).toEqual(
      coarsen(fine, (p) => [
        p[1] ?? '',
        `${p[0]?.slice(0, 7)}-01`,
        p[3] ?? '',
        p[5] ?? '',
        p[6] ?? '',
        p[7] ?? '',
      ]),
    )
    expect(
      await rollup(
        store,
        suffix,
        'stat_crossings_person',
        'month, direction, decision, nationality, sex, age',
      ),
    ).toEqual(
      coarsen(fine, (p) => [
        `${p[0]?.slice(0, 7)}-01`,
        p[2] ?? '',
        p[3] ?? '',
        p[5] ?? '',
        p[6] ?? '',
        p[7] ?? '',
      ]),
    )
  }

  it('equal a brute-force count and key sum of the raw crossings after any inserts, updates, deletes and partial folds, and once fully folded', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        for (const o of ops) await apply(store, o)
        const fine = await bruteForce(store)
        // What readers see (cuboids plus pending deltas) is exact at every step, folded or not…
        await expectCuboids(fine, '_now')
        // …and once the queue is folded, the cuboids alone hold the same counts and key sums.
        const { drained } = await foldDeltas({ db: store.db })
        expect(drained).toBe(true)
        const { rows } = await sql<{
          n: number
        }>`SELECT count(*)::int AS n FROM stat_crossing_deltas`.execute(store.db)
        expect(rows[0]?.n).toBe(0)
        await expectCuboids(fine, '')
      }),
      { numRuns: 25 },
    )
    // Each run compares five cuboids twice (with the queue, then folded) on a machine that may be shared.
  }, 120_000)
})

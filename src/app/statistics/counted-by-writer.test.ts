import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Executor, Store } from '../../platform/db/database.ts'
import { engines, openTestStore } from '../../test/test-db.ts'
import { COUNTED_BY_WRITER, FOLD_WRITTEN_CROSSINGS, foldDeltas } from './fold-deltas.ts'
import { bruteForce, expectCuboids } from './rollup-check.testing.ts'
import { type CrossingFact, insertCrossings } from './statistics.testing.ts'

const fact = (day: string, birthDate: string | null): CrossingFact => ({
  day,
  post: 'LAND-POIPET',
  direction: 'entry',
  decision: 'admit',
  refusalReason: null,
  purpose: 'tourism',
  sex: 'F',
  birthDate,
  nationality: 'THA',
})

async function queued(db: Executor): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM stat_crossing_deltas`.execute(db)
  return Number(rows[0]?.n)
}

/**
 * The bulk writer's switch (migration 0024): a transaction that says it counts its own crossings queues no deltas,
 * counts exactly the rows it wrote (none of anyone else's) into the cuboids, and the switch ends with it.
 */
describe.each(engines())('a writer counting its own crossings on %s', (engine) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore(engine)
  })
  afterAll(() => store.close())

  it('queues nothing, counts only its own rows before commit, and leaves the trigger on for the next transaction', async () => {
    // Someone else's crossings, still queued when the bulk writer starts: it must not count them a second time.
    await insertCrossings(store.db, [fact('2025-03-01', '1990-05-06'), fact('2025-03-02', null)])
    const pending = await queued(store.db)
    expect(pending).toBeGreaterThan(0)
    const counted = await store.db.transaction().execute(async (trx) => {
      await sql.raw(COUNTED_BY_WRITER).execute(trx)
      await insertCrossings(trx, [fact('2025-03-01', '1990-05-06'), fact('2025-04-09', '1990-02')])
      await insertCrossings(trx, [fact('2025-04-09', '2001')])
      expect(await queued(trx)).toBe(pending)
      const { rows } = await sql<{ counted: number }>`${sql.raw(FOLD_WRITTEN_CROSSINGS)}`.execute(trx)
      return Number(rows[0]?.counted)
    })
    expect(counted).toBe(3)
    // What readers see is exact: the cuboids hold the writer's rows, the queue the others'.
    const fine = await bruteForce(store)
    await expectCuboids(store, fine, '_now')
    // The setting was local to that transaction: the next insert, on the same connection, is queued again.
    await insertCrossings(store.db, [fact('2025-05-01', null)])
    expect(await queued(store.db)).toBeGreaterThan(pending)
    await foldDeltas({ db: store.db })
    await expectCuboids(store, await bruteForce(store), '')
  })

  it('counts nothing when the transaction rolls back', async () => {
    const before = await bruteForce(store)
    await expect(
      store.db.transaction().execute(async (trx) => {
        await sql.raw(COUNTED_BY_WRITER).execute(trx)
        await insertCrossings(trx, [fact('2025-06-01', '1980-01-01')])
        await sql.raw(FOLD_WRITTEN_CROSSINGS).execute(trx)
        throw new Error('abandoned')
      }),
    ).rejects.toThrow('abandoned')
    await foldDeltas({ db: store.db })
    expect(await bruteForce(store)).toEqual(before)
    await expectCuboids(store, before, '')
  })
})

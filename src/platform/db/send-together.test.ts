import { sql, type Transaction } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines, openTestStore } from '../../test/test-db.ts'
import type { Store, Tx } from './database.ts'
import { deferWrite } from './deferred-writes.ts'
import { sendWithNext, together } from './send-together.ts'
import { outsideAnyTransaction, tripsOf } from './trips.testing.ts'

/**
 * Several statements in one round trip (issue 13): each case checks the trips, the answers, and that the statements
 * ran in the order given inside the transaction, as they would have one at a time.
 */
interface Tables {
  together_probe: { id: number; note: string }
}
const probe = (trx: unknown) => trx as Transaction<Tables>
const table = (name: keyof Tables) => name as never

describe.each(engines())('statements sent together on %s', (engine) => {
  let store: Store

  beforeAll(async () => {
    store = await openTestStore(engine)
    await sql`CREATE TABLE together_probe (id int PRIMARY KEY, note text NOT NULL)`.execute(store.db)
  })
  afterAll(() => store.close())

  const ids = async () =>
    (await sql<{ id: number }>`SELECT id FROM together_probe ORDER BY id`.execute(store.db)).rows.map(
      (r) => r.id,
    )

  it('sends statements in one trip with BEGIN, runs them in order, and answers each its own rows', async () => {
    for (let round = 1; round <= 3; round++) {
      // Three rounds: unnamed, then named and parsed, then named and already parsed (statement cache).
      const run = await tripsOf(store, () =>
        store.db.transaction().execute((trx) =>
          together(trx, [
            sql<{ n: number }>`SELECT count(*)::int AS n FROM together_probe`,
            probe(trx)
              .insertInto('together_probe')
              .values({ id: round, note: `round ${round}` }),
            probe(trx).selectFrom('together_probe').select(['id', 'note']).where('id', '=', round),
          ]),
        ),
      )
      expect(run.error).toBeNull()
      const [counts, inserted, read] = run.value!
      expect(counts).toEqual([{ n: round - 1 }])
      expect(inserted).toEqual([])
      // The third statement saw the second's row: they ran in order.
      expect(read).toEqual([{ id: round, note: `round ${round}` }])
      // begin, three statements, commit: the statements in one trip with BEGIN, then COMMIT.
      expect(run).toMatchObject({ statements: 5, trips: 2 })
    }
  })

  it('a failure in the middle fails the transaction: the statement before it is rolled back, the one after never runs', async () => {
    const before = await ids()
    await store.db.connection().execute(async (conn) => {
      // One connection throughout, so the frames below meet the names the earlier ones parsed (or did not).
      for (let round = 0; round < 3; round++) {
        const run = await tripsOf(store, () =>
          conn.transaction().execute((trx) =>
            together(trx as Tx, [
              probe(trx)
                .insertInto('together_probe')
                .values({ id: 100 + round, note: 'rolled back' }),
              sql`SELECT * FROM together_missing`,
              sql<{ n: number }>`SELECT 7 AS n, ${'never parsed before'}::text AS why`,
            ]),
          ),
        )
        expect(run.error?.code).toBe('42P01')
      }
      // The third statement was named by now but never parsed on this connection (the error skipped its Parse):
      // it is parsed again, not "prepared statement does not exist".
      const after = await tripsOf(store, () =>
        conn
          .transaction()
          .execute((trx) =>
            together(trx as Tx, [
              sql`SELECT 1`,
              sql<{ n: number }>`SELECT 7 AS n, ${'never parsed before'}::text AS why`,
            ]),
          ),
      )
      expect(after.error).toBeNull()
      expect(after.value![1]).toEqual([{ n: 7, why: 'never parsed before' }])
    })
    expect(await ids()).toEqual(before)
    expect(await outsideAnyTransaction(store)).toBe(true)
  })

  it('holds a statement for the next one: both in one trip, in order; alone, it goes when its rows are asked for', async () => {
    const run = await tripsOf(store, () =>
      store.db.transaction().execute(async (trx) => {
        const held = await sendWithNext(
          trx,
          sql<{ n: number }>`SELECT count(*)::int AS n FROM together_probe WHERE id = 50`,
        )
        await probe(trx)
          .insertInto('together_probe')
          .values({ id: 50, note: 'after the held read' })
          .execute()
        return held.rows()
      }),
    )
    // The held read ran first: it did not see the insert that followed it.
    expect(run.value).toEqual([{ n: 0 }])
    expect(run).toMatchObject({ statements: 4, trips: 2 })

    const alone = await tripsOf(store, () =>
      store.db.transaction().execute(async (trx) => {
        const held = await sendWithNext(trx, sql<{ n: number }>`SELECT 42 AS n`)
        return held.rows()
      }),
    )
    expect(alone.value).toEqual([{ n: 42 }])
    expect(alone).toMatchObject({ statements: 3, trips: 2 })
  })

  it('sends pending deferred writes before a statement that reads them, and goes before the commit if never asked for', async () => {
    let seen: { n: number }[] = []
    const run = await tripsOf(store, () =>
      store.db.transaction().execute(async (trx) => {
        await deferWrite(trx, table('together_probe'), () =>
          probe(trx).insertInto('together_probe').values({ id: 60, note: 'deferred' }),
        )
        const held = await sendWithNext(
          trx,
          sql<{ n: number }>`SELECT count(*)::int AS n FROM together_probe WHERE id = 60`,
        )
        seen = await held.rows()
        // Never asked for: it goes out before the commit, and a failure of it fails the transaction.
        await sendWithNext(trx, sql`SELECT * FROM together_probe WHERE id = 60`)
      }),
    )
    expect(run.error).toBeNull()
    expect(seen).toEqual([{ n: 1 }])
    const failing = await tripsOf(store, () =>
      store.db.transaction().execute(async (trx) => {
        await probe(trx).insertInto('together_probe').values({ id: 61, note: 'rolled back' }).execute()
        await sendWithNext(trx, sql`SELECT * FROM together_missing`)
      }),
    )
    expect(failing.error?.code).toBe('42P01')
    expect(await ids()).not.toContain(61)
    expect(await outsideAnyTransaction(store)).toBe(true)
  })

  it('refuses, unsent, what follows a held statement whose answer says stop, the commit included, until the rollback', async () => {
    const stopping = (stop: boolean) =>
      tripsOf(store, () =>
        store.db.transaction().execute(async (trx) => {
          const held = await sendWithNext(trx, sql<{ n: number }>`SELECT 70 AS n`, () => stop)
          await probe(trx).insertInto('together_probe').values({ id: 70, note: 'beside the held' }).execute()
          // Held behind the answer that stops: dropped with the rest.
          const waiting = await sendWithNext(trx, sql`SELECT 71 AS n`)
          await probe(trx).insertInto('together_probe').values({ id: 72, note: 'after the stop' }).execute()
          return [await held.rows(), await waiting.rows()]
        }),
      )
    const stopped = await stopping(true)
    expect(stopped.error).toBeInstanceOf(Error)
    expect(String(stopped.error)).toMatch(/not sent/)
    // BEGIN with the held read and the first insert; the rollback. Nothing after the answer went out.
    expect(stopped.trips).toBe(2)
    expect(await ids()).not.toContain(70)
    expect(await ids()).not.toContain(72)
    expect(await outsideAnyTransaction(store)).toBe(true)
    // With nothing more to send, the commit itself is refused: what went out before the answer is rolled back.
    const committing = await tripsOf(store, () =>
      store.db.transaction().execute(async (trx) => {
        await sendWithNext(trx, sql`SELECT 73 AS n`, () => true)
        await probe(trx).insertInto('together_probe').values({ id: 73, note: 'before the commit' }).execute()
      }),
    )
    expect(String(committing.error)).toMatch(/not sent/)
    expect(await ids()).not.toContain(73)
    expect(await outsideAnyTransaction(store)).toBe(true)
    // Not stopping, the same transaction sends everything and commits.
    const went = await stopping(false)
    expect(went.error).toBeNull()
    expect(went.value).toEqual([[{ n: 70 }], [{ n: 71 }]])
    expect(await ids()).toEqual(expect.arrayContaining([70, 72]))
  })
})

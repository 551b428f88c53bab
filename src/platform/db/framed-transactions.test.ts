import { sql, type Transaction } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines, openTestStore } from '../../test/test-db.ts'
import type { Store } from './database.ts'
import { deferWrite } from './deferred-writes.ts'
import { outsideAnyTransaction, tripsOf } from './trips.testing.ts'

/**
 * Framed transactions (issue 13): `begin` travels with a transaction's first statement and `commit` with its
 * deferred writes, so a transaction of n statements makes n − 2 round trips. Each case checks the trips, and that
 * the transaction is exactly what it was when `begin` and `commit` went alone: a first statement really inside it,
 * a failure anywhere rolling back everything, and the connection outside any transaction afterwards.
 */
interface Tables {
  frame_probe: { id: number; note: string }
  frame_later: { id: number; ref: number }
}
const probe = (trx: unknown) => trx as Transaction<Tables>
// The store's schema does not know these tables: the name is checked against the write at run time instead.
const table = (name: keyof Tables) => name as never

describe.each(engines())('framed transactions on %s', (engine) => {
  let store: Store

  beforeAll(async () => {
    store = await openTestStore(engine)
    await sql`CREATE TABLE frame_probe (id int PRIMARY KEY, note text NOT NULL CHECK (note <> 'refused'))`.execute(
      store.db,
    )
    // A foreign key checked only at COMMIT: the one way for a COMMIT itself to fail.
    await sql`CREATE TABLE frame_later (id int PRIMARY KEY,
      ref int NOT NULL REFERENCES frame_later(id) DEFERRABLE INITIALLY DEFERRED)`.execute(store.db)
  })
  afterAll(() => store.close())

  const ids = async () =>
    (await sql<{ id: number }>`SELECT id FROM frame_probe ORDER BY id`.execute(store.db)).rows.map(
      (r) => r.id,
    )
  const insert = (trx: Transaction<Tables>, id: number, note = 'kept') =>
    trx.insertInto('frame_probe').values({ id, note })

  it('sends begin with the first statement and commit with the deferred writes; an empty transaction sends nothing', async () => {
    const busy = await tripsOf(store, () =>
      store.db.transaction().execute(async (trx) => {
        await sql`SELECT count(*) FROM frame_probe`.execute(trx)
        await deferWrite(trx, table('frame_probe'), () => insert(probe(trx), 1))
      }),
    )
    expect(busy).toMatchObject({ error: null, statements: 4, trips: 2 })
    expect(await ids()).toEqual([1])

    const empty = await tripsOf(store, () => store.db.transaction().execute(async () => {}))
    expect(empty).toMatchObject({ error: null, statements: 2, trips: 0 })
    const abandoned = await tripsOf(store, () =>
      store.db.transaction().execute(async () => {
        throw new Error('changed my mind')
      }),
    )
    expect(abandoned).toMatchObject({ statements: 2, trips: 0 })
    expect(await outsideAnyTransaction(store)).toBe(true)
  })

  it('runs the first statement inside the transaction: a failure after it rolls it back', async () => {
    const run = await tripsOf(store, () =>
      store.db.transaction().execute(async (trx) => {
        await insert(probe(trx), 2).execute()
        throw new Error('refused after the first statement')
      }),
    )
    expect(run.error).toBeInstanceOf(Error)
    expect(await ids()).toEqual([1])
    expect(await outsideAnyTransaction(store)).toBe(true)
  })

  it('a first statement that fails leaves nothing, and the connection outside any transaction', async () => {
    const run = await tripsOf(store, () =>
      store.db.transaction().execute(async (trx) => {
        await insert(probe(trx), 3, 'refused').execute()
      }),
    )
    expect(run.error?.code).toBe('23514')
    expect(await ids()).toEqual([1])
    expect(await outsideAnyTransaction(store)).toBe(true)
  })

  it('deferred writes that fail with the commit roll back the statements before them', async () => {
    const run = await tripsOf(store, () =>
      store.db.transaction().execute(async (trx) => {
        await insert(probe(trx), 4).execute()
        await deferWrite(trx, table('frame_probe'), () => insert(probe(trx), 5, 'refused'))
      }),
    )
    expect(run.error?.code).toBe('23514')
    expect(await ids()).toEqual([1])
    expect(await outsideAnyTransaction(store)).toBe(true)
  })

  it('a COMMIT that fails is the answer of the statement it travelled with, and nothing of the transaction stays', async () => {
    const run = await tripsOf(store, () =>
      store.db.transaction().execute(async (trx) => {
        await insert(probe(trx), 6).execute()
        await deferWrite(trx, table('frame_later'), () =>
          probe(trx).insertInto('frame_later').values({ id: 1, ref: 99 }),
        )
      }),
    )
    expect(run.error?.code).toBe('23503')
    expect(await ids()).toEqual([1])
    expect((await sql`SELECT * FROM frame_later`.execute(store.db)).rows).toEqual([])
    expect(await outsideAnyTransaction(store)).toBe(true)
    // The connection serves the next transaction as if nothing happened.
    await store.db.transaction().execute(async (trx) => {
      await deferWrite(trx, table('frame_later'), () =>
        probe(trx).insertInto('frame_later').values({ id: 1, ref: 1 }),
      )
    })
    expect((await sql`SELECT id FROM frame_later`.execute(store.db)).rows).toEqual([{ id: 1 }])
  })

  it('parses again a named statement whose first parse failed inside a frame (not "prepared statement does not exist")', async () => {
    // The statement cache names a text the second time it sees it; the frame's BEGIN answers ParseComplete first.
    for (let i = 0; i < 3; i++) {
      const run = await tripsOf(store, () =>
        store.db.transaction().execute(async (trx) => {
          await sql`SELECT * FROM frame_missing`.execute(trx)
        }),
      )
      expect(run.error?.code).toBe('42P01')
    }
    expect(await outsideAnyTransaction(store)).toBe(true)
  })
})

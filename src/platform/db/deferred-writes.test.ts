import { sql, type Transaction } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines, openTestStore } from '../../test/test-db.ts'
import type { Store } from './database.ts'
import { deferWrite, hasDeferredWrites } from './deferred-writes.ts'

/**
 * Deferred writes (issue 13): a transaction's deferred INSERTs and UPDATEs leave in ONE statement just before its
 * commit, and behave as if each had been sent at once — all committed, or all rolled back with everything else.
 */
// A table of this test only: a key, a reference to another row of it, and a check to break on purpose.
interface Probe {
  id: number
  parent: number | null
  note: string
}
const probe = (trx: unknown) => trx as Transaction<{ probe: Probe }>

describe.each(engines())('deferred writes on %s', (engine) => {
  let store: Store

  beforeAll(async () => {
    store = await openTestStore(engine)
    await sql`CREATE TABLE probe (id int PRIMARY KEY, parent int REFERENCES probe(id),
      note text NOT NULL CHECK (note <> 'refused'))`.execute(store.db)
  })
  afterAll(() => store.close())

  const rows = async () =>
    (await sql<Probe>`SELECT id, parent, note FROM probe ORDER BY id`.execute(store.db)).rows

  it('sends every deferred write in one statement before the commit; a row and one referring to it both deferred', async () => {
    const before = store.statements.snapshot()
    let seenInside: Probe[] = []
    await store.db.transaction().execute(async (trx) => {
      const p = probe(trx)
      await deferWrite(trx, () => p.insertInto('probe').values({ id: 2, parent: 1, note: 'child' }))
      await deferWrite(trx, () => p.insertInto('probe').values({ id: 1, parent: null, note: 'parent' }))
      await deferWrite(trx, () => p.updateTable('probe').set({ note: 'x' }).where('id', '=', 99))
      expect(hasDeferredWrites(trx)).toBe(true)
      // Nothing is sent until the end: the transaction itself does not see them yet.
      seenInside = (await sql<Probe>`SELECT id, parent, note FROM probe`.execute(trx)).rows
    })
    const after = store.statements.snapshot()
    expect(seenInside).toEqual([])
    expect(await rows()).toEqual([
      { id: 1, parent: null, note: 'parent' },
      { id: 2, parent: 1, note: 'child' },
    ])
    // begin, the select, ONE statement for the three writes, commit.
    expect(after.statements - before.statements).toBe(4)
    expect(after.commits - before.commits).toBe(1)
  })

  it('rolls the whole transaction back when a deferred write fails, immediate writes included', async () => {
    await expect(
      store.db.transaction().execute(async (trx) => {
        const p = probe(trx)
        await p.insertInto('probe').values({ id: 10, parent: null, note: 'immediate' }).execute()
        await deferWrite(trx, () => p.insertInto('probe').values({ id: 11, parent: null, note: 'fine' }))
        await deferWrite(trx, () => p.insertInto('probe').values({ id: 12, parent: null, note: 'refused' }))
      }),
    ).rejects.toThrow(/check constraint/)
    await expect(
      store.db.transaction().execute(async (trx) => {
        const p = probe(trx)
        // A reference to a row nobody wrote fails at the end of the one statement, as it would have at once.
        await deferWrite(trx, () => p.insertInto('probe').values({ id: 13, parent: 404, note: 'orphan' }))
      }),
    ).rejects.toThrow(/foreign key/)
    expect((await rows()).map((r) => r.id)).toEqual([1, 2])
  })

  it('keeps the values as they were when deferred, and sends a write at once outside a store transaction', async () => {
    const values = { id: 20, parent: null, note: 'as deferred' }
    await store.db.transaction().execute(async (trx) => {
      const p = probe(trx)
      const v = { ...values }
      await deferWrite(trx, () => p.insertInto('probe').values(v))
    })
    // A connection's own transaction (not the store's `transaction().execute`) has no end hook: the write is sent now.
    await store.db.connection().execute(async (conn) => {
      await sql`BEGIN`.execute(conn)
      const trx = probe(conn)
      await deferWrite(trx as never, () =>
        trx.insertInto('probe').values({ id: 21, parent: 20, note: 'now' }),
      )
      const inside = (await sql<Probe>`SELECT id FROM probe WHERE id = 21`.execute(conn)).rows
      expect(inside).toHaveLength(1)
      await sql`COMMIT`.execute(conn)
    })
    expect((await rows()).map((r) => r.note)).toEqual(['parent', 'child', 'as deferred', 'now'])
  })
})

import { sql, type Transaction } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines, openTestStore } from '../../test/test-db.ts'
import type { Store } from './database.ts'
import { deferWrite, hasDeferredWrites, READ_THROUGH, REFERRED_BY } from './deferred-writes.ts'

/**
 * Deferred writes (issue 13): a transaction's deferred INSERTs and UPDATEs leave in ONE statement just before its
 * commit, and behave as if each had been sent at once — all committed, or all rolled back with everything else —
 * and a later statement of the same transaction that names a table with pending writes sends them first, so no
 * read ever misses a deferred row.
 */
// Tables of this test only: a child referring to a parent, a check to break on purpose, a counter to update.
interface Probe {
  id: number
  parent: number | null
  note: string
}
interface Tables {
  probe: Probe
  probe_parent: { id: number }
  probe_tally: { id: number; n: number }
}
const probe = (trx: unknown) => trx as Transaction<Tables>
// The store's schema does not know these tables: the name is checked against the write at run time instead.
const table = (name: keyof Tables) => name as never

/** The tables the application defers writes to (every `deferWrite` call in src/). */
const DEFERRED = [
  'audit_log',
  'idempotency_keys',
  'screening_requests',
  'screening_hits',
  'risk_evaluations',
  'crossings',
  'crossing_companions',
]

describe.each(engines())('deferred writes on %s', (engine) => {
  let store: Store

  beforeAll(async () => {
    store = await openTestStore(engine)
    await sql`CREATE TABLE probe_parent (id int PRIMARY KEY)`.execute(store.db)
    await sql`CREATE TABLE probe (id int PRIMARY KEY, parent int REFERENCES probe_parent(id),
      note text NOT NULL CHECK (note <> 'refused'))`.execute(store.db)
    await sql`CREATE TABLE probe_tally (id int PRIMARY KEY, n int NOT NULL)`.execute(store.db)
    await sql`INSERT INTO probe_parent VALUES (1), (2)`.execute(store.db)
    await sql`INSERT INTO probe_tally VALUES (1, 0)`.execute(store.db)
  })
  afterAll(() => store.close())

  const rows = async () =>
    (await sql<Probe>`SELECT id, parent, note FROM probe ORDER BY id`.execute(store.db)).rows
  const counted = async (fn: () => Promise<void>) => {
    const before = store.statements.snapshot()
    await fn()
    return store.statements.statements - before.statements
  }

  it('sends every deferred write in one statement before the commit; a row and one referring to it both deferred; a read of another table sends nothing', async () => {
    let pendingAfterRead = false
    const statements = await counted(() =>
      store.db.transaction().execute(async (trx) => {
        const p = probe(trx)
        await deferWrite(trx, table('probe'), () =>
          p.insertInto('probe').values({ id: 1, parent: 3, note: 'child' }),
        )
        await deferWrite(trx, table('probe_parent'), () => p.insertInto('probe_parent').values({ id: 3 }))
        await deferWrite(trx, table('probe_tally'), () =>
          p.updateTable('probe_tally').set({ n: 1 }).where('id', '=', 1),
        )
        // A statement naming none of the three tables leaves them pending.
        await sql`SELECT 1 FROM users LIMIT 1`.execute(trx)
        pendingAfterRead = hasDeferredWrites(trx)
      }),
    )
    expect(pendingAfterRead).toBe(true)
    expect(await rows()).toEqual([{ id: 1, parent: 3, note: 'child' }])
    // begin, the select, ONE statement for the three writes, commit.
    expect(statements).toBe(4)
  })

  it('sends the pending writes before a statement that reads their table, by builder or raw SQL, and before an immediate write to it', async () => {
    let seenByBuilder: Probe[] = []
    let seenByRaw: { n: number }[] = []
    const statements = await counted(() =>
      store.db.transaction().execute(async (trx) => {
        const p = probe(trx)
        await deferWrite(trx, table('probe'), () =>
          p.insertInto('probe').values({ id: 2, parent: 1, note: 'read back' }),
        )
        seenByBuilder = await p.selectFrom('probe').selectAll().where('id', '=', 2).execute()
        expect(hasDeferredWrites(trx)).toBe(false)
        await deferWrite(trx, table('probe_tally'), () =>
          p.updateTable('probe_tally').set({ n: 2 }).where('id', '=', 1),
        )
        seenByRaw = (await sql<{ n: number }>`SELECT n FROM probe_tally WHERE id = 1`.execute(trx)).rows
        await deferWrite(trx, table('probe'), () =>
          p.insertInto('probe').values({ id: 3, parent: 1, note: 'x' }),
        )
        // An immediate UPDATE of the row the deferred INSERT writes finds it.
        await p.updateTable('probe').set({ note: 'updated' }).where('id', '=', 3).execute()
      }),
    )
    expect(seenByBuilder).toEqual([{ id: 2, parent: 1, note: 'read back' }])
    expect(seenByRaw).toEqual([{ n: 2 }])
    expect((await rows()).find((r) => r.id === 3)?.note).toBe('updated')
    // begin, (write, read) × 2, write, update, commit.
    expect(statements).toBe(8)
  })

  it('sends a pending parent before an immediate write whose foreign key points at it, not before a read', async () => {
    REFERRED_BY.probe_parent = ['probe']
    try {
      let pendingAfterRead = false
      const statements = await counted(() =>
        store.db.transaction().execute(async (trx) => {
          const p = probe(trx)
          await deferWrite(trx, table('probe_parent'), () => p.insertInto('probe_parent').values({ id: 9 }))
          // Reading the referring table needs nothing: no row of it can point at a parent still pending.
          await p.selectFrom('probe').select('id').where('parent', '=', 9).execute()
          pendingAfterRead = hasDeferredWrites(trx)
          await p.insertInto('probe').values({ id: 9, parent: 9, note: 'builder' }).execute()
          await deferWrite(trx, table('probe_parent'), () => p.insertInto('probe_parent').values({ id: 10 }))
          await sql`INSERT INTO probe (id, parent, note) VALUES (10, 10, 'raw')`.execute(trx)
        }),
      )
      expect(pendingAfterRead).toBe(true)
      expect((await rows()).filter((r) => r.id >= 9 && r.id <= 10)).toEqual([
        { id: 9, parent: 9, note: 'builder' },
        { id: 10, parent: 10, note: 'raw' },
      ])
      // begin, the read, (parent, child) × 2, commit.
      expect(statements).toBe(7)
    } finally {
      delete REFERRED_BY.probe_parent
      await sql`DELETE FROM probe WHERE id IN (9, 10)`.execute(store.db)
      await sql`DELETE FROM probe_parent WHERE id IN (9, 10)`.execute(store.db)
    }
  })

  it('sends a pending write to a table before another deferred write to the same table, which would not see it', async () => {
    await store.db.transaction().execute(async (trx) => {
      const p = probe(trx)
      await deferWrite(trx, table('probe'), () =>
        p.insertInto('probe').values({ id: 4, parent: 1, note: 'first' }),
      )
      await deferWrite(trx, table('probe'), () =>
        p.updateTable('probe').set({ note: 'second' }).where('id', '=', 4),
      )
    })
    expect((await rows()).find((r) => r.id === 4)?.note).toBe('second')
  })

  it('drops pending writes on rollback: the next transaction on the connection neither sends nor sees them', async () => {
    await expect(
      store.db.transaction().execute(async (trx) => {
        const p = probe(trx)
        await deferWrite(trx, table('probe'), () =>
          p.insertInto('probe').values({ id: 5, parent: 1, note: 'gone' }),
        )
        throw new Error('changed my mind')
      }),
    ).rejects.toThrow('changed my mind')
    const seen = await store.db.transaction().execute(async (trx) => {
      const p = probe(trx)
      return p.selectFrom('probe').select('id').where('id', '=', 5).execute()
    })
    expect(seen).toEqual([])
    expect((await rows()).map((r) => r.id)).toEqual([1, 2, 3, 4])
  })

  it('rolls the whole transaction back when a deferred write fails, immediate writes included', async () => {
    await expect(
      store.db.transaction().execute(async (trx) => {
        const p = probe(trx)
        await p.insertInto('probe').values({ id: 10, parent: null, note: 'immediate' }).execute()
        await deferWrite(trx, table('probe_tally'), () =>
          p.updateTable('probe_tally').set({ n: 9 }).where('id', '=', 1),
        )
        await deferWrite(trx, table('probe_parent'), () => p.insertInto('probe_parent').values({ id: 12 }))
        await deferWrite(trx, table('probe'), () =>
          p.insertInto('probe').values({ id: 12, parent: 12, note: 'refused' }),
        )
      }),
    ).rejects.toThrow(/check constraint/)
    await expect(
      store.db.transaction().execute(async (trx) => {
        const p = probe(trx)
        // A reference to a row nobody wrote fails at the end of the one statement, as it would have at once.
        await deferWrite(trx, table('probe'), () =>
          p.insertInto('probe').values({ id: 13, parent: 404, note: 'orphan' }),
        )
      }),
    ).rejects.toThrow(/foreign key/)
    expect((await rows()).map((r) => r.id)).toEqual([1, 2, 3, 4])
    const tally = await sql<{ n: number }>`SELECT n FROM probe_tally WHERE id = 1`.execute(store.db)
    expect(tally.rows).toEqual([{ n: 2 }])
  })

  it('refuses a write deferred under another table than the one it writes, since the guard would watch the wrong name', async () => {
    await expect(
      store.db.transaction().execute(async (trx) => {
        const p = probe(trx)
        await deferWrite(trx, table('probe_tally'), () =>
          p.insertInto('probe').values({ id: 14, parent: 1, note: 'x' }),
        )
      }),
    ).rejects.toThrow(/must be an INSERT, UPDATE or DELETE of probe_tally/)
    expect((await rows()).map((r) => r.id)).toEqual([1, 2, 3, 4])
  })

  it('keeps the values as they were when deferred, and sends a write at once outside a store transaction', async () => {
    const values = { id: 20, parent: null, note: 'as deferred' }
    await store.db.transaction().execute(async (trx) => {
      const p = probe(trx)
      const v = { ...values }
      await deferWrite(trx, table('probe'), () => p.insertInto('probe').values(v))
    })
    // A connection's own transaction (not the store's `transaction().execute`) has no end hook: the write is sent now.
    await store.db.connection().execute(async (conn) => {
      await sql`BEGIN`.execute(conn)
      const trx = probe(conn)
      await deferWrite(trx as never, table('probe'), () =>
        trx.insertInto('probe').values({ id: 21, parent: null, note: 'now' }),
      )
      const inside = (await sql<Probe>`SELECT id FROM probe WHERE id = 21`.execute(conn)).rows
      expect(inside).toHaveLength(1)
      await sql`COMMIT`.execute(conn)
    })
    expect((await rows()).filter((r) => r.id >= 20).map((r) => r.note)).toEqual(['as deferred', 'now'])
  })

  it('knows every view over a table the application defers writes to, and no trigger there writes elsewhere', async () => {
    // A view reading a deferred table must be in READ_THROUGH, or a read through it would miss pending rows.
    const views = await sql<{ view: string; source: string }>`
      SELECT DISTINCT v.relname AS view, t.relname AS source
      FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class
      JOIN pg_class t ON t.oid = d.refobjid
      WHERE t.relname = ANY(${DEFERRED}) AND v.oid <> t.oid`.execute(store.db)
    for (const { view, source } of views.rows) expect(READ_THROUGH[source] ?? []).toContain(view)
    // Triggers on the deferred tables: the audit log's append-only guards (they refuse, write nothing), the offline
    // sealer's copy on UPDATE OF pos (the sealer's own immediate statement, never a deferred one), the offline
    // apply's triggers (ENABLE REPLICA: they fire only when a subscription applies a row), and the statistics' and
    // the plan's delta triggers, whose tables are in READ_THROUGH.
    const triggers = await sql<{ name: string }>`
      SELECT g.tgname AS name FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
      WHERE c.relname = ANY(${DEFERRED}) AND NOT g.tgisinternal ORDER BY 1`.execute(store.db)
    expect(triggers.rows.map((r) => r.name)).toEqual([
      'audit_log_append_only',
      'audit_log_no_truncate',
      'offline_audit_sealed',
      'offline_crossing_arrives',
      'offline_crossing_counted',
      'plan_screening_hits_delete',
      'plan_screening_hits_insert',
      'plan_screening_hits_replicated',
      'plan_screening_hits_update',
      'stat_crossings_delete',
      'stat_crossings_insert',
      'stat_crossings_update',
    ])
    expect(READ_THROUGH.crossings).toContain('stat_crossing_deltas')
    expect(READ_THROUGH.screening_hits).toContain('plan_source_deltas')
    const replicaOnly = await sql<{ name: string }>`
      SELECT g.tgname AS name FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
      WHERE c.relname = ANY(${DEFERRED}) AND g.tgenabled = 'R' ORDER BY 1`.execute(store.db)
    expect(replicaOnly.rows.map((r) => r.name)).toEqual([
      'offline_crossing_arrives',
      'offline_crossing_counted',
      'plan_screening_hits_replicated',
    ])
  })

  it('knows every foreign key that points at a table the application defers writes to', async () => {
    // A write to a referring table must send the pending rows first, or its key would find no parent.
    const keys = await sql<{ child: string; parent: string }>`
      SELECT DISTINCT c.relname AS child, p.relname AS parent
      FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
      WHERE k.contype = 'f' AND p.relname = ANY(${DEFERRED}) AND c.oid <> p.oid
        AND c.relname NOT LIKE 'probe%'`.execute(store.db)
    expect(keys.rows.length).toBeGreaterThan(0)
    for (const { child, parent } of keys.rows) expect(REFERRED_BY[parent] ?? []).toContain(child)
  })
})

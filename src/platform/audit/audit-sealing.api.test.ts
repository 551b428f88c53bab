import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines, openTestStore } from '../../test/test-db.ts'
import type { Store } from '../db/database.ts'
import { appendAudit } from './audit-log.ts'
import { sealBatch, sealPending } from './audit-sealer.ts'
import { verifyAuditChain } from './audit-verify.ts'

const actor = { id: null, username: 'seal-test', ip: null }

const entriesOf = (store: Store, resource: string) =>
  store.db
    .selectFrom('audit_log')
    .select(['seq', 'pos', 'action', 'record_id', 'hash'])
    .where('resource', '=', resource)
    .orderBy('seq')
    .execute()

describe.each(engines())('audit entries written unsealed, then sealed, on %s', (engine) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore(engine)
  })
  afterAll(() => store.close())

  it('writes entries unsealed, then seals them all into one verifiable chain, each in its order', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        store.db.transaction().execute(async (trx) => {
          await appendAudit(trx, actor, { action: 'first', resource: 'seal_test', recordId: String(i) })
          await trx.selectFrom('users').select('id').limit(1).execute()
          await appendAudit(trx, actor, { action: 'second', resource: 'seal_test', recordId: String(i) })
        }),
      ),
    )
    const before = await entriesOf(store, 'seal_test')
    expect(before).toHaveLength(24)
    expect(before.every((r) => r.pos === null && r.hash === null)).toBe(true)
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true, unsealed: expect.any(Number) })

    // Small batches: several transactions, each extending the chain where the last one stopped.
    while ((await sealBatch(store.db, 7)).sealed > 0) {}
    const rows = await entriesOf(store, 'seal_test')
    expect(rows.every((r) => r.pos !== null && r.hash !== null)).toBe(true)
    for (let i = 0; i < 12; i++) {
      const mine = rows.filter((r) => r.record_id === String(i))
      expect(mine.map((r) => r.action)).toEqual(['first', 'second'])
      expect(Number(mine[1]!.pos)).toBeGreaterThan(Number(mine[0]!.pos))
    }
    const report = await verifyAuditChain(store.db)
    expect(report).toMatchObject({ ok: true, unsealed: 0, oldestUnsealedAt: null })
    const { rows: pos } = await sql<{ n: number; top: number }>`
      SELECT count(*)::int AS n, max(pos)::int AS top FROM audit_log`.execute(store.db)
    // Positions 1..n without a gap: the chain holds every entry of the log exactly once.
    expect(report.entries).toBe(pos[0]!.n)
    expect(pos[0]!.top).toBe(pos[0]!.n)
  })

  it('writes nothing for a transaction that rolls back after appending', async () => {
    await expect(
      store.db.transaction().execute(async (trx) => {
        await appendAudit(trx, actor, { action: 'doomed', resource: 'rollback_test' })
        throw new Error('the change fails after its entry was appended')
      }),
    ).rejects.toThrow(/fails/)
    expect(await entriesOf(store, 'rollback_test')).toEqual([])
    await sealPending(store.db)
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true, unsealed: 0 })
  })

  it('writes the entry at once in a transaction it cannot wait for the end of', async () => {
    const trx = await store.db.startTransaction().execute()
    await appendAudit(trx, actor, { action: 'controlled', resource: 'controlled_test' })
    expect(
      await trx.selectFrom('audit_log').select('seq').where('resource', '=', 'controlled_test').execute(),
    ).toHaveLength(1)
    await trx.commit().execute()
    await sealPending(store.db)
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true, unsealed: 0 })
  })

  it('lets only sealing change an entry, once: no edit of its fields, no second seal', async () => {
    await store.db
      .transaction()
      .execute((trx) => appendAudit(trx, actor, { action: 'x', resource: 'trigger_test' }))
    const [row] = await entriesOf(store, 'trigger_test')
    // An unsealed entry cannot be edited, even together with a seal.
    await expect(
      sql`UPDATE audit_log SET action = 'y', pos = 999999, prev_hash = 'a', hash = 'b' WHERE seq = ${row!.seq}`.execute(
        store.db,
      ),
    ).rejects.toThrow(/append-only/)
    await expect(sql`DELETE FROM audit_log WHERE seq = ${row!.seq}`.execute(store.db)).rejects.toThrow(
      /append-only/,
    )
    // Half a seal is refused by the table's check.
    await expect(
      sql`UPDATE audit_log SET pos = 999999 WHERE seq = ${row!.seq}`.execute(store.db),
    ).rejects.toThrow()
    await sealPending(store.db)
    const [sealed] = await entriesOf(store, 'trigger_test')
    await expect(
      sql`UPDATE audit_log SET pos = 999999, prev_hash = 'a', hash = 'b' WHERE seq = ${sealed!.seq}`.execute(
        store.db,
      ),
    ).rejects.toThrow(/append-only/)
    expect(await entriesOf(store, 'trigger_test')).toEqual([sealed])
  })

  it('names an entry sealed with a wrong hash', async () => {
    await store.db
      .transaction()
      .execute((trx) => appendAudit(trx, actor, { action: 'x', resource: 'forged_seal' }))
    await sealPending(store.db)
    await store.db
      .transaction()
      .execute((trx) => appendAudit(trx, actor, { action: 'x', resource: 'forged_seal' }))
    const [, unsealed] = await entriesOf(store, 'forged_seal')
    const top = await store.db
      .selectFrom('audit_log')
      .select(['pos', 'hash'])
      .where('pos', 'is not', null)
      .orderBy('pos', 'desc')
      .executeTakeFirstOrThrow()
    // Someone seals the entry by hand (the trigger allows a seal) with a hash of their own: verify names it.
    await sql`UPDATE audit_log SET pos = ${Number(top.pos) + 1}, prev_hash = ${top.hash}, hash = ${'f'.repeat(64)}
      WHERE seq = ${unsealed!.seq}`.execute(store.db)
    expect(await verifyAuditChain(store.db)).toMatchObject({
      ok: false,
      reason: 'hash_mismatch',
      brokenAt: unsealed!.seq,
    })
  })
})

describe.skipIf(!engines().includes('postgres'))('no national lock on PostgreSQL', () => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore('postgres')
  })
  afterAll(() => store.close())

  it('commits a writer while another writer of the log is still open, then seals both in one valid chain', async () => {
    // A writes its entry and stays open, as a slow use case would (before issue 13 it then held the chain lock).
    const a = await store.db.startTransaction().execute()
    try {
      await appendAudit(a, actor, { action: 'slow', resource: 'lock_test' })
      // B, on another connection of the pool, writes and commits while A is open. With a chain lock B would wait for
      // A's commit, which comes only after B: this await would never return.
      await store.db
        .transaction()
        .execute((b) => appendAudit(b, actor, { action: 'quick', resource: 'lock_test' }))
      // Only B's entry is committed, so only it can be sealed; A's is invisible to the sealer, and waited for by no one.
      await sealPending(store.db)
      const mid = await entriesOf(store, 'lock_test')
      expect(mid.map((r) => [r.action, r.pos !== null])).toEqual([['quick', true]])
      await a.commit().execute()
    } catch (err) {
      await a.rollback().execute()
      throw err
    }
    await sealPending(store.db)
    const rows = await entriesOf(store, 'lock_test')
    // A's entry has the smaller seq (written first), B's the earlier place in the chain (committed first).
    expect(rows.map((r) => r.action)).toEqual(['slow', 'quick'])
    expect(Number(rows[0]!.pos)).toBeGreaterThan(Number(rows[1]!.pos))
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true, unsealed: 0 })
  })

  it('lets one sealer at a time extend the chain; another one leaves the batch to it', async () => {
    await store.db
      .transaction()
      .execute((trx) => appendAudit(trx, actor, { action: 'x', resource: 'two_sealers' }))
    // The first sealer's transaction is held open with the lock taken, standing in for another process sealing.
    const held = await store.db.startTransaction().execute()
    try {
      await sql`SELECT pg_advisory_xact_lock(72657303)`.execute(held)
      expect(await sealBatch(store.db)).toEqual({ sealed: 0, busy: true })
    } finally {
      await held.rollback().execute()
    }
    expect(await sealBatch(store.db)).toMatchObject({ busy: false, sealed: expect.any(Number) })
    const [row] = await entriesOf(store, 'two_sealers')
    expect(row!.pos).not.toBeNull()
    // Many sealers at once: each entry gets exactly one place, the chain stays whole.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.db
          .transaction()
          .execute((trx) =>
            appendAudit(trx, actor, { action: 'x', resource: 'many_sealers', recordId: String(i) }),
          ),
      ),
    )
    await Promise.all(Array.from({ length: 4 }, () => sealPending(store.db, 3)))
    await sealPending(store.db)
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true, unsealed: 0 })
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines, openTestStore } from '../../test/test-db.ts'
import type { Store } from '../db/database.ts'
import { appendAudit } from './audit-log.ts'
import { verifyAuditChain } from './audit-verify.ts'

const actor = { id: null, username: 'chain-test', ip: null }

const entriesOf = (store: Store, resource: string) =>
  store.db
    .selectFrom('audit_log')
    .select(['seq', 'action', 'record_id'])
    .where('resource', '=', resource)
    .orderBy('seq')
    .execute()

describe.each(engines())('the audit chain written at commit on %s', (engine) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore(engine)
  })
  afterAll(() => store.close())

  it('keeps one verifiable chain when many transactions append at once, each entry in its order', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        store.db.transaction().execute(async (trx) => {
          await appendAudit(trx, actor, { action: 'first', resource: 'chain_test', recordId: String(i) })
          await trx.selectFrom('users').select('id').limit(1).execute()
          await appendAudit(trx, actor, { action: 'second', resource: 'chain_test', recordId: String(i) })
        }),
      ),
    )
    const rows = await entriesOf(store, 'chain_test')
    expect(rows).toHaveLength(24)
    for (let i = 0; i < 12; i++) {
      const mine = rows.filter((r) => r.record_id === String(i))
      expect(mine.map((r) => r.action)).toEqual(['first', 'second'])
      // A transaction's entries are chained together, one after the other.
      expect(mine[1]!.seq).toBe(mine[0]!.seq + 1)
    }
    expect((await verifyAuditChain(store.db)).ok).toBe(true)
  })

  it('writes nothing for a transaction that rolls back after appending', async () => {
    await expect(
      store.db.transaction().execute(async (trx) => {
        await appendAudit(trx, actor, { action: 'doomed', resource: 'rollback_test' })
        throw new Error('the change fails after its entry was appended')
      }),
    ).rejects.toThrow(/fails/)
    expect(await entriesOf(store, 'rollback_test')).toEqual([])
    expect((await verifyAuditChain(store.db)).ok).toBe(true)
  })

  it('writes the entry at once in a transaction it cannot wait for the end of', async () => {
    const trx = await store.db.startTransaction().execute()
    await appendAudit(trx, actor, { action: 'controlled', resource: 'controlled_test' })
    expect(
      await trx.selectFrom('audit_log').select('seq').where('resource', '=', 'controlled_test').execute(),
    ).toHaveLength(1)
    await trx.commit().execute()
    expect((await verifyAuditChain(store.db)).ok).toBe(true)
  })
})

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import { verifyAuditChain } from '../../platform/audit/audit-verify.ts'
import { openStore, type Store } from '../../platform/db/database.ts'
import { migrateToLatest } from '../../platform/db/migrate.ts'
import { scheduleSealing } from './seal-schedule.ts'

const actor = { id: null, username: 'restart-test', ip: null }
const silent = { error: (o: object, m: string) => console.error(m, o) }

const write = (store: Store, n: number, from = 0) =>
  Promise.all(
    Array.from({ length: n }, (_, i) =>
      store.db
        .transaction()
        .execute((trx) =>
          appendAudit(trx, actor, { action: 'write', resource: 'restart', recordId: String(from + i) }),
        ),
    ),
  )

const unsealed = async (store: Store) =>
  Number(
    (
      await store.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('pos', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('the sealer of a running server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'passage-seal-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('seals at start what a stopped process committed but never sealed, and at shutdown what came since', async () => {
    // A first process commits entries and stops before any sealer ran (as after kill -9: the rows are durable).
    const first = await openStore({ dataDir: join(dir, 'data') })
    await migrateToLatest(first.db as never)
    await write(first, 30)
    expect(await unsealed(first)).toBe(30)
    await first.close()

    const second = await openStore({ dataDir: join(dir, 'data') })
    try {
      // An interval far longer than the test: only the start and the shutdown rounds run.
      const sealing = scheduleSealing({ db: second.db, everyMs: 3_600_000, log: silent })
      await write(second, 5, 30)
      await sealing.stop()
      expect(await unsealed(second)).toBe(0)
      expect(await verifyAuditChain(second.db)).toMatchObject({ ok: true, entries: 35, unsealed: 0 })
    } finally {
      await second.close()
    }
  }, 180_000)
})

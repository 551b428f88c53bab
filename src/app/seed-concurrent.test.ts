import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { describe, expect, inject, it } from 'vitest'
import { openStore, type Store } from '../platform/db/database.ts'
import { migrateToLatest } from '../platform/db/migrate.ts'
import { withDatabase } from '../test/global-setup.ts'
import { DEMO_USERS } from './identity/seed-demo-users.ts'
import { seed } from './seed.ts'

const adminUrl = inject('postgresTemplateUrl')

async function admin(statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl! })
  await c.connect()
  try {
    await c.query(statement)
  } finally {
    await c.end()
  }
}

const count = async (store: Store, table: 'risk_rule_sets' | 'protection_providers' | 'returnees') =>
  Number(
    (
      await store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

// Two processes (here: two connection pools) starting at once on one empty PostgreSQL database. PGlite is locked to
// one process, so the race exists only on PostgreSQL; CI always sets TEST_DATABASE_URL.
describe.skipIf(!adminUrl)('two first starts at once on an empty PostgreSQL database', () => {
  it('migrate and seed both succeed, and the demo users, rule set, providers and traffic are created once', async () => {
    const name = `passage_test_${randomBytes(6).toString('hex')}`
    await admin(`CREATE DATABASE ${name}`)
    const stores = [
      await openStore({ databaseUrl: withDatabase(adminUrl!, name), poolSize: 3 }),
      await openStore({ databaseUrl: withDatabase(adminUrl!, name), poolSize: 3 }),
    ]
    try {
      const start = async (store: Store) => {
        await migrateToLatest(store.db as never)
        return seed({ db: store.db, demo: true, demoPassword: 'demo-password-123', demoTraffic: 200 })
      }
      const results = await Promise.all(stores.map(start))
      // Exactly one of the two created the demo users (and printed their passwords); the other found them.
      expect(results.map((r) => r.demoUsers.length).sort()).toEqual([0, DEMO_USERS.length])
      expect(await count(stores[0]!, 'risk_rule_sets')).toBe(1)
      // The demo traffic came with the demo users, so once: 200 crossings bring 10 returnees, and the demo day
      // (seed-demo-day.ts) registers 28 more, the counter's return list 12 (demo/seed-demo-counter.ts), and the boy
      // referred to the NGO shelter 1 (demo/demo-inboxes.ts).
      expect(await count(stores[0]!, 'returnees')).toBe(10 + 28 + 12 + 1)
      const providers = await count(stores[0]!, 'protection_providers')
      await seed({ db: stores[1]!.db, demo: true })
      expect(await count(stores[0]!, 'protection_providers')).toBe(providers)
    } finally {
      for (const s of stores) await s.close()
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    }
  }, 180_000)
})

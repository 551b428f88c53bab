import { describe, expect, it } from 'vitest'
import { openStore } from '../platform/db/database.ts'
import { migrateToLatest } from '../platform/db/migrate.ts'
import { seed } from './seed.ts'

const count = async (db: Awaited<ReturnType<typeof openStore>>['db'], table: 'crossings' | 'returnees') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('first-start demo data', () => {
  it('gives a new demo database synthetic crossings and returnees once, and a restart adds none', async () => {
    const store = await openStore({ memory: true })
    try {
      await migrateToLatest(store.db as never)
      await seed({ db: store.db, demo: true, demoPassword: 'demo-password-123', demoTraffic: 600 })
      const crossings = await count(store.db, 'crossings')
      const returnees = await count(store.db, 'returnees')
      expect(crossings).toBeGreaterThanOrEqual(600)
      // A twentieth of the crossings over the past year, the 28 of the demo day (seed-demo-day.ts) and the 12 of
      // the counter's return list (demo/seed-demo-counter.ts), and the boy referred to the NGO shelter
      // (demo/demo-inboxes.ts).
      expect(returnees).toBe(30 + 28 + 12 + 1)
      await seed({ db: store.db, demo: true, demoPassword: 'demo-password-123', demoTraffic: 600 })
      expect(await count(store.db, 'crossings')).toBe(crossings)
      expect(await count(store.db, 'returnees')).toBe(returnees)
    } finally {
      await store.close()
    }
    // Migrating and seeding a whole demo database (with the demo day's use cases) outlasts the default 30 s on a
    // loaded machine.
  }, 180_000)

  it('seeds no traffic outside demo mode', async () => {
    const store = await openStore({ memory: true })
    try {
      await migrateToLatest(store.db as never)
      await seed({ db: store.db, demo: false, demoTraffic: 600 })
      expect(await count(store.db, 'crossings')).toBe(0)
      expect(await count(store.db, 'returnees')).toBe(0)
    } finally {
      await store.close()
    }
  }, 180_000)
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { seedTraffic } from './seed-traffic.ts'

describe.each(engines())('synthetic crossings on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  it('writes consistent movements that the crossing rules accept, twice without collisions', async () => {
    let progress = 0
    const report = await seedTraffic({
      db: t.store.db,
      movements: 3000,
      seed: 7,
      onProgress: (n) => (progress = n),
    })
    await seedTraffic({ db: t.store.db, movements: 500, seed: 7 })
    expect(report.movements).toBeGreaterThanOrEqual(3000)
    expect(progress).toBe(report.movements)
    const rows = await t.store.db
      .selectFrom('crossings')
      .select(['direction', 'matched_entry_id', 'stay_days'])
      .execute()
    expect(rows.length).toBeGreaterThanOrEqual(3500)
    // Every foreigner's exit points to the entry it closes, with a stay.
    const exitsWithStay = rows.filter((r) => r.direction === 'exit' && r.stay_days !== null)
    expect(exitsWithStay.length).toBeGreaterThan(0)
    expect(exitsWithStay.every((r) => r.matched_entry_id !== null)).toBe(true)
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'seed_traffic')
      .execute()
    expect(audit).toHaveLength(2)
  })

  it('keeps the synthetic officer unable to sign in', async () => {
    const res = await t.anonymous.request('POST', '/api/auth/sign-in', {
      username: 'synthetic.traffic',
      password: 'anything-at-all',
    })
    expect(res.statusCode).toBe(401)
  })
})

import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cambodiaDayOf } from '../../platform/time/cambodia-day.ts'
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
      crossings: 3000,
      seed: 7,
      onProgress: (n) => (progress = n),
    })
    // The planner knows the tables it filled: a traveller's movements are estimated from the data, not from the
    // default guess that made a freshly seeded 10M-row table plan fifty thousand per traveller.
    const { rows: stats } = await sql<{ n_distinct: number }>`
      SELECT n_distinct FROM pg_stats WHERE tablename = 'crossings' AND attname = 'traveller_id'`.execute(
      t.store.db,
    )
    expect(stats).toHaveLength(1)
    expect(report.analyzeSeconds).toBeGreaterThan(0)
    await seedTraffic({ db: t.store.db, crossings: 500, seed: 7 })
    expect(report.crossings).toBeGreaterThanOrEqual(3000)
    expect(progress).toBe(report.crossings)
    const rows = await t.store.db
      .selectFrom('crossings')
      .select(['direction', 'matched_entry_id', 'stay_days'])
      .execute()
    expect(rows.length).toBeGreaterThanOrEqual(3500)
    // Every foreigner's exit points to the entry it closes, with a stay.
    const exitsWithStay = rows.filter((r) => r.direction === 'exit' && r.stay_days !== null)
    expect(exitsWithStay.length).toBeGreaterThan(0)
    expect(exitsWithStay.every((r) => r.matched_entry_id !== null)).toBe(true)
    for (const r of await t.store.db.selectFrom('crossings').select(['crossed_at', 'crossed_on']).execute())
      expect(r.crossed_on).toBe(cambodiaDayOf(r.crossed_at))
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'seed_traffic')
      .execute()
    expect(audit).toHaveLength(2)
  })

  it('writes the same traffic for the same seed, under new ids', async () => {
    const movementsOf = async (tag: string) =>
      (
        await t.store.db
          .selectFrom('crossings as c')
          .innerJoin('travel_documents as d', 'd.id', 'c.document_id')
          .select(['d.document_number', 'c.crossed_at', 'c.post_code', 'c.direction', 'c.decision'])
          .where('d.document_number', 'like', `${tag}%`)
          .orderBy('c.crossed_at')
          .execute()
      ).map((r) => ({ ...r, document_number: r.document_number.slice(tag.length) }))
    const tags = async () =>
      new Set(
        (await t.store.db.selectFrom('travel_documents').select('document_number').execute()).map((d) =>
          d.document_number.slice(0, 6),
        ),
      )
    const before = await tags()
    await seedTraffic({ db: t.store.db, crossings: 400, seed: 11 })
    await seedTraffic({ db: t.store.db, crossings: 400, seed: 11 })
    const added = [...(await tags())].filter((tag) => !before.has(tag))
    expect(added).toHaveLength(2)
    const [first, second] = await Promise.all(added.map(movementsOf))
    expect(first!.length).toBeGreaterThanOrEqual(400)
    expect(second).toEqual(first)
  })

  it('keeps the synthetic officer unable to sign in', async () => {
    const res = await t.anonymous.request('POST', '/api/auth/sign-in', {
      username: 'synthetic.traffic',
      password: 'anything-at-all',
    })
    expect(res.statusCode).toBe(401)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { foldDeltas } from './fold-deltas.ts'
import type { IndicatorResult, StatisticsView } from './statistics.contract.ts'
import { type CrossingFact, insertCrossings } from './statistics.testing.ts'

const facts: CrossingFact[] = Array.from({ length: 30 }, (_, i) => ({
  day: `2025-06-${String(1 + (i % 28)).padStart(2, '0')}`,
  post: 'LAND-POIPET',
  direction: i % 3 === 0 ? 'exit' : 'entry',
  decision: 'admit',
}))

const query = { measure: 'travellers', dimensions: ['post'], from: '2025-06-01', to: '2025-06-30' }
const poipet = (r: StatisticsView) => r.cells.find((c) => c.key.post === 'LAND-POIPET')?.value

describe.each(engines())('statistics freshness on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
    // Whatever the template's seeding queued is folded first, so the counts below are this test's own.
    await foldDeltas({ db: t.store.db })
  })
  afterAll(() => t.close())

  it('counts crossings still queued, says how many are, and reads the same once they are folded', async () => {
    const analyst = await t.signIn('analyst')
    const before = await t.store.db
      .selectFrom('stat_fold_state')
      .select('folded_at')
      .executeTakeFirstOrThrow()
    await insertCrossings(t.store.db, facts)
    const queued = (await analyst.request('POST', '/api/statistics/query', query)).json() as StatisticsView
    expect(queued.freshness.pending).toBeGreaterThan(0)
    expect(poipet(queued)).toBe(30)
    expect(Date.parse(queued.freshness.asOf)).not.toBeNaN()

    const { folded, drained } = await foldDeltas({ db: t.store.db })
    expect(drained).toBe(true)
    expect(folded).toBe(queued.freshness.pending)
    const current = (await analyst.request('POST', '/api/statistics/query', query)).json() as StatisticsView
    expect(current.freshness.pending).toBe(0)
    expect(poipet(current)).toBe(30)
    expect(Date.parse(current.freshness.foldedAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse(before.folded_at?.toISOString() ?? ''),
    )
    expect(current.freshness.foldedAt).not.toBe(before.folded_at?.toISOString())
  })

  it('gives indicators the same freshness', async () => {
    const analyst = await t.signIn('analyst')
    await insertCrossings(t.store.db, facts.slice(0, 3))
    const res = await analyst.request(
      'GET',
      '/api/statistics/indicators/refusals-by-reason?from=2025-06-01&to=2025-06-30',
    )
    expect(res.statusCode).toBe(200)
    const body = res.json() as IndicatorResult
    expect(body.freshness.pending).toBeGreaterThan(0)
  })

  it('folds nothing twice: an empty queue folds zero and changes nothing', async () => {
    await foldDeltas({ db: t.store.db })
    const analyst = await t.signIn('analyst')
    const a = (await analyst.request('POST', '/api/statistics/query', query)).json() as StatisticsView
    expect(await foldDeltas({ db: t.store.db })).toEqual({ folded: 0, drained: true })
    const b = (await analyst.request('POST', '/api/statistics/query', query)).json() as StatisticsView
    expect(b.cells).toEqual(a.cells)
    expect(b.freshness.foldedAt).toBe(a.freshness.foldedAt)
  })
})

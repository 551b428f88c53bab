import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { perturbCount } from '../../domain/statistics/cell-key.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import type { StatisticsResult } from './statistics.contract.ts'
import { type CrossingFact, insertCrossings } from './statistics.testing.ts'

/**
 * Issue 12 §3, as it was reproduced: travellers by post for Cham Yeam — October withheld, November 10,
 * October–November 14, so October = 4. The keys are fixed here (a known secret, known crossing ids) so the
 * figures are deterministic; they are worked out beside the API from the documented derivation (the first
 * 12 bits of SHA-256(secret ‖ id), `perturbCount`), which also checks that the database derives keys as
 * documented. Before cell-key perturbation every reader got 10 and 14 and the CSV blank / 10 / 14.
 */
const SECRET = 'cham-yeam-0'
const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`
const recordKey = (crossing: string) => {
  const h = createHash('sha256')
    .update(SECRET + crossing)
    .digest()
  return (h[0] ?? 0) * 16 + ((h[1] ?? 0) >> 4)
}

/** 4 travellers in October, 10 in November, at a post; crossing ids from `offset`. */
function octoberNovember(post: string, offset: number): CrossingFact[] {
  const fact = (day: string, i: number): CrossingFact => ({
    id: id(offset + i),
    day,
    post,
    direction: 'entry',
    decision: 'admit',
    sex: 'F',
    nationality: 'THA',
  })
  return [
    ...Array.from({ length: 4 }, (_, i) => fact(`2025-10-${String(3 + i).padStart(2, '0')}`, i)),
    ...Array.from({ length: 10 }, (_, i) => fact(`2025-11-${String(3 + i).padStart(2, '0')}`, 10 + i)),
  ]
}

/** What cell-key perturbation publishes for a post's months, from the ids alone. */
function expected(offset: number) {
  const sum = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => recordKey(id(offset + from + i))).reduce((s, k) => s + k, 0)
  return {
    october: perturbCount(4, sum(0, 4), 10).value,
    november: perturbCount(10, sum(10, 10), 10).value,
    both: perturbCount(14, sum(0, 4) + sum(10, 10), 10).value,
  }
}

const MONTHS = {
  october: ['2025-10-01', '2025-10-31'],
  november: ['2025-11-01', '2025-11-30'],
  both: ['2025-10-01', '2025-11-30'],
} as const

describe.each(engines())('differencing of period ranges on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
    // Before any crossing is written, so the rollups' key sums are made with it.
    await sql`UPDATE stat_key_secret SET secret = ${SECRET}`.execute(t.store.db)
    await insertCrossings(t.store.db, [
      ...octoberNovember('LAND-CHAMYEAM', 0),
      ...octoberNovember('LAND-POIPET', 100),
    ])
  })
  afterAll(() => t.close())

  async function byPost(username: string, dimensions: string[], post: string) {
    const reader = await t.signIn(username)
    const figures: Record<string, number | null> = {}
    for (const [name, [from, to]] of Object.entries(MONTHS)) {
      const res = await reader.request('POST', '/api/statistics/query', {
        measure: 'travellers',
        dimensions,
        from,
        to,
      })
      expect(res.statusCode).toBe(200)
      const body = res.json() as StatisticsResult
      const cell = body.cells.find((c) => (dimensions.length ? c.key.post === post : true))
      figures[name] = cell?.value ?? null
    }
    return figures
  }

  it('the analyst’s exact view confirms October = 4 at Cham Yeam', async () => {
    expect(await byPost('analyst', ['post'], 'LAND-CHAMYEAM')).toEqual({ october: 4, november: 10, both: 14 })
  })

  it('a case manager’s October–November minus November is no longer October', async () => {
    const figures = await byPost('casemanager', ['post'], 'LAND-CHAMYEAM')
    expect(figures).toEqual(expected(0))
    expect(figures.october).toBeNull()
    expect(figures.november).not.toBeNull()
    expect((figures.both ?? 0) - (figures.november ?? 0)).not.toBe(4)
    // Asking again gives the same figures: repetition cannot average the noise away.
    expect(await byPost('casemanager', ['post'], 'LAND-CHAMYEAM')).toEqual(figures)
  })

  it('a post chief’s own post reads the same perturbed figures, so the same attack fails', async () => {
    const figures = await byPost('chief.poipet', [], 'LAND-POIPET')
    expect(figures).toEqual(expected(100))
    expect(figures.october).toBeNull()
    expect((figures.both ?? 0) - (figures.november ?? 0)).not.toBe(4)
    expect(await byPost('casemanager', ['post'], 'LAND-POIPET')).toEqual(figures)
  })

  it('the CSV export publishes the same perturbed figures: blank / not 10 and 14 apart by 4', async () => {
    const manager = await t.signIn('casemanager')
    const figures: Record<string, string | undefined> = {}
    for (const [name, [from, to]] of Object.entries(MONTHS)) {
      const res = await manager.request(
        'GET',
        `/api/statistics/export?format=csv&measure=travellers&dimensions=post&from=${from}&to=${to}`,
      )
      expect(res.statusCode).toBe(200)
      const row = res.body.split(/\r?\n/).find((line) => line.includes('Cham Yeam'))
      figures[name] = row?.split(',').at(-1)
    }
    const { october, november, both } = expected(0)
    expect(figures).toEqual({ october: '', november: String(november), both: String(both) })
    expect(october).toBeNull()
    expect(Number(figures.both) - Number(figures.november)).not.toBe(4)
  })
})

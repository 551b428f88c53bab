import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../platform/db/database.ts'
import { engines, openTestStore } from '../../test/test-db.ts'
import type { RequestActor } from '../identity/actor.ts'
import { publishTable, statisticsTable } from '../statistics/query-statistics.ts'
import { foldPlanSources } from './fold-plan-sources.ts'
import { rolledUp, sourceActor, yearTableOf } from './indicator-sources.ts'
import { insertReturnees } from './plans.testing.ts'

/**
 * The dashboard reads each counted source once, by quarter, and publishes the years from that read: the years
 * must be exactly what a read by year publishes, perturbed cell by cell for a reader without microdata access and
 * exact for one with it, on the rollup and on the raw rows.
 */
const ANALYST: RequestActor = {
  id: '00000000-0000-4000-8000-000000000002',
  username: 'analyst',
  role: 'analyst',
  scope: 'national',
  agencyCode: 'NCCT',
  postCode: null,
  ip: null,
  locale: 'en',
}

describe.each(engines())('years published from the quarter read on %s', (engine) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore(engine)
    // Small and large cells, quarter edges, one quarter with a single assisted returnee, two years.
    const days: { day: string; needs: string[] }[] = []
    const spread = ['2024-01-01', '2024-03-31', '2024-05-17', '2024-12-31', '2025-02-01', '2025-08-30']
    for (const [i, day] of spread.entries())
      for (let k = 0; k < [1, 7, 13, 2, 31, 5][i]!; k++)
        days.push({ day, needs: k % 4 === 3 ? [] : ['food'] })
    await insertReturnees(store.db, days)
    await foldPlanSources({ db: store.db })
  })
  afterAll(() => store.close())

  for (const [who, reader] of [
    ['a reader under disclosure control', sourceActor({ ...ANALYST, role: 'case_manager' }).actor],
    ['an analyst who sees exact counts', ANALYST],
  ] as const)
    for (const [how, custom] of [
      ['the monthly rollup', rolledUp('returnees-assisted')],
      ['the raw rows', undefined],
    ] as const)
      it(`publishes the same years as a read by year, for ${who}, from ${how}`, async () => {
        const read = (unit: 'quarter' | 'year') =>
          statisticsTable({
            db: store.db,
            actor: reader,
            threshold: 5,
            query: {
              measure: 'returnees',
              dimensions: [`period:${unit}`],
              from: '2024-01-01',
              to: '2025-12-31',
            },
            custom,
          })
        const [quarters, years] = await Promise.all([read('quarter'), read('year')])
        const derived = publishTable(yearTableOf(quarters))
        const direct = publishTable(years)
        expect(derived).toEqual(direct)
        expect(direct.filter((c) => c.key['period:year'] !== '*')).toHaveLength(2)
      })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../platform/db/database.ts'
import { todayInCambodia } from '../platform/time/cambodia-day.ts'
import { engines, openTestStore } from '../test/test-db.ts'
import { seedDemoDay } from './seed-demo-day.ts'

describe.each(engines())('the demo day on %s', (engine) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore(engine)
  })
  afterAll(() => store.close())

  it('gives today returnees at Poipet and Bavet, referrals waiting at MoSVY and a case at every stage', async () => {
    const report = await seedDemoDay({ db: store.db })
    expect(report).not.toBeNull()
    const { db } = store
    const today = await db
      .selectFrom('returnees')
      .select(['post_code', ({ fn }) => fn.countAll<number>().as('n')])
      .where('registered_on', '=', todayInCambodia())
      .groupBy('post_code')
      .execute()
    expect(Object.fromEntries(today.map((r) => [r.post_code, Number(r.n)]))).toEqual({
      'LAND-POIPET': 19,
      'LAND-BAVET': 9,
    })
    const waiting = await db
      .selectFrom('protection_referrals')
      .select(['basis', 'identification_id'])
      .where('state', '=', 'pending')
      .where('to_agency', '=', 'MOSVY')
      .execute()
    expect(waiting).toHaveLength(2)
    expect(waiting.every((r) => r.basis === 'consentPending' && r.identification_id === null)).toBe(true)
    const states = await db.selectFrom('protection_cases').select('state').distinct().execute()
    expect(states.map((s) => s.state).sort()).toEqual(
      ['assessed', 'assigned', 'integration', 'planPendingApproval', 'registered'].sort(),
    )
    expect(report!.cases).toEqual({
      registered: 1,
      assigned: 1,
      assessed: 1,
      planPendingApproval: 1,
      integration: 1,
    })
  })
})

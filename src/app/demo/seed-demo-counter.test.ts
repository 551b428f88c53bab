import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../platform/db/database.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { engines, openTestStore } from '../../test/test-db.ts'
import { seedDemoCounter } from './seed-demo-counter.ts'

describe.each(engines())("the counter's demo day on %s", (engine) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore(engine)
  })
  afterAll(() => store.close())

  it('gives today traffic at Poipet and Bavet, open hits, a secondary queue, an inbox alert and a return list', async () => {
    const report = await seedDemoCounter({ db: store.db, crossings: 60 })
    expect(report).not.toBeNull()
    const { db } = store
    const today = todayInCambodia()
    const byPost = await db
      .selectFrom('crossings')
      .select(['post_code', ({ fn }) => fn.countAll<number>().as('n')])
      .where('crossed_on', '=', today)
      .where('decision', '=', 'admit')
      .groupBy('post_code')
      .execute()
    const counts = Object.fromEntries(byPost.map((r) => [r.post_code, Number(r.n)]))
    expect(Object.keys(counts).sort()).toEqual(['LAND-BAVET', 'LAND-POIPET'])
    expect(counts['LAND-POIPET']! + counts['LAND-BAVET']!).toBe(60)
    // Nothing in the future: the board shows the day so far.
    const latest = await db
      .selectFrom('crossings')
      .select(({ fn }) => fn.max('crossed_at').as('at'))
      .executeTakeFirstOrThrow()
    expect(new Date(latest.at as Date).getTime()).toBeLessThanOrEqual(Date.now())

    const hits = await db.selectFrom('screening_hits').select('status').execute()
    expect(hits.filter((h) => h.status === 'open').length).toBeGreaterThanOrEqual(2)
    expect(hits.filter((h) => h.status === 'true_match')).toHaveLength(1)
    const inbox = await db.selectFrom('screening_notifications').select('agency_code').execute()
    expect(inbox.map((n) => n.agency_code)).toEqual(['NPC'])

    const queue = await db
      .selectFrom('secondary_inspections')
      .select(['post_code'])
      .where('decided_at', 'is', null)
      .execute()
    expect(queue.map((q) => q.post_code)).toEqual(['LAND-POIPET', 'LAND-POIPET'])

    const listed = await db
      .selectFrom('returnees')
      .select(['list_ref', 'group_id'])
      .where('list_ref', '=', 'TH-SK-RL-DEMO-01')
      .where('registered_on', '=', today)
      .execute()
    expect(listed).toHaveLength(12)
    expect(new Set(listed.map((r) => r.group_id)).size).toBe(4)
    expect(report).toMatchObject({
      crossingsToday: 60,
      secondaryOpen: 2,
      notifications: 1,
      alerts: 2,
      returnListRows: 12,
    })
  })
})

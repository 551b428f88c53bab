import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Client, createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { seedDemoDay } from '../seed-demo-day.ts'
import { seedDemoCounter } from './seed-demo-counter.ts'

/** What each demo role finds waiting for them on the first start, read as the screens read it. */
const INBOXES: [role: string, path: string, what: string][] = [
  ['officer.poipet', '/api/crossings/secondary', 'travellers waiting in the secondary queue'],
  ['supervisor.poipet', '/api/screening/hits?status=open', 'hits to adjudicate at Poipet'],
  ['chief.poipet', '/api/screening/hits?status=open', 'hits to adjudicate at Poipet'],
  ['investigator', '/api/risk/alerts?state=open', 'risk alerts for the police'],
  ['investigator', '/api/screening/notifications', 'confirmed hits on the police list'],
  ['socialworker', '/api/protection/referrals?box=incoming&state=pending', 'referrals to answer'],
  ['casemanager', '/api/protection/referrals?box=incoming&state=pending', 'referrals to answer'],
  ['ngo.worker', '/api/protection/referrals?box=incoming&state=pending', 'referrals to answer'],
]

const items = (body: unknown): unknown[] =>
  Array.isArray(body) ? body : (body as { items: unknown[] }).items

describe.each(engines())("the demo roles' inboxes on %s", (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
    // A small demo day: the inboxes fill from the day's events, whatever the volume of traffic.
    await seedDemoDay({ db: t.store.db, count: 8 })
    await seedDemoCounter({ db: t.store.db, crossings: 20 })
  })
  afterAll(() => t.close())

  it.each(INBOXES)('%s finds %s (%s) on the first start', async (role, path) => {
    const c: Client = await t.signIn(role)
    const res = await c.request('GET', path)
    expect(res.statusCode).toBe(200)
    expect(items(res.json()).length).toBeGreaterThan(0)
  })

  it('puts the demo alerts in the police inbox only, each with the officer’s reason', async () => {
    const rows = await t.store.db
      .selectFrom('risk_alerts')
      .select(['agency_code', 'note', 'post_code'])
      .execute()
    expect(rows.length).toBe(2)
    expect(
      rows.every((r) => r.agency_code === 'NPC' && r.post_code === 'LAND-POIPET' && r.note.length > 0),
    ).toBe(true)
    // Another agency's user sees none of them: the inbox is the receiving agency's.
    const analyst = await t.signIn('analyst')
    const res = await analyst.request('GET', '/api/risk/alerts?state=open')
    expect(res.json().items).toEqual([])
  })
})

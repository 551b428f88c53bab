import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'

/**
 * Issue 12 §7: the requester of a k-anonymous export could set k as low as 2. Every k-anonymous export (crossing
 * microdata, the HTCDS case export) now runs at the administrator's floor or above; only a national
 * administrator sets the floor, never under the hard minimum, and the change is audited.
 */
const year = new Date().getUTCFullYear() - 1
const microdata = (k?: string) =>
  `/api/statistics/microdata/crossings?from=${year}-01-01&to=${year}-03-31&format=json${k === undefined ? '' : `&k=${k}`}`
const cases = (k?: string) => `/api/protection/export?format=json${k === undefined ? '' : `&k=${k}`}`

describe.each(engines())('the k floor of k-anonymous exports on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    // No records: what is tested is the k each export runs with, which the floor decides before any row is read.
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  const floorError = (body: { error: { details: { code: string; params: unknown }[] } }) =>
    body.error.details[0]

  it('refuses k = 2, k = 0 and any k under the default floor of 11, for an analyst and a case manager', async () => {
    const analyst = await t.signIn('analyst')
    for (const k of ['2', '0', '-3', '10']) {
      const res = await analyst.request('GET', microdata(k))
      expect(res.statusCode).toBe(422)
      expect(floorError(res.json())).toMatchObject({
        code: 'protection.errors.kBelowFloor',
        params: { k: Number(k), floor: 11 },
      })
    }
    const manager = await t.signIn('casemanager')
    for (const k of ['2', '0']) {
      const res = await manager.request('GET', cases(k))
      expect(res.statusCode).toBe(422)
      expect(floorError(res.json())?.code).toBe('protection.errors.kBelowFloor')
    }
    // No export was made, so none was audited.
    const exported = await t.store.db
      .selectFrom('audit_log')
      .select('actor_username')
      .where('action', '=', 'export')
      .where('resource', 'in', ['statistics_microdata', 'case'])
      .execute()
    expect(exported).toHaveLength(0)
    expect((await analyst.request('GET', microdata())).json().k).toBe(11)
    expect((await analyst.request('GET', microdata('12'))).json().k).toBe(12)
    expect((await manager.request('GET', cases())).json().k).toBe(11)
  })

  it('lets only an administrator set the floor, never under the hard minimum, and audits the change', async () => {
    const admin = await t.signIn('admin')
    expect((await admin.request('GET', '/api/statistics/settings/k-floor')).json()).toEqual({ kFloor: 11 })
    for (const username of ['analyst', 'casemanager', 'chief.poipet']) {
      const reader = await t.signIn(username)
      expect(
        (await reader.request('PUT', '/api/statistics/settings/k-floor', { kFloor: 2 })).statusCode,
      ).toBe(403)
      expect((await reader.request('GET', '/api/statistics/settings/k-floor')).statusCode).toBe(403)
    }
    for (const kFloor of [4, 0, -1, 1001]) {
      const res = await admin.request('PUT', '/api/statistics/settings/k-floor', { kFloor })
      expect(res.statusCode).toBe(400)
      expect(floorError(res.json())).toMatchObject({
        code: 'protection.errors.kFloorOutOfRange',
        params: { min: 5, max: 1000 },
      })
    }
    expect((await admin.request('GET', '/api/statistics/settings/k-floor')).json()).toEqual({ kFloor: 11 })

    const raised = await admin.request('PUT', '/api/statistics/settings/k-floor', { kFloor: 15 })
    expect(raised.statusCode).toBe(200)
    expect(raised.json()).toEqual({ kFloor: 15 })
    const [entry] = await t.store.db
      .selectFrom('audit_log')
      .select(['actor_username', 'details'])
      .where('resource', '=', 'disclosure_settings')
      .execute()
    expect(entry).toMatchObject({ actor_username: 'admin', details: { kFloor: { from: 11, to: 15 } } })

    const analyst = await t.signIn('analyst')
    const under = await analyst.request('GET', microdata('12'))
    expect(under.statusCode).toBe(422)
    expect(floorError(under.json())).toMatchObject({ params: { k: 12, floor: 15 } })
    expect((await analyst.request('GET', microdata())).json().k).toBe(15)
    const manager = await t.signIn('casemanager')
    expect((await manager.request('GET', cases('11'))).statusCode).toBe(422)
    expect((await manager.request('GET', cases())).json().k).toBe(15)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { inspect, passportMrz } from '../crossings/crossings.testing.ts'

describe.each(engines())('refusal reason administration on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  const codes = async (c: Awaited<ReturnType<TestApp['signIn']>>) =>
    (await c.request('GET', '/api/refusal-reasons')).json().items.map((r: { code: string }) => r.code)

  it('adds a reason in both languages at the end of the list, and officers see it at inspection', async () => {
    const admin = await t.signIn('admin')
    const before = await codes(admin)
    const res = await admin.request('POST', '/api/refusal-reasons', {
      code: 'health_risk',
      nameEn: 'Public health risk',
      nameKm: 'ហានិភ័យសុខភាពសាធារណៈ',
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ code: 'health_risk', position: before.length + 1, active: true })
    expect(await codes(admin)).toEqual([...before, 'health_risk'])
    const officer = await t.signIn('officer.poipet')
    const i = await inspect(officer, passportMrz('RR1000001'))
    expect(i.refusalReasons.at(-1)).toEqual({ code: 'health_risk', name: 'Public health risk' })
    const twice = await admin.request('POST', '/api/refusal-reasons', {
      code: 'health_risk',
      nameEn: 'Again',
      nameKm: 'ម្តងទៀត',
    })
    expect(twice.statusCode).toBe(409)
  })

  it('renames and deactivates a reason, which officers then no longer see, without deleting it', async () => {
    const admin = await t.signIn('admin')
    const renamed = await admin.request('PATCH', '/api/refusal-reasons/insufficient_means', {
      nameEn: 'Insufficient funds for the stay',
    })
    expect(renamed.json()).toMatchObject({ nameEn: 'Insufficient funds for the stay', active: true })
    const off = await admin.request('PATCH', '/api/refusal-reasons/insufficient_means', { active: false })
    expect(off.json().active).toBe(false)
    expect(await codes(admin)).toContain('insufficient_means')
    const officer = await t.signIn('officer.poipet')
    const i = await inspect(officer, passportMrz('RR1000002'))
    expect(i.refusalReasons.map((r: { code: string }) => r.code)).not.toContain('insufficient_means')
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('resource', '=', 'refusal_reason')
      .where('record_id', '=', 'insufficient_means')
      .execute()
    expect(audit).toHaveLength(2)
  })

  it('reorders the reasons, refusing an order that leaves one out or repeats one', async () => {
    const admin = await t.signIn('admin')
    const current: string[] = await codes(admin)
    const reversed = [...current].reverse()
    const res = await admin.request('PUT', '/api/refusal-reasons/order', { codes: reversed })
    expect(res.statusCode).toBe(200)
    expect(res.json().items.map((r: { code: string }) => r.code)).toEqual(reversed)
    const missing = await admin.request('PUT', '/api/refusal-reasons/order', { codes: reversed.slice(1) })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().error.details[0].code).toBe('posts.reasons.order_incomplete')
    const repeated = [reversed[0], ...reversed.slice(0, -1)]
    expect((await admin.request('PUT', '/api/refusal-reasons/order', { codes: repeated })).statusCode).toBe(
      400,
    )
    expect(await codes(admin)).toEqual(reversed)
  })

  it('keeps the list to administrators and refuses a malformed code or an unknown reason', async () => {
    const officer = await t.signIn('officer.poipet')
    expect((await officer.request('GET', '/api/refusal-reasons')).statusCode).toBe(403)
    expect(
      (await officer.request('PATCH', '/api/refusal-reasons/entry_ban', { nameEn: 'Banned' })).statusCode,
    ).toBe(403)
    const admin = await t.signIn('admin')
    const bad = await admin.request('POST', '/api/refusal-reasons', {
      code: 'Bad Code',
      nameEn: 'x',
      nameKm: 'ក',
    })
    expect(bad.statusCode).toBe(400)
    expect(
      (await admin.request('PATCH', '/api/refusal-reasons/no_such_reason', { active: false })).statusCode,
    ).toBe(404)
    expect((await admin.request('PATCH', '/api/refusal-reasons/entry_ban', {})).statusCode).toBe(400)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'

describe.each(engines())('shifts on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  const auditCount = async (action: string, recordId: string) =>
    (
      await t.store.db
        .selectFrom('audit_log')
        .select('seq')
        .where('resource', '=', 'shift')
        .where('action', '=', action)
        .where('record_id', '=', recordId)
        .execute()
    ).length

  it('opens a shift at the officer’s post and counter, shows it as current, and closes it, audited', async () => {
    const officer = await t.signIn('officer.poipet')
    expect((await officer.request('GET', '/api/shifts/current')).json()).toEqual({ shift: null })
    const opened = await officer.request('POST', '/api/shifts', { counter: ' a3 ' })
    expect(opened.statusCode).toBe(201)
    const shift = opened.json()
    expect(shift).toMatchObject({ postCode: 'LAND-POIPET', counter: 'A3', closedAt: null })
    expect((await officer.request('GET', '/api/shifts/current')).json().shift.id).toBe(shift.id)
    const listed = await officer.request('GET', '/api/shifts?post=LAND-POIPET')
    expect(listed.json().items.map((s: { id: string }) => s.id)).toContain(shift.id)

    const closed = await officer.request('POST', `/api/shifts/${shift.id}/close`)
    expect(closed.statusCode).toBe(200)
    expect(closed.json().closedAt).not.toBeNull()
    expect((await officer.request('GET', '/api/shifts/current')).json()).toEqual({ shift: null })
    expect(await auditCount('open', shift.id)).toBe(1)
    expect(await auditCount('close', shift.id)).toBe(1)

    const again = await officer.request('POST', `/api/shifts/${shift.id}/close`)
    expect(again.json().error.details[0].code).toBe('posts.shift.already_closed')
  })

  it('refuses a second open shift for one officer and a counter another officer holds', async () => {
    const officer = await t.signIn('officer.poipet')
    const supervisor = await t.signIn('supervisor.poipet')
    const mine = (await officer.request('POST', '/api/shifts', { counter: 'B1' })).json()
    const second = await officer.request('POST', '/api/shifts', { counter: 'B2' })
    expect(second.statusCode).toBe(422)
    expect(second.json().error.details[0]).toMatchObject({ code: 'posts.shift.already_open' })
    const taken = await supervisor.request('POST', '/api/shifts', { counter: 'b1' })
    expect(taken.statusCode).toBe(422)
    expect(taken.json().error.details[0].code).toBe('posts.shift.counter_taken')
    expect(taken.json().error.details[0].message).toContain(mine.officerName)
    await officer.request('POST', `/api/shifts/${mine.id}/close`)
    const freed = await supervisor.request('POST', '/api/shifts', { counter: 'B1' })
    expect(freed.statusCode).toBe(201)
    await supervisor.request('POST', `/api/shifts/${freed.json().id}/close`)
  })

  it('lets a supervisor free a counter an officer left open, but not another officer or another post', async () => {
    const officer = await t.signIn('officer.poipet')
    const chief = await t.signIn('chief.poipet')
    const customs = await t.signIn('customs.bavet')
    const supervisor = await t.signIn('supervisor.poipet')
    const held = (await supervisor.request('POST', '/api/shifts', { counter: 'C1' })).json()
    expect((await officer.request('POST', `/api/shifts/${held.id}/close`)).statusCode).toBe(403)
    expect((await customs.request('POST', `/api/shifts/${held.id}/close`)).statusCode).toBe(403)
    const freed = await chief.request('POST', `/api/shifts/${held.id}/close`)
    expect(freed.statusCode).toBe(200)
  })

  it('records a retried open once', async () => {
    const officer = await t.signIn('officer.poipet')
    const headers = { 'idempotency-key': 'shift-open-retry-1' }
    const first = await officer.request('POST', '/api/shifts', { counter: 'D1' }, headers)
    const retry = await officer.request('POST', '/api/shifts', { counter: 'D1' }, headers)
    expect([first.statusCode, retry.statusCode]).toEqual([201, 200])
    expect(retry.json().id).toBe(first.json().id)
    await officer.request('POST', `/api/shifts/${first.json().id}/close`)
  })

  it('gives one of two officers opening the same counter at once the counter', async () => {
    const officer = await t.signIn('officer.poipet')
    const supervisor = await t.signIn('supervisor.poipet')
    const answers = await Promise.all([
      officer.request('POST', '/api/shifts', { counter: 'E1' }),
      supervisor.request('POST', '/api/shifts', { counter: 'E1' }),
    ])
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1)
    const open = await t.store.db
      .selectFrom('shifts')
      .select('id')
      .where('counter', '=', 'E1')
      .where('closed_at', 'is', null)
      .execute()
    expect(open).toHaveLength(1)
    await officer.request('POST', `/api/shifts/${open[0]!.id}/close`)
  })

  it('keeps shifts to the border roles and refuses an empty counter', async () => {
    const worker = await t.signIn('socialworker')
    expect((await worker.request('POST', '/api/shifts', { counter: 'A1' })).statusCode).toBe(403)
    expect((await worker.request('GET', '/api/shifts/current')).statusCode).toBe(403)
    const officer = await t.signIn('officer.poipet')
    const blank = await officer.request('POST', '/api/shifts', { counter: '   ' })
    expect(blank.statusCode).toBe(400)
    expect((await officer.request('GET', '/api/shifts?post=LAND-BAVET')).statusCode).toBe(403)
  })
})

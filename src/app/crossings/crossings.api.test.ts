import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { crossingCount, daysAgo, decisionFor, inspect, passportMrz, pastEntry } from './crossings.testing.ts'

describe.each(engines())('primary inspection and crossings on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  it('inspects a passport in one request and admits the entry, linking screening and risk', async () => {
    const officer = await t.signIn('officer.poipet')
    const i = await inspect(officer, passportMrz('AA1000001'))
    expect(i.traveller).toMatchObject({ surname: 'SOMCHAI', givenNames: 'ANONG', nationality: 'THA' })
    expect(i.history).toEqual([])
    expect(i.currentStay).toBeNull()
    expect(i.risk.id).toBeTruthy()
    expect(i.screening.requestId).toBeTruthy()
    expect(i.refusalReasons.map((r: { code: string }) => r.code)).toContain('no_valid_visa')
    expect(await crossingCount(t, i.traveller.id)).toBe(0)

    const permit = {
      type: 'tourist_visa',
      number: 'T123456',
      validUntil: daysAgo(-60),
      permittedStayDays: 30,
    }
    const res = await officer.request(
      'POST',
      '/api/crossings',
      decisionFor(i, { purpose: 'tourism', permit, transport: { kind: 'land', vehiclePlate: 'กข 1234' } }),
    )
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      direction: 'entry',
      decision: 'admit',
      postCode: 'LAND-POIPET',
      permit: { permittedStayDays: 30 },
      transport: { kind: 'land', vehiclePlate: 'กข 1234' },
      riskEvaluationId: i.risk.id,
      flags: [],
    })
    const linked = await t.store.db
      .selectFrom('screening_requests')
      .select('crossing_id')
      .where('id', '=', i.screening.requestId)
      .executeTakeFirstOrThrow()
    expect(linked.crossing_id).toBe(res.json().id)

    const again = await inspect(officer, passportMrz('AA1000001'))
    expect(again.history).toHaveLength(1)
    expect(again.currentStay).toMatchObject({ days: 1, permittedDays: 30, overstayDays: 0 })
    expect(again.expectedDirection).toBe('exit')
  })

  it('computes the stay and the overstay of an exit from the matching entry', async () => {
    const officer = await t.signIn('officer.poipet')
    const first = await inspect(officer, passportMrz('AA1000002'))
    const entryId = await pastEntry(t, {
      travellerId: first.traveller.id,
      documentId: first.document.id,
      day: daysAgo(39),
      permittedStayDays: 30,
    })
    const i = await inspect(officer, passportMrz('AA1000002'))
    expect(i.currentStay).toMatchObject({ entryId, days: 40, overstayDays: 10 })
    const res = await officer.request('POST', '/api/crossings', decisionFor(i, { direction: 'exit' }))
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      matchedEntryId: entryId,
      stayDays: 40,
      overstayDays: 10,
      flags: ['overstay'],
    })
  })

  it('records an exit without a recorded entry, flagged', async () => {
    const officer = await t.signIn('officer.poipet')
    const i = await inspect(officer, passportMrz('AA1000003'))
    const res = await officer.request('POST', '/api/crossings', decisionFor(i, { direction: 'exit' }))
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ stayDays: null, flags: ['exit_without_entry'] })
  })

  it('refuses a second entry while one is open, and a second exit, with a clear message', async () => {
    const officer = await t.signIn('officer.poipet')
    const supervisor = await t.signIn('supervisor.poipet')
    const i = await inspect(officer, passportMrz('AA1000004'))
    expect((await officer.request('POST', '/api/crossings', decisionFor(i))).statusCode).toBe(201)
    const j = await inspect(supervisor, passportMrz('AA1000004'))
    const twice = await supervisor.request('POST', '/api/crossings', decisionFor(j))
    expect(twice.statusCode).toBe(422)
    expect(twice.json().error.details[0]).toMatchObject({ code: 'crossings.rules.already_inside' })
    expect(twice.json().error.details[0].message).toContain('LAND-POIPET')
    expect(
      (await supervisor.request('POST', '/api/crossings', decisionFor(j, { direction: 'exit' }))).statusCode,
    ).toBe(201)
    const k = await inspect(officer, passportMrz('AA1000004'))
    const out = await officer.request('POST', '/api/crossings', decisionFor(k, { direction: 'exit' }))
    expect(out.json().error.details[0].code).toBe('crossings.rules.already_exited')
    expect(await crossingCount(t, i.traveller.id)).toBe(2)
  })

  it('lets only one of two officers recording the same entry at once succeed', async () => {
    const officer = await t.signIn('officer.poipet')
    const supervisor = await t.signIn('supervisor.poipet')
    const a = await inspect(officer, passportMrz('AA1000011'))
    const b = await inspect(supervisor, passportMrz('AA1000011'))
    const answers = await Promise.all([
      officer.request('POST', '/api/crossings', decisionFor(a)),
      supervisor.request('POST', '/api/crossings', decisionFor(b)),
    ])
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 422])
    expect(await crossingCount(t, a.traveller.id)).toBe(1)
  })

  it('refuses at the database a second admitted movement following the same one', async () => {
    const officer = await t.signIn('officer.poipet')
    const i = await inspect(officer, passportMrz('AA1000012'))
    const o = { travellerId: i.traveller.id, documentId: i.document.id, permittedStayDays: 30 }
    await pastEntry(t, { ...o, day: daysAgo(3) })
    await expect(pastEntry(t, { ...o, day: daysAgo(2) })).rejects.toThrow(/crossings_first_admitted_idx/)
  })

  it('records a crossing retried with the same Idempotency-Key once', async () => {
    const officer = await t.signIn('officer.poipet')
    const i = await inspect(officer, passportMrz('AA1000005'))
    const headers = { 'idempotency-key': 'crossing-retry-0001' }
    const first = await officer.request('POST', '/api/crossings', decisionFor(i), headers)
    const second = await officer.request('POST', '/api/crossings', decisionFor(i), headers)
    expect(first.statusCode).toBe(201)
    expect(second.statusCode).toBe(200)
    expect(second.json().id).toBe(first.json().id)
    expect(await crossingCount(t, i.traveller.id)).toBe(1)
  })

  it('records a refusal with its reason, and a second officer cannot admit the same day', async () => {
    const officer = await t.signIn('officer.poipet')
    const i = await inspect(officer, passportMrz('AA1000006'))
    const noReason = await officer.request('POST', '/api/crossings', decisionFor(i, { decision: 'refuse' }))
    expect(noReason.json().error.details[0].code).toBe('crossings.rules.reason_required')
    const refused = await officer.request(
      'POST',
      '/api/crossings',
      decisionFor(i, { decision: 'refuse', refusalReason: 'no_valid_visa' }),
    )
    expect(refused.statusCode).toBe(201)
    expect(refused.json()).toMatchObject({ decision: 'refuse', refusalReason: 'no_valid_visa' })
    const supervisor = await t.signIn('supervisor.poipet')
    const j = await inspect(supervisor, passportMrz('AA1000006'))
    expect(j.history[0]).toMatchObject({ decision: 'refuse' })
    const admit = await supervisor.request('POST', '/api/crossings', decisionFor(j))
    expect(admit.json().error.details[0].code).toBe('crossings.rules.refused_today')
    expect(await crossingCount(t, i.traveller.id)).toBe(1)
  })

  it('refuses to admit a child under 12 without a guardian, storing nothing, and admits one with a parent', async () => {
    const officer = await t.signIn('officer.poipet')
    const child = await inspect(officer, passportMrz('AA1000007', { birthDate: daysAgo(8 * 365) }))
    const alone = await officer.request('POST', '/api/crossings', decisionFor(child))
    expect(alone.statusCode).toBe(422)
    expect(alone.json().error.details[0]).toMatchObject({
      code: 'crossings.rules.child_without_guardian',
      message: expect.stringContaining('guardian'),
    })
    expect(await crossingCount(t, child.traveller.id)).toBe(0)
    const parent = await inspect(officer, passportMrz('AA1000008'))
    const companions = [{ travellerId: parent.traveller.id, relation: 'parent' }]
    const res = await officer.request('POST', '/api/crossings', decisionFor(child, { companions }))
    expect(res.statusCode).toBe(201)
    expect(res.json().companions).toMatchObject([{ travellerId: parent.traveller.id, relation: 'parent' }])
    const history = await officer.request('GET', `/api/crossings?traveller=${child.traveller.id}`)
    expect(history.json().items[0].companions).toMatchObject([
      { travellerId: parent.traveller.id, relation: 'parent' },
    ])
  })

  it('refuses an unreadable document with its errors, and links only advice from the same post', async () => {
    const officer = await t.signIn('officer.poipet')
    const bad = await officer.request('POST', '/api/crossings/inspect', {
      text: passportMrz('AA1000009').replace('\nAA1', '\nAB1'),
    })
    expect(bad.statusCode).toBe(400)
    const detail = bad.json().error.details[0]
    expect(detail.code).toMatch(/^documents\.mrz\./)
    expect(detail.message).not.toBe(detail.code)
    const i = await inspect(officer, passportMrz('AA1000009'))
    const bavet = await t.signIn('customs.bavet')
    const stolen = await bavet.request('POST', '/api/crossings', decisionFor(i))
    expect(stolen.json().error.details[0].code).toBe('crossings.unknown_evaluation')
  })

  it('shows the history to the post’s officers and analysts, not to an officer at another post', async () => {
    const officer = await t.signIn('officer.poipet')
    const i = await inspect(officer, passportMrz('AA1000010'))
    await officer.request('POST', '/api/crossings', decisionFor(i))
    const url = `/api/crossings?traveller=${i.traveller.id}`
    expect((await officer.request('GET', url)).json().items).toHaveLength(1)
    expect((await (await t.signIn('chief.poipet')).request('GET', url)).statusCode).toBe(200)
    expect((await (await t.signIn('analyst')).request('GET', url)).json().items).toHaveLength(1)
    const elsewhere = await (await t.signIn('customs.bavet')).request('GET', url)
    expect(elsewhere.statusCode).toBe(403)
    expect((await (await t.signIn('socialworker')).request('GET', url)).statusCode).toBe(403)
  })
})

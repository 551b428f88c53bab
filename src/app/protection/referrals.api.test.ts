import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { POIPET_CENTRE, referFromBorder, referralBody } from './protection.testing.ts'

describe.each(engines())('referrals to protection on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  const count = async (table: 'protection_referrals' | 'protection_persons') =>
    Number(
      (
        await t.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('lets a border officer refer a presumed victim and see only the status', async () => {
    const officer = await t.signIn('officer.poipet')
    const res = await officer.request('POST', '/api/protection/referrals', referralBody(), {
      'idempotency-key': 'refer-once-0001',
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ state: 'pending', toAgency: 'MOSVY', fromPost: 'LAND-POIPET' })
    expect(res.json()).not.toHaveProperty('person')
    const again = await officer.request('POST', '/api/protection/referrals', referralBody(), {
      'idempotency-key': 'refer-once-0001',
    })
    expect(again.statusCode).toBe(200)
    expect(again.json().id).toBe(res.json().id)

    const sent = await officer.request('GET', '/api/protection/referrals?box=outgoing')
    expect(sent.json().content).toBe(false)
    const mine = sent.json().items.find((r: { id: string }) => r.id === res.json().id)
    expect(Object.keys(mine).sort()).toEqual([
      'answeredAt',
      'completedAt',
      'createdAt',
      'fromAgency',
      'fromPost',
      'id',
      'provider',
      'state',
      'toAgency',
    ])
    expect((await officer.request('GET', '/api/protection/referrals?box=incoming')).statusCode).toBe(403)
  })

  it('shows the provider the content, and accepting opens a case and takes a bed', async () => {
    const officer = await t.signIn('officer.poipet')
    const id = await referFromBorder(officer)
    const worker = await t.signIn('socialworker')
    const inbox = (await worker.request('GET', '/api/protection/referrals?box=incoming&state=pending')).json()
    const item = inbox.items.find((r: { id: string }) => r.id === id)
    expect(item.person.givenKhmer).toBe('ស្រីពៅ')
    expect(item.services).toEqual(['shelter', 'food', 'medicalCare'])
    const beds = async () =>
      (await worker.request('GET', '/api/protection/providers'))
        .json()
        .find((p: { id: string }) => p.id === POIPET_CENTRE).freeBeds
    const before = await beds()
    const accepted = await worker.request('POST', `/api/protection/referrals/${id}/events`, {
      type: 'accept',
    })
    expect(accepted.statusCode).toBe(200)
    expect(accepted.json().state).toBe('accepted')
    expect(accepted.json().caseId).toBeTruthy()
    expect(await beds()).toBe(before - 1)
    const again = await worker.request('POST', `/api/protection/referrals/${id}/events`, { type: 'accept' })
    expect(again.statusCode).toBe(422)
    expect(again.json().error.details[0].code).toBe('protection.errors.transitionNotAllowed')
  })

  it('refuses a referral to a provider with no free bed, and writes nothing', async () => {
    const manager = await t.signIn('casemanager')
    await manager.request('PATCH', `/api/protection/providers/${POIPET_CENTRE}`, {
      shelterBeds: 3,
      shelterOccupied: 3,
    })
    const [referrals, persons] = [await count('protection_referrals'), await count('protection_persons')]
    const officer = await t.signIn('officer.poipet')
    const res = await officer.request('POST', '/api/protection/referrals', referralBody())
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('capacity_exhausted')
    expect(res.json().error.details[0]).toMatchObject({
      code: 'protection.errors.noCapacity',
      params: { organisation: 'MoSVY Poipet transit centre' },
    })
    expect([await count('protection_referrals'), await count('protection_persons')]).toEqual([
      referrals,
      persons,
    ])
    await manager.request('PATCH', `/api/protection/providers/${POIPET_CENTRE}`, {
      shelterBeds: 40,
      shelterOccupied: 0,
    })
  })

  it('blocks a referral without consent unless a case manager overrides with a reason, audited', async () => {
    const officer = await t.signIn('officer.poipet')
    const blocked = await officer.request('POST', '/api/protection/referrals', referralBody({ consents: [] }))
    expect(blocked.statusCode).toBe(422)
    expect(blocked.json().error.details[0].code).toBe('protection.errors.consentRequired')
    const overridden = {
      ground: 'vitalInterest',
      reason: 'Unconscious at the checkpoint, needs a hospital now.',
    }
    const notAllowed = await officer.request(
      'POST',
      '/api/protection/referrals',
      referralBody({ consents: [], override: overridden }),
    )
    expect(notAllowed.json().error.details[0].code).toBe('protection.errors.overrideNotPermitted')

    const manager = await t.signIn('casemanager')
    const res = await manager.request(
      'POST',
      '/api/protection/referrals',
      referralBody({ consents: [], override: overridden }),
    )
    expect(res.statusCode).toBe(201)
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('record_id', '=', res.json().id)
      .where('action', '=', 'consent_override')
      .executeTakeFirstOrThrow()
    expect(audit.details).toMatchObject({ ground: 'vitalInterest', overridden: ['services'] })
  })

  it('keeps providers managed by administrators and case managers only', async () => {
    const officer = await t.signIn('officer.poipet')
    const denied = await officer.request('PATCH', `/api/protection/providers/${POIPET_CENTRE}`, {
      shelterBeds: 1,
    })
    expect(denied.statusCode).toBe(403)
    const admin = await t.signIn('admin')
    const created = await admin.request('POST', '/api/protection/providers', {
      agencyCode: 'NGO',
      nameEn: 'Test clinic',
      nameKm: 'គ្លីនិកសាកល្បង',
      type: 'HealthServiceOrganisation',
      services: ['medicalCare'],
      provinceCode: 'KH-1',
      location: '',
      contactName: '',
      phone: '',
      email: '',
      shelterBeds: null,
      shelterOccupied: 0,
      active: true,
    })
    expect(created.statusCode).toBe(201)
    expect(created.json().freeBeds).toBeNull()
  })

  it('lets the referring post withdraw a pending referral with a reason, and no one else', async () => {
    const officer = await t.signIn('officer.poipet')
    const id = await referFromBorder(officer)
    const worker = await t.signIn('socialworker')
    const other = await worker.request('POST', `/api/protection/referrals/${id}/events`, {
      type: 'withdraw',
      reason: 'x',
    })
    expect(other.statusCode).toBe(403)
    const noReason = await officer.request('POST', `/api/protection/referrals/${id}/events`, {
      type: 'withdraw',
      reason: '',
    })
    expect(noReason.statusCode).toBe(400)
    const res = await officer.request('POST', `/api/protection/referrals/${id}/events`, {
      type: 'withdraw',
      reason: 'The person went home with family',
    })
    expect(res.json()).toMatchObject({ state: 'withdrawn', caseId: null })
    const accept = await worker.request('POST', `/api/protection/referrals/${id}/events`, { type: 'accept' })
    expect(accept.json().error.details[0].params).toEqual({ state: 'withdrawn', event: 'accept' })
  })

  it('tells the officer the recommendation before any referral, storing nothing', async () => {
    const officer = await t.signIn('officer.poipet')
    const { answers } = referralBody()
    const before = await count('protection_persons')
    const res = await officer.request('POST', '/api/protection/screenings/assess', { answers })
    expect(res.json()).toMatchObject({ outcome: 'presumedVictim', isChild: false })
    const { age: _age, ...noAge } = answers
    const missing = await officer.request('POST', '/api/protection/screenings/assess', { answers: noAge })
    expect(missing.json().error.details[0]).toMatchObject({
      code: 'protection.errors.unansweredQuestion',
      params: { question: 'appearsUnder18' },
    })
    expect(await count('protection_persons')).toBe(before)
    expect(
      (await (await t.signIn('analyst')).request('POST', '/api/protection/screenings/assess', { answers }))
        .statusCode,
    ).toBe(403)
  })
})

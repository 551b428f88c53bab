import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { POIPET_CENTRE, presumedVictimAnswers } from '../protection/protection.testing.ts'
import { countReturnees, register, returneeBody } from './returns.testing.ts'

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1f7e7e30000000049454e44ae426082',
  'hex',
)

const consent = (purpose: string) => ({
  purpose,
  decision: 'given',
  givenBy: 'self',
  guardianName: null,
  method: 'verbal',
})

describe.each(engines())('returnee registration on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  it("registers a returnee at the officer's post with the phone in E.164, once for a retried request", async () => {
    const officer = await t.signIn('officer.poipet')
    const body = returneeBody({ givenLatin: 'Once' })
    const first = await register(officer, body, {}, 'returnee-once-0001')
    expect(first.statusCode).toBe(201)
    expect(first.json()).toMatchObject({
      postCode: 'LAND-POIPET',
      phone: '+85512345678',
      needs: ['food'],
      referralProposed: false,
    })
    const before = await countReturnees(t)
    const again = await register(officer, body, {}, 'returnee-once-0001')
    expect(again.statusCode).toBe(200)
    expect(again.json().id).toBe(first.json().id)
    expect(await countReturnees(t)).toBe(before)
    const row = await t.store.db
      .selectFrom('returnees')
      .selectAll()
      .where('id', '=', first.json().id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      post_code: 'LAND-POIPET',
      nationality: 'KHM',
      return_province: 'KH-14',
      triage_flags: [],
    })
    expect(row.registered_on).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it.each([
    [
      'an impossible date',
      { birthDate: '1990-02-30' },
      'body.birthDate',
      'returns.errors.invalid_birth_date',
    ],
    [
      'no name',
      { familyLatin: null, givenLatin: '  ', familyKhmer: null, givenKhmer: null },
      'body.name',
      'returns.errors.name_required',
    ],
    [
      'an unknown province',
      { originProvince: 'KH-99' },
      'body.originProvince',
      'returns.errors.unknown_province',
    ],
    ['a phone that cannot be dialled', { phone: '12' }, 'body.phone', 'returns.errors.invalid_phone'],
    [
      'an adult flagged as an unaccompanied child',
      { triageFlags: ['unaccompanied_child'] },
      'body.triageFlags',
      'returns.errors.unaccompanied_child_adult',
    ],
  ])('refuses %s with a translated message and stores nothing', async (_what, over, path, code) => {
    const officer = await t.signIn('officer.poipet')
    const before = await countReturnees(t)
    const res = await register(officer, returneeBody(over))
    expect(res.statusCode).toBe(400)
    const detail = res.json().error.details.find((d: { path: string }) => d.path === path)
    expect(detail).toMatchObject({ code })
    expect(detail.message).not.toBe(code)
    expect(await countReturnees(t)).toBe(before)
  })

  it("answers in the signed-in user's language", async () => {
    const officer = await t.signIn('officer.poipet')
    const en = await register(officer, returneeBody({ birthDate: '1990-13-01' }))
    const supervisor = await t.signIn('supervisor.poipet')
    await supervisor.request('PUT', '/api/auth/locale', { locale: 'km' })
    const km = await register(supervisor, returneeBody({ birthDate: '1990-13-01' }))
    expect(km.json().error.details[0].message).not.toBe(en.json().error.details[0].message)
    expect(km.json().error.details[0].message).toMatch(/[\u1780-\u17FF]/)
  })

  it('proposes a referral for an unaccompanied child registered without one', async () => {
    const officer = await t.signIn('officer.poipet')
    const res = await register(
      officer,
      returneeBody({ birthDate: null, estimatedAge: 14, triageFlags: ['unaccompanied_child'] }),
    )
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      triageFlags: ['child', 'unaccompanied_child'],
      referralProposed: true,
      referralId: null,
    })
  })

  it('refers a returnee to protection in the same transaction, and a refused referral leaves no registration', async () => {
    const officer = await t.signIn('officer.poipet')
    const referral = {
      providerId: POIPET_CENTRE,
      services: ['food', 'shelter'],
      note: 'Says she was held in a scam compound',
      consents: [consent('services'), consent('sharing')],
      answers: presumedVictimAnswers,
    }
    const before = await countReturnees(t)
    // Consent refused (not merely not yet asked) blocks the referral, and with it the registration.
    const refused = await register(officer, returneeBody({ givenLatin: 'Refused' }), {
      referral: {
        ...referral,
        consents: [consent('services'), { ...consent('sharing'), decision: 'refused' }],
      },
    })
    expect(refused.statusCode).toBe(422)
    expect(await countReturnees(t)).toBe(before)
    const res = await register(
      officer,
      returneeBody({ givenLatin: 'Referred', sex: 'F', triageFlags: ['trafficking_indicators'] }),
      { referral },
    )
    expect(res.statusCode).toBe(201)
    expect(res.json().referralProposed).toBe(false)
    const saved = await t.store.db
      .selectFrom('protection_referrals')
      .innerJoin('protection_persons as p', 'p.id', 'protection_referrals.person_id')
      .select(['protection_referrals.from_post', 'p.given_latin', 'p.gender', 'p.mobile_phone'])
      .where('protection_referrals.id', '=', res.json().referralId)
      .executeTakeFirstOrThrow()
    expect(saved).toEqual({
      from_post: 'LAND-POIPET',
      given_latin: 'Referred',
      gender: 'female',
      mobile_phone: '+85512345678',
    })
  })

  it("keeps registrations at their post: another post's officer can neither list nor correct them", async () => {
    const officer = await t.signIn('officer.poipet')
    const id = (await register(officer, returneeBody({ givenLatin: 'Local' }))).json().id
    const bavet = await t.signIn('customs.bavet')
    expect((await bavet.request('GET', '/api/returns?post=LAND-POIPET')).statusCode).toBe(403)
    expect((await bavet.request('PUT', `/api/returns/${id}`, { returnee: returneeBody() })).statusCode).toBe(
      403,
    )
    expect(
      (await bavet.request('GET', '/api/returns')).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(id)
    const worker = await t.signIn('socialworker')
    const all = await worker.request('GET', '/api/returns?q=Local')
    expect(all.json().items.map((i: { id: string }) => i.id)).toContain(id)
  })

  it("lists today's registrations at the post, newest first, and finds them by Khmer name", async () => {
    const officer = await t.signIn('officer.poipet')
    const id = (
      await register(
        officer,
        returneeBody({ givenLatin: null, familyLatin: null, familyKhmer: 'ឡុង', givenKhmer: 'បុរី' }),
      )
    ).json().id
    const list = (await officer.request('GET', '/api/returns')).json()
    expect(list.items[0].id).toBe(id)
    expect(list.total).toBeGreaterThanOrEqual(list.items.length)
    const found = (await officer.request('GET', `/api/returns?q=${encodeURIComponent('បុរី')}`)).json()
    expect(found.items.map((i: { id: string }) => i.id)).toEqual([id])
  })

  it('corrects a registration, derives the child flag again and audits the changed fields only', async () => {
    const officer = await t.signIn('officer.poipet')
    const id = (await register(officer, returneeBody({ givenLatin: 'Young' }))).json().id
    const res = await officer.request('PUT', `/api/returns/${id}`, {
      returnee: returneeBody({ givenLatin: 'Young', birthDate: null, estimatedAge: 12 }),
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ estimatedAge: 12, triageFlags: ['child'] })
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select('details')
      .where('record_id', '=', id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow()
    expect(audit.details).toEqual({ changed: ['birth_date', 'estimated_age', 'triage_flags'] })
    const bad = await officer.request('PUT', `/api/returns/${id}`, {
      returnee: returneeBody({ birthDate: '2999-01-01' }),
    })
    expect(bad.statusCode).toBe(400)
    const after = await t.store.db
      .selectFrom('returnees')
      .select('estimated_age')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(after.estimated_age).toBe(12)
  })

  it('keeps a photo whose bytes are the declared image, and refuses one that is not', async () => {
    const officer = await t.signIn('officer.poipet')
    const id = (await register(officer, returneeBody({ givenLatin: 'Photo' }))).json().id
    const fake = await officer.request('PUT', `/api/returns/photos/${id}`, Buffer.from('not an image'), {
      'content-type': 'image/png',
    })
    expect(fake.statusCode).toBe(400)
    const put = await officer.request('PUT', `/api/returns/photos/${id}`, PNG, {
      'content-type': 'image/png',
    })
    expect(put.statusCode).toBe(200)
    const got = await officer.request('GET', `/api/returns/photos/${id}`)
    expect(got.headers['content-type']).toBe('image/png')
    expect(got.rawPayload.equals(PNG)).toBe(true)
    const listed = (await officer.request('GET', '/api/returns?q=Photo')).json().items[0]
    expect(listed.hasPhoto).toBe(true)
  })

  it('refuses registration to roles without the grant', async () => {
    const analyst = await t.signIn('analyst')
    expect((await register(analyst, returneeBody(), { postCode: 'LAND-POIPET' })).statusCode).toBe(403)
    const manager = await t.signIn('casemanager')
    expect((await register(manager, returneeBody(), { postCode: 'LAND-POIPET' })).statusCode).toBe(403)
    expect((await manager.request('GET', '/api/returns?post=LAND-POIPET')).statusCode).toBe(200)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'

describe.each(engines())('reference data on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  it('seeds the 24 points of entry, 25 provinces and 249 countries with Khmer names', async () => {
    const officer = await t.signIn('officer.poipet')
    const posts = (await officer.request('GET', '/api/posts')).json()
    expect(posts).toHaveLength(24)
    expect(posts.find((p: { code: string }) => p.code === 'LAND-POIPET')).toMatchObject({
      type: 'land',
      provinceCode: 'KH-1',
      neighbourCountry: 'TH',
    })
    const provinces = (await officer.request('GET', '/api/provinces')).json()
    expect(provinces).toHaveLength(25)
    expect(provinces[0]).toEqual({ code: 'KH-1', nameEn: 'Banteay Meanchey', nameKm: 'បន្ទាយមានជ័យ' })
    const countries = (await officer.request('GET', '/api/countries')).json()
    expect(countries).toHaveLength(249)
    expect(countries.every((c: { nameKm: string }) => /[\u1780-\u17FF]/.test(c.nameKm))).toBe(true)
  })

  it('knows the ICAO codes: D for Germany, and the stateless and refugee statuses', async () => {
    const officer = await t.signIn('officer.poipet')
    const countries = (await officer.request('GET', '/api/countries')).json()
    expect(countries.find((c: { alpha3: string }) => c.alpha3 === 'DEU').icaoCode).toBe('D')
    expect(countries.find((c: { alpha3: string }) => c.alpha3 === 'KHM').icaoCode).toBe('KHM')
    const codes = (await officer.request('GET', '/api/icao-codes')).json()
    expect(codes.find((c: { code: string }) => c.code === 'XXA')).toMatchObject({ kind: 'status' })
    expect(codes.map((c: { code: string }) => c.code)).toEqual(
      expect.arrayContaining(['UNO', 'XXB', 'XXC', 'EUE', 'GBD']),
    )
  })

  it('lets an administrator add and edit a point of entry, audited', async () => {
    const admin = await t.signIn('admin')
    const created = await admin.request('POST', '/api/posts', {
      code: 'LAND-TEST',
      nameEn: 'Test Checkpoint',
      nameKm: 'ច្រកសាកល្បង',
      type: 'land',
      provinceCode: 'KH-2',
      neighbourCountry: 'TH',
      neighbourPost: null,
    })
    expect(created.statusCode).toBe(201)
    const edited = await admin.request('PATCH', '/api/posts/LAND-TEST', { active: false })
    expect(edited.json().active).toBe(false)
    const audit = (await admin.request('GET', '/api/audit?resource=post')).json()
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create'])
  })

  it('refuses a post in an unknown province and changes nothing', async () => {
    const admin = await t.signIn('admin')
    const res = await admin.request('POST', '/api/posts', {
      code: 'LAND-NOWHERE',
      nameEn: 'Nowhere',
      nameKm: 'គ្មាន',
      type: 'land',
      provinceCode: 'KH-99',
      neighbourCountry: null,
      neighbourPost: null,
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details[0]).toMatchObject({ path: 'body.provinceCode', code: 'unknown_province' })
    expect(
      (await admin.request('GET', '/api/posts'))
        .json()
        .some((p: { code: string }) => p.code === 'LAND-NOWHERE'),
    ).toBe(false)
  })

  it('forbids anyone but an administrator to change agencies or posts', async () => {
    const chief = await t.signIn('chief.poipet')
    const res = await chief.request('PATCH', '/api/posts/LAND-POIPET', { nameEn: 'Renamed' })
    expect(res.statusCode).toBe(403)
    const agency = await chief.request('POST', '/api/agencies', {
      code: 'X1',
      nameEn: 'X',
      nameKm: 'X',
      kind: 'ngo',
    })
    expect(agency.statusCode).toBe(403)
  })
})

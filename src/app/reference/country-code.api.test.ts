import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { presumedVictimAnswers, referralBody } from '../protection/protection.testing.ts'
import { importList, register, returneeBody } from '../returns/returns.testing.ts'

/** Nationalities are countries that exist: ZZZ, QQQ and the like are refused wherever a person is written. */
describe.each(engines())('country codes on records on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  const returnees = async () => (await t.store.db.selectFrom('returnees').select('id').execute()).length

  it.each(['ZZZ', 'QQQ', 'ABC'])(
    'refuses a returnee of nationality %s, translated, storing nothing',
    async (code) => {
      const officer = await t.signIn('officer.poipet')
      await officer.request('PUT', '/api/auth/locale', { locale: 'km' })
      const before = await returnees()
      const res = await register(officer, returneeBody({ familyLatin: `Code ${code}`, nationality: code }))
      expect(res.statusCode).toBe(400)
      const detail = res.json().error.details.find((d: { path: string }) => d.path === 'body.nationality')
      expect(detail).toMatchObject({ code: 'returns.errors.unknown_nationality' })
      expect(detail.message).toMatch(/[\u1780-\u17FF]/)
      expect(await returnees()).toBe(before)
      await officer.request('PUT', '/api/auth/locale', { locale: 'en' })
    },
  )

  it('accepts a real country and refuses ZZZ on a correction', async () => {
    const officer = await t.signIn('officer.poipet')
    const ok = await register(officer, returneeBody({ familyLatin: 'Thai', nationality: 'THA' }))
    expect(ok.statusCode, ok.body).toBe(201)
    const id = ok.json().id
    const res = await officer.request('PUT', `/api/returns/${id}`, {
      returnee: returneeBody({ familyLatin: 'Thai', nationality: 'ZZZ' }),
      note: 'Corrected nationality',
    })
    expect(res.statusCode).toBe(400)
    const row = await t.store.db
      .selectFrom('returnees')
      .select('nationality')
      .where('id', '=', id)
      .executeTakeFirst()
    expect(row?.nationality).toBe('THA')
  })

  it('refuses a ZZZ row of a return list by row and column', async () => {
    const officer = await t.signIn('officer.poipet')
    const csv = 'no,family_name,given_name,sex,age,nationality\n1,Meas,Sokha,F,31,ZZZ\n2,Meas,Dara,M,30,VNM\n'
    const { done } = await importList(officer, { bytes: csv, listRef: 'ZZZ-1' })
    expect(done.import).toMatchObject({ total: 2, added: 1, rejected: 1 })
    expect(done.import.issues).toContainEqual(
      expect.objectContaining({ row: 2, column: 'nationality', code: 'unknown_nationality' }),
    )
  })

  it('refuses a protection person of nationality ZZZ with validation.unknown_country', async () => {
    const worker = await t.signIn('socialworker')
    const { person } = referralBody()
    const res = await worker.request('POST', '/api/protection/screenings', {
      person: { ...person, nationality: 'ZZZ' },
      answers: presumedVictimAnswers,
      context: 'standalone',
    })
    expect(res.statusCode).toBe(400)
    const detail = res
      .json()
      .error.details.find((d: { path: string }) => d.path === 'body.person.nationality')
    expect(detail).toMatchObject({ code: 'validation.unknown_country' })
    const real = await worker.request('POST', '/api/protection/screenings', {
      person: { ...person, nationality: 'MMR' },
      answers: presumedVictimAnswers,
      context: 'standalone',
    })
    expect(real.statusCode, real.body).toBe(201)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { referFromBorder, referralBody } from './protection.testing.ts'

const person = (over: Record<string, unknown>) => ({ person: { ...referralBody().person, ...over } })

describe.each(engines())('possible duplicate persons on %s', (engine) => {
  let t: TestApp
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    t = await createTestApp(engine)
    const officer = await t.signIn('officer.poipet')
    for (const [key, over] of Object.entries({
      first: { familyLatin: 'Chan', givenLatin: 'Sreypov', birthDate: '2001-04-09' },
      variant: {
        familyLatin: 'Chann',
        givenLatin: 'Sreypov',
        birthDate: '2001-04-09',
        givenKhmer: null,
        familyKhmer: null,
      },
      other: {
        familyLatin: 'Keo',
        givenLatin: 'Dara',
        givenKhmer: 'តារា',
        familyKhmer: 'កែវ',
        birthDate: '2001-04-09',
      },
    })) {
      const referralId = await referFromBorder(officer, person(over))
      const row = await t.store.db
        .selectFrom('protection_referrals')
        .select('person_id')
        .where('id', '=', referralId)
        .executeTakeFirstOrThrow()
      ids[key] = row.person_id
    }
  })
  afterAll(() => t.close())

  it('proposes the romanisation variant of the same person, explained, and not a different person', async () => {
    const worker = await t.signIn('socialworker')
    const res = await worker.request('GET', `/api/protection/persons/${ids.first}/duplicates`)
    expect(res.statusCode).toBe(200)
    const found = res.json() as {
      person: { id: string }
      decision: string
      matchedParts: { method: string }[]
    }[]
    expect(found.map((d) => d.person.id)).toEqual([ids.variant])
    expect(found[0]!.matchedParts.length).toBeGreaterThan(0)
  })

  it('merges on the worker’s decision, moving the referral and auditing the reason', async () => {
    const worker = await t.signIn('socialworker')
    const res = await worker.request('POST', `/api/protection/persons/${ids.variant}/merge`, {
      keepId: ids.first,
      reason: 'Same passport photo and birth date',
    })
    expect(res.statusCode).toBe(200)
    const referrals = await t.store.db.selectFrom('protection_referrals').select('person_id').execute()
    expect(referrals.filter((r) => r.person_id === ids.variant)).toEqual([])
    const again = await worker.request('GET', `/api/protection/persons/${ids.first}/duplicates`)
    expect(again.json()).toEqual([])
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('record_id', '=', ids.variant!)
      .where('action', '=', 'merge')
      .executeTakeFirstOrThrow()
    expect(audit.details).toMatchObject({ into: ids.first, reason: 'Same passport photo and birth date' })
  })

  it('refuses a second merge of the same record and a merge into itself, changing nothing', async () => {
    const worker = await t.signIn('socialworker')
    const twice = await worker.request('POST', `/api/protection/persons/${ids.variant}/merge`, {
      keepId: ids.other,
      reason: 'Trying again by mistake',
    })
    expect(twice.statusCode).toBe(422)
    expect(twice.json().error.details[0].message).toMatch(/already merged/)
    const self = await worker.request('POST', `/api/protection/persons/${ids.other}/merge`, {
      keepId: ids.other,
      reason: 'Pointless merge',
    })
    expect(self.statusCode).toBe(422)
  })

  it('keeps duplicates and merges away from border officers', async () => {
    const officer = await t.signIn('officer.poipet')
    expect((await officer.request('GET', `/api/protection/persons/${ids.first}/duplicates`)).statusCode).toBe(
      403,
    )
    const merge = await officer.request('POST', `/api/protection/persons/${ids.other}/merge`, {
      keepId: ids.first,
      reason: 'Not my decision to make',
    })
    expect(merge.statusCode).toBe(403)
  })
})

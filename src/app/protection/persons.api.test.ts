import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { POIPET_CENTRE, presumedVictimAnswers, referralBody } from './protection.testing.ts'

describe.each(engines())('screening, persons and consent on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  const child = {
    ...presumedVictimAnswers,
    age: 15,
    childCarer: 'unrelatedAdult',
    childSafeToContactFamily: 'unsure',
  }

  it('screens a child on its own, follows the child path, and guards the child’s consent', async () => {
    const worker = await t.signIn('socialworker')
    const { person } = referralBody()
    const res = await worker.request('POST', '/api/protection/screenings', {
      person: { ...person, givenKhmer: 'Sreypov' },
      answers: child,
      context: 'standalone',
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.details[0].code).toBe('protection.errors.khmerNameNotKhmer')

    const ok = await worker.request('POST', '/api/protection/screenings', {
      person,
      answers: child,
      context: 'returnee',
    })
    expect(ok.statusCode).toBe(201)
    const { personId, identification } = ok.json()
    expect(identification).toMatchObject({
      outcome: 'presumedVictim',
      isChild: true,
      childStatus: 'unaccompanied',
    })
    expect(identification.bestInterestsSteps).toContain('appointGuardian')

    const self = {
      purpose: 'services',
      decision: 'given',
      givenBy: 'self',
      guardianName: null,
      method: 'verbal',
    }
    const refused = await worker.request('POST', `/api/protection/persons/${personId}/consents`, self)
    expect(refused.json().error.details[0].code).toBe('protection.errors.childConsentNeedsGuardian')
    const byGuardian = { ...self, givenBy: 'appointedGuardian', guardianName: 'Keo Sophal' }
    const given = await worker.request('POST', `/api/protection/persons/${personId}/consents`, byGuardian)
    expect(given.statusCode).toBe(201)
    expect(given.json().status).toEqual({ services: 'given', sharing: 'notAsked', reporting: 'notAsked' })

    const opened = await worker.request('POST', '/api/protection/cases', { personId })
    expect(opened.statusCode).toBe(201)
    const read = await worker.request('GET', `/api/protection/persons/${personId}`)
    expect(read.json().identifications[0].outcome).toBe('presumedVictim')
    const officer = await t.signIn('officer.poipet')
    expect((await officer.request('GET', `/api/protection/persons/${personId}`)).statusCode).toBe(403)
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('record_id', '=', personId)
      .where('action', 'in', ['read', 'read_denied'])
      .orderBy('seq')
      .execute()
    expect(audit).toEqual([
      { action: 'read', actor_username: 'socialworker' },
      { action: 'read_denied', actor_username: 'officer.poipet' },
    ])
  })

  it('refers a followed person from their case once sharing is consented, and shows it on the timeline', async () => {
    const worker = await t.signIn('socialworker')
    const cases = (await worker.request('GET', '/api/protection/cases')).json()
    const c = cases[0]
    const body = {
      personId: c.person.id,
      caseId: c.id,
      consents: [],
      providerId: POIPET_CENTRE,
      services: ['food'],
      note: '',
      override: null,
    }
    // Same agency: services consent suffices, sharing is not needed.
    const res = await worker.request('POST', '/api/protection/referrals', body)
    expect(res.statusCode).toBe(201)
    const view = (await worker.request('GET', `/api/protection/cases/${c.id}`)).json()
    expect(view.timeline.map((e: { kind: string }) => e.kind)).toContain('referral')
    expect(view.referrals[0].services).toEqual(['food'])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { POIPET_CENTRE, presumedVictimAnswers } from '../protection/protection.testing.ts'
import { countReturnees, register, returneeBody } from './returns.testing.ts'

/** What an officer at a mass return gives: the flag, a short reason, where to. No consent, no screening. */
const flagOnly = {
  providerId: POIPET_CENTRE,
  services: ['shelter'],
  note: 'Says she was held in a scam compound',
}

describe.each(engines())('a trafficking-flagged returnee referred before identification, on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  const flagged = (givenLatin: string) =>
    returneeBody({ givenLatin, sex: 'F', triageFlags: ['trafficking_indicators'] })

  /** Registers with the flag and reason only, has the social worker accept, and returns the case id. */
  async function referredCase(givenLatin: string): Promise<string> {
    const officer = await t.signIn('officer.poipet')
    const res = await register(officer, flagged(givenLatin), { referral: flagOnly })
    expect(res.statusCode).toBe(201)
    const worker = await t.signIn('socialworker')
    const accepted = await worker.request(
      'POST',
      `/api/protection/referrals/${res.json().referralId}/events`,
      {
        type: 'accept',
      },
    )
    expect(accepted.statusCode).toBe(200)
    return accepted.json().caseId
  }

  it('registers and refers with the flag and a short reason: consent pending, identification pending', async () => {
    const officer = await t.signIn('officer.poipet')
    const res = await register(officer, flagged('Sokha'), { referral: flagOnly })
    expect(res.statusCode).toBe(201)
    expect(res.json().referralId).toBeTruthy()
    const worker = await t.signIn('socialworker')
    const inbox = (await worker.request('GET', '/api/protection/referrals?box=incoming&state=pending')).json()
    const item = inbox.items.find((r: { id: string }) => r.id === res.json().referralId)
    expect(item).toMatchObject({ basis: 'consentPending', identificationPending: true, note: flagOnly.note })
    const stored = await t.store.db
      .selectFrom('protection_referrals')
      .select(['identification_id', 'basis'])
      .where('id', '=', res.json().referralId)
      .executeTakeFirstOrThrow()
    expect(stored).toEqual({ identification_id: null, basis: 'consentPending' })
  })

  it('still refuses a referral the returnee refused, and then registers nothing', async () => {
    const officer = await t.signIn('officer.poipet')
    const before = await countReturnees(t)
    const refused = {
      purpose: 'sharing',
      decision: 'refused',
      givenBy: 'self',
      guardianName: null,
      method: 'verbal',
    }
    const res = await register(officer, flagged('Refuses'), {
      referral: { ...flagOnly, consents: [refused] },
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.details[0].code).toBe('protection.errors.consentRefused')
    expect(await countReturnees(t)).toBe(before)
  })

  it('refuses an impossible answer given at registration, even though identification may wait', async () => {
    const officer = await t.signIn('officer.poipet')
    const before = await countReturnees(t)
    const res = await register(officer, flagged('Bad'), {
      referral: { ...flagOnly, answers: { vulMedicalNeed: 'perhaps' } },
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.details[0].code).toBe('protection.errors.invalidAnswer')
    expect(await countReturnees(t)).toBe(before)
  })

  it('keeps the full screening when the officer did give every answer', async () => {
    const officer = await t.signIn('officer.poipet')
    const res = await register(officer, flagged('Answered'), {
      referral: { ...flagOnly, answers: presumedVictimAnswers },
    })
    expect(res.statusCode).toBe(201)
    const stored = await t.store.db
      .selectFrom('protection_referrals')
      .innerJoin('protection_identifications as i', 'i.id', 'protection_referrals.identification_id')
      .select('i.outcome')
      .where('protection_referrals.id', '=', res.json().referralId)
      .executeTakeFirstOrThrow()
    expect(stored.outcome).toBe('presumedVictim')
  })

  it('shows the social worker consent not yet asked, and names every missing answer in words, in Khmer too', async () => {
    const caseId = await referredCase('Channy')
    const worker = await t.signIn('socialworker')
    const view = (await worker.request('GET', `/api/protection/cases/${caseId}`)).json()
    expect(view.identification).toBeNull()
    expect(view.consents.status).toMatchObject({ services: 'notAsked', sharing: 'notAsked' })

    const { vulStranded: _a, meansDebt: _b, ...partial } = presumedVictimAnswers
    const url = `/api/protection/cases/${caseId}/identification`
    const missing = await worker.request('POST', url, { answers: partial })
    expect(missing.statusCode).toBe(400)
    const details = missing.json().error.details
    expect(details.map((d: { path: string }) => d.path)).toEqual([
      'body.answers.meansDebt',
      'body.answers.vulStranded',
    ])
    expect(details[0].message).toContain('Was the person made to work off a debt?')
    expect(details[0].message).not.toContain('meansDebt')
    await worker.request('PUT', '/api/auth/locale', { locale: 'km' })
    const km = (await worker.request('POST', url, { answers: partial })).json().error.details[0].message
    expect(km).toMatch(/[\u1780-\u17FF]/)
    expect(km).not.toContain('meansDebt')
    await worker.request('PUT', '/api/auth/locale', { locale: 'en' })
    expect((await worker.request('GET', `/api/protection/cases/${caseId}`)).json().identification).toBeNull()
  })

  it('accepts "Not sure" for every question and makes it the case identification, once', async () => {
    const caseId = await referredCase('Vanna')
    const worker = await t.signIn('socialworker')
    const form = (await worker.request('GET', '/api/protection/identification-form')).json()
    const answers: Record<string, string | number> = { age: 30 }
    for (const s of form.sections)
      for (const q of s.questions)
        if (q.kind === 'yesNoUnsure' && s.appliesTo === 'everyone') answers[q.id] = 'unsure'
    const url = `/api/protection/cases/${caseId}/identification`
    const res = await worker.request('POST', url, { answers }, { 'idempotency-key': `identify-${caseId}` })
    expect(res.statusCode).toBe(201)
    expect(res.json().outcome).toBe('vulnerableMigrant')
    expect(res.json().uncertain.length).toBeGreaterThan(10)
    const replay = await worker.request('POST', url, { answers }, { 'idempotency-key': `identify-${caseId}` })
    expect(replay.statusCode).toBe(200)
    expect(replay.json().id).toBe(res.json().id)
    const view = (await worker.request('GET', `/api/protection/cases/${caseId}`)).json()
    expect(view.identification.id).toBe(res.json().id)
    const twice = await worker.request('POST', url, { answers })
    expect(twice.statusCode).toBe(422)
    expect(twice.json().error.details[0].code).toBe('cases.errors.alreadyIdentified')
  })

  it("lets neither another agency's social worker nor the border officer identify the case", async () => {
    const caseId = await referredCase('Dalin')
    const url = `/api/protection/cases/${caseId}/identification`
    const answers = presumedVictimAnswers
    for (const who of ['ngo.worker', 'officer.poipet']) {
      const res = await (await t.signIn(who)).request('POST', url, { answers })
      expect(res.statusCode).toBe(403)
    }
    const unknown = await (await t.signIn('socialworker')).request(
      'POST',
      '/api/protection/cases/00000000-0000-4000-8000-000000000000/identification',
      { answers },
    )
    expect(unknown.statusCode).toBe(404)
    const rows = await t.store.db
      .selectFrom('protection_cases')
      .select('identification_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow()
    expect(rows.identification_id).toBeNull()
  })
})

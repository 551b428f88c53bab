import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_NOISE } from '../../domain/statistics/cell-key.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { type Client, createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { presumedVictimAnswers, referFromBorder, referralBody } from '../protection/protection.testing.ts'
import { register, returneeBody } from '../returns/returns.testing.ts'
import type { IndicatorResult } from './statistics.contract.ts'

const year = todayInCambodia().slice(0, 4)
const RANGE = `from=${year}-01-01&to=${year}-12-31`

/** Victims referred from the border: sex, birth year and whether the purpose was sexual exploitation. */
const VICTIMS = [
  ...Array.from({ length: 12 }, (_, i) => ({
    gender: 'female',
    birthDate: `${1990 + (i % 3)}-06-01`,
    sexual: i % 4 === 0,
  })),
  ...Array.from({ length: 3 }, () => ({
    gender: 'male',
    birthDate: `${Number(year) - 21}-01-01`,
    sexual: false,
  })),
]

const cell = (r: IndicatorResult, key: Record<string, string>) =>
  r.cells.find((c) => Object.entries(key).every(([k, v]) => c.key[k] === v))

describe.each(engines())('statistics indicators on %s', (engine) => {
  let t: TestApp
  let analyst: Client
  const referrals: string[] = []

  beforeAll(async () => {
    t = await createTestApp(engine)
    const officer = await t.signIn('officer.poipet')
    for (const v of VICTIMS) {
      const body = referralBody()
      referrals.push(
        await referFromBorder(officer, {
          person: { ...body.person, gender: v.gender, birthDate: v.birthDate },
          answers: { ...presumedVictimAnswers, purposeSexualExploitation: v.sexual ? 'yes' : 'no' },
        }),
      )
    }
    analyst = await t.signIn('analyst')
  })
  afterAll(() => t.close())

  it('counts SDG 16.2.2 victims by sex, age group and form of exploitation', async () => {
    const res = await analyst.request('GET', `/api/statistics/indicators/sdg-16-2-2?${RANGE}`)
    expect(res.statusCode).toBe(200)
    const r = res.json() as IndicatorResult
    expect(r.dimensions).toEqual(['sex', 'ageBand', 'exploitationForm'])
    // Every referral's answers say forced criminality; a quarter of the women also sexual exploitation.
    expect(cell(r, { sex: 'F', ageBand: '25-59', exploitationForm: 'criminality' })?.value).toBe(12)
    expect(cell(r, { sex: 'F', ageBand: '25-59', exploitationForm: 'sexual' })?.value).toBe(3)
    expect(cell(r, { sex: 'M', ageBand: '18-24', exploitationForm: 'criminality' })?.value).toBe(3)
    expect(cell(r, { sex: '*', ageBand: '*', exploitationForm: 'criminality' })?.value).toBe(15)
    expect(r.labels.exploitationForm?.criminality).toBe('Forced criminality (e.g. online scams)')
  })

  it('withholds the small SDG 16.2.2 groups from a case manager', async () => {
    const manager = await t.signIn('casemanager')
    const r = (
      await manager.request('GET', `/api/statistics/indicators/sdg-16-2-2?${RANGE}`)
    ).json() as IndicatorResult
    expect(cell(r, { sex: 'M', ageBand: '18-24', exploitationForm: 'criminality' })).toMatchObject({
      value: null,
      status: 'primary',
    })
    // 12 women and 15 in all would give the 3 men away if both were exact: each is perturbed by its own
    // records' keys, within the method's bound (differencing.property.test.ts proves no subtraction pins the men).
    const women = cell(r, { sex: 'F', ageBand: '*', exploitationForm: 'criminality' })
    const all = cell(r, { sex: '*', ageBand: '*', exploitationForm: 'criminality' })
    expect(Math.abs((women?.value ?? 10) - 12)).toBeLessThanOrEqual(MAX_NOISE)
    expect(Math.abs((all?.value ?? 0) - 15)).toBeLessThanOrEqual(MAX_NOISE)
    expect(r.disclosure.threshold).toBe(10)
  })

  it('gives the referral completion rate of the referrals made, leaving withdrawn ones out', async () => {
    const [a, b, c, d] = referrals
    await t.store.db
      .updateTable('protection_referrals')
      .set({ state: 'completed' })
      .where('id', 'in', [a!, b!, c!])
      .execute()
    await t.store.db
      .updateTable('protection_referrals')
      .set({ state: 'withdrawn' })
      .where('id', '=', d!)
      .execute()
    const r = (
      await analyst.request('GET', `/api/statistics/indicators/referral-completion-rate?${RANGE}`)
    ).json()
    expect(r.unit).toBe('percent')
    const total = cell(r, { 'period:month': '*' })
    expect(total?.value).toBeCloseTo((3 / (VICTIMS.length - 1)) * 100, 1)
  })

  it('gives the median days from identification to first assistance', async () => {
    const people = await t.store.db
      .selectFrom('protection_identifications')
      .select(['person_id', 'screened_at'])
      .orderBy('screened_at')
      .execute()
    const social = await t.store.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'socialworker')
      .executeTakeFirstOrThrow()
    const delays = [1, 2, 4]
    for (const [i, days] of delays.entries()) {
      const p = people[i]!
      await t.store.db
        .insertInto('protection_assistance')
        .values({
          id: randomUUID(),
          person_id: p.person_id,
          service: 'shelter',
          provided_by: social.id,
          provided_at: new Date(p.screened_at.getTime() + days * 86_400_000),
        } as never)
        .execute()
    }
    const r = (
      await analyst.request('GET', `/api/statistics/indicators/identification-to-assistance?${RANGE}`)
    ).json()
    expect(cell(r, { 'period:quarter': '*' })?.value).toBe(2)
    const manager = await t.signIn('casemanager')
    const withheld = (
      await manager.request('GET', `/api/statistics/indicators/identification-to-assistance?${RANGE}`)
    ).json()
    expect(cell(withheld, { 'period:quarter': '*' })).toMatchObject({ value: null, status: 'primary' })
  })

  it('answers an unknown indicator with a clear not found', async () => {
    const res = await analyst.request('GET', `/api/statistics/indicators/happiness?${RANGE}`)
    expect(res.statusCode).toBe(404)
    expect(res.json().error.details[0].code).toBe('statistics.errors.unknownIndicator')
  })

  it('counts confirmed risk evaluations per indicator hit', async () => {
    const ruleSet = await t.store.db
      .selectFrom('risk_rule_sets')
      .select(['id', 'version_id'])
      .executeTakeFirstOrThrow()
    const officer = await t.store.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'officer.poipet')
      .executeTakeFirstOrThrow()
    const hit = (id: string) => ({ indicatorId: id, name: { en: `Indicator ${id}`, km: `សូចនាករ ${id}` } })
    const rows = [
      { hits: [hit('debt'), hit('recruiter')], outcome: 'confirmed' },
      { hits: [hit('debt')], outcome: 'confirmed' },
      { hits: [hit('debt')], outcome: 'not_confirmed' },
    ]
    for (const row of rows) {
      await t.store.db
        .insertInto('risk_evaluations')
        .values({
          id: randomUUID(),
          rule_set_id: ruleSet.id,
          version_id: ruleSet.version_id,
          context: '{}',
          score: 10,
          suggested_action: 'advise',
          hits: JSON.stringify(row.hits),
          undetermined: '[]',
          actions: '[]',
          agency_code: 'GDI',
          post_code: 'LAND-POIPET',
          officer_id: officer.id,
          evaluated_at: new Date(),
          outcome: row.outcome,
        } as never)
        .execute()
    }
    const r = (
      await analyst.request('GET', `/api/statistics/indicators/risk-confirmed-by-indicator?${RANGE}`)
    ).json()
    expect(cell(r, { riskIndicator: 'debt' })?.value).toBe(2)
    expect(cell(r, { riskIndicator: 'recruiter' })?.value).toBe(1)
    expect(r.labels.riskIndicator.debt).toBe('Indicator debt')
  })

  it('counts returnees by province of return', async () => {
    const officer = await t.signIn('officer.poipet')
    const provinces = ['KH-14', 'KH-14', 'KH-1']
    for (const [i, returnProvince] of provinces.entries()) {
      const res = await register(officer, returneeBody({ givenLatin: `Dara${'abc'[i]}`, returnProvince }))
      expect(res.statusCode).toBe(201)
    }
    const r = (
      await analyst.request('GET', `/api/statistics/indicators/returnees-by-province?${RANGE}`)
    ).json()
    expect(cell(r, { provinceOfReturn: 'KH-14' })?.value).toBe(2)
    expect(cell(r, { provinceOfReturn: 'KH-1' })?.value).toBe(1)
    expect(cell(r, { provinceOfReturn: '*' })?.value).toBe(3)
  })

  it('counts confirmed screening hits per alert list', async () => {
    const db = t.store.db
    const listId = randomUUID()
    const requestId = randomUUID()
    const now = new Date()
    await db
      .insertInto('watchlists')
      .values({
        id: listId,
        name: 'Interpol notices (test)',
        owner_agency: 'GDI',
        kind: 'persons',
        created_at: now,
        updated_at: now,
      } as never)
      .execute()
    await db
      .insertInto('screening_requests')
      .values({
        id: requestId,
        traveller_key: 'k',
        query: '{}',
        agency_code: 'GDI',
        post_code: 'LAND-POIPET',
        hits: 3,
        suppressed: 0,
        screened_at: now,
      } as never)
      .execute()
    for (const status of ['true_match', 'true_match', 'false_positive']) {
      await db
        .insertInto('screening_hits')
        .values({
          id: randomUUID(),
          request_id: requestId,
          kind: 'name',
          list_id: listId,
          owner_agency: 'GDI',
          traveller_key: 'k',
          score: 0.9,
          decision: 'match',
          explanation: '{}',
          agency_code: 'GDI',
          post_code: 'LAND-POIPET',
          status,
          created_at: now,
        } as never)
        .execute()
    }
    const r = (
      await analyst.request('GET', `/api/statistics/indicators/hits-confirmed-by-list?${RANGE}`)
    ).json()
    expect(cell(r, { alertList: listId })?.value).toBe(2)
    expect(r.labels.alertList[listId]).toBe('Interpol notices (test)')
  })
})

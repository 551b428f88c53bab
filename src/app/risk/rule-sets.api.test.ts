import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Client, createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { activeId, draftWith } from './risk.testing.ts'

type Indicator = Record<string, unknown> & { condition: unknown }
const codes = (res: { json(): { error: { details: { code: string; path: string }[] } } }) =>
  res.json().error.details.map((d) => `${d.code}@${d.path}`)

describe.each(engines())('risk rule-set lifecycle on %s', (engine) => {
  let t: TestApp
  let analyst: Client
  let chief: Client
  beforeAll(async () => {
    t = await createTestApp(engine)
    analyst = await t.signIn('analyst')
    chief = await t.signIn('chief.poipet')
  })
  afterAll(() => t.close())

  it('starts with the national default active, seeded by system', async () => {
    const res = await analyst.request('GET', `/api/risk/rule-sets/${await activeId(analyst)}`)
    expect(res.json()).toMatchObject({
      versionId: 'passage-default-1',
      status: 'active',
      createdBy: 'system',
    })
    expect(res.json().catalogue.length).toBeGreaterThan(5)
  })

  const bad: [string, (i: Indicator[]) => void, string][] = [
    [
      'an unknown field',
      (i) => (i[0]!.condition = { field: 'traveller.shoeSize', op: 'gt', value: 40 }),
      'risk.rule.unknown_field@body.indicators.0.condition',
    ],
    [
      'a protected attribute',
      (i) => (i[0]!.condition = { field: 'traveller.religion', op: 'eq', value: 'x' }),
      'risk.rule.protected_attribute@body.indicators.0.condition',
    ],
    [
      'a cycle',
      (i) => {
        i[0]!.condition = { indicator: i[1]!.id }
        i[1]!.condition = { indicator: i[0]!.id }
      },
      'risk.rule.cycle@body.indicators.0.condition',
    ],
    [
      'a type mismatch',
      (i) => (i[0]!.condition = { field: 'traveller.ageYears', op: 'eq', value: 'young' }),
      'risk.rule.type_mismatch@body.indicators.0.condition',
    ],
    [
      'a rule that flags everyone',
      (i) => (i[0]!.condition = { field: 'traveller.ageYears', op: 'gte', value: 0 }),
      'risk.rule.flags_everyone@body.indicators.0.condition',
    ],
  ]

  it.each(bad)(
    'refuses %s with the reason at its path and changes nothing',
    async (_name, change, expected) => {
      const id = await draftWith(analyst, () => {})
      const before = (await analyst.request('GET', `/api/risk/rule-sets/${id}`)).json()
      const ruleSet = structuredClone(before.ruleSet)
      change(ruleSet.indicators)
      const res = await analyst.request('PUT', `/api/risk/rule-sets/${id}`, ruleSet)
      expect(res.statusCode).toBe(422)
      expect(res.json().error.code).toBe('rule_violation')
      expect(codes(res).some((c: string) => c.startsWith(expected))).toBe(true)
      const after = (await analyst.request('GET', `/api/risk/rule-sets/${id}`)).json()
      expect(after.ruleSet).toEqual(before.ruleSet)
      expect(after.updatedAt).toBe(before.updatedAt)
    },
  )

  it('never activates without review, lets no author approve, and retires the version it replaces', async () => {
    const previous = await activeId(analyst)
    const id = await draftWith(analyst, (rs) => {
      rs.indicators[0]!.weight = 15
    })
    const step = (c: Client, name: string) => c.request('POST', `/api/risk/rule-sets/${id}/${name}`)
    expect(codes(await step(chief, 'activate'))).toEqual(['risk.lifecycle.not_allowed@undefined'])
    expect(codes(await step(chief, 'review'))).toEqual(['risk.lifecycle.not_submitted@undefined'])
    expect((await step(analyst, 'submit')).statusCode).toBe(200)
    expect(codes(await step(analyst, 'review'))).toEqual(['risk.lifecycle.author_cannot_approve@undefined'])
    expect((await step(chief, 'review')).json()).toMatchObject({
      status: 'reviewed',
      reviewedBy: 'chief.poipet',
    })
    expect(codes(await step(chief, 'activate'))).toEqual(['risk.lifecycle.impact_not_checked@undefined'])
    const checked = await analyst.request('POST', `/api/risk/rule-sets/${id}/impact-check`, { days: 30 })
    expect(checked.json().impactChecked).toBe(true)
    expect(codes(await step(analyst, 'activate'))).toEqual(['risk.lifecycle.author_cannot_approve@undefined'])
    expect((await step(chief, 'activate')).json().status).toBe('active')
    expect(await activeId(analyst)).toBe(id)
    const old = await analyst.request('GET', `/api/risk/rule-sets/${previous}`)
    expect(old.json()).toMatchObject({ status: 'retired' })
    const officer = await t.signIn('officer.poipet')
    const e = await officer.request('POST', '/api/risk/evaluations', { context: {} })
    expect(e.json().ruleSetId).toBe(id)
  })

  it('makes an editor an author, who can then no longer review', async () => {
    const id = await draftWith(analyst, () => {})
    const draft = (await chief.request('GET', `/api/risk/rule-sets/${id}`)).json()
    draft.ruleSet.indicators[1].weight = 12
    expect((await chief.request('PUT', `/api/risk/rule-sets/${id}`, draft.ruleSet)).statusCode).toBe(200)
    await analyst.request('POST', `/api/risk/rule-sets/${id}/submit`)
    const res = await chief.request('POST', `/api/risk/rule-sets/${id}/review`)
    expect(codes(res)).toEqual(['risk.lifecycle.author_cannot_approve@undefined'])
  })

  it('lets a shift supervisor read the rules but not write them', async () => {
    const supervisor = await t.signIn('supervisor.poipet')
    expect((await supervisor.request('GET', '/api/risk/rule-sets')).statusCode).toBe(200)
    const res = await supervisor.request('POST', '/api/risk/rule-sets', {
      fromId: await activeId(supervisor),
    })
    expect(res.json().error.code).toBe('forbidden')
  })

  it('retires the active version on request; evaluations then say that no rule set is active', async () => {
    const res = await chief.request('POST', `/api/risk/rule-sets/${await activeId(chief)}/retire`)
    expect(res.json().status).toBe('retired')
    const officer = await t.signIn('officer.poipet')
    const e = await officer.request('POST', '/api/risk/evaluations', { context: {} })
    expect(e.statusCode).toBe(409)
    expect(e.json().error.code).toBe('conflict')
  })
})

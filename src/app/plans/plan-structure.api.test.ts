import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Client, createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import type { PlanStructure } from './plans.contract.ts'
import { demoPlan, indicatorId, submitted } from './plans.testing.ts'

const ACTIVITY = {
  code: 'A9',
  titleEn: 'Train post chiefs in victim referral',
  titleKm: 'បណ្តុះបណ្តាលប្រធានប៉ុស្តិ៍អំពីការបញ្ជូនជនរងគ្រោះ',
  responsibleAgency: 'GDI',
  supportingAgencies: ['IOM'],
  startYear: 2025,
  endYear: 2027,
  budgetSource: 'Development partners',
}

const INDICATOR = {
  code: 'I90',
  nameEn: 'Post chiefs trained in referral',
  nameKm: 'ប្រធានប៉ុស្តិ៍ដែលបានបណ្តុះបណ្តាល',
  definitionEn: 'Post chiefs who completed the referral course',
  definitionKm: 'ប្រធានប៉ុស្តិ៍ដែលបានបញ្ចប់វគ្គបញ្ជូន',
  unit: 'count',
  direction: 'increase',
  source: 'reported',
  disaggregation: ['post', 'sex'],
  baselineYear: 2024,
  baselineValue: 0,
  verificationEn: 'Attendance sheets',
  verificationKm: 'បញ្ជីវត្តមាន',
  gcm: [11],
  sdg: ['16.2'],
}

describe.each(engines())('plan structure editing on %s', (engine) => {
  let t: TestApp
  let planId: string
  let outputId: string
  const sessions = new Map<string, Promise<Client>>()
  const as = (user: string) => {
    if (!sessions.has(user)) sessions.set(user, t.signIn(user))
    return sessions.get(user) as Promise<Client>
  }
  const structure = async (user = 'analyst') =>
    (await (await as(user)).request('GET', `/api/plans/${planId}/structure`)).json() as PlanStructure
  const codes = (res: { json(): { error: { details: { code: string }[] } } }) =>
    res.json().error.details.map((d) => d.code)
  const audited = async (resource: string, recordId: string) =>
    (
      await t.store.db
        .selectFrom('audit_log')
        .select(['action', 'actor_username', 'details'])
        .where('resource', '=', resource)
        .where('record_id', '=', recordId)
        .orderBy('seq')
        .execute()
    ).map((r) => ({ ...r, details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details }))
  beforeAll(async () => {
    t = await createTestApp(engine)
    planId = (await demoPlan(await as('analyst'))).id
    const s = await structure()
    outputId = s.nodes.find((n) => n.kind === 'output')!.id
  })
  afterAll(() => t.close())

  it('lets an NCCT planner add, edit in Khmer and remove an activity, each step audited', async () => {
    const analyst = await as('analyst')
    const added = await analyst.request('POST', `/api/plans/${planId}/nodes`, {
      ...ACTIVITY,
      parentId: outputId,
      kind: 'activity',
    })
    expect(added.statusCode, added.body).toBe(201)
    const id = added.json().id
    const titleKm = 'បណ្តុះបណ្តាលប្រធានប៉ុស្តិ៍ និងអ្នកត្រួតពិនិត្យ'
    const edited = await analyst.request('PUT', `/api/plans/nodes/${id}`, {
      ...ACTIVITY,
      titleKm,
      supportingAgencies: ['IOM', 'MOSVY'],
      endYear: 2028,
      budgetSource: null,
    })
    expect(edited.statusCode, edited.body).toBe(204)
    const node = (await structure()).nodes.find((n) => n.id === id)
    expect(node).toMatchObject({
      parentId: outputId,
      kind: 'activity',
      titleKm,
      supportingAgencies: ['IOM', 'MOSVY'],
      endYear: 2028,
      budgetSource: null,
    })
    expect((await analyst.request('DELETE', `/api/plans/nodes/${id}`)).statusCode).toBe(204)
    expect((await structure()).nodes.some((n) => n.id === id)).toBe(false)
    expect((await analyst.request('DELETE', `/api/plans/nodes/${id}`)).statusCode).toBe(404)
    const log = await audited('plan_node', id)
    expect(log.map((l) => l.action)).toEqual(['create', 'update', 'delete'])
    expect(log[2]).toMatchObject({ actor_username: 'analyst', details: { title_km: titleKm, code: 'A9' } })
  })

  it('refuses removal of a node with children or indicators, and of an indicator agencies reported against', async () => {
    const analyst = await as('analyst')
    const s = await structure()
    const pillar = s.nodes.find((n) => n.kind === 'pillar')!
    const withChildren = await analyst.request('DELETE', `/api/plans/nodes/${pillar.id}`)
    expect(withChildren.statusCode).toBe(409)
    expect(codes(withChildren)).toEqual(['plans.errors.nodeHasChildren'])
    const i8 = await indicatorId(t.store.db, 'I8')
    const holder = s.indicators.find((i) => i.id === i8)!.nodeId
    const withIndicators = await analyst.request('DELETE', `/api/plans/nodes/${holder}`)
    expect(codes(withIndicators)).toEqual(['plans.errors.nodeHasIndicators'])

    await submitted(await as('casemanager'), i8, '2025-Q1', 4)
    const reported = await analyst.request('DELETE', `/api/plans/indicators/${i8}`)
    expect(reported.statusCode).toBe(409)
    expect(codes(reported)).toEqual(['plans.errors.indicatorHasReports'])
    const current = s.indicators.find((i) => i.id === i8)!
    const { id, targets, reports, ...body } = current
    const newUnit = await analyst.request('PUT', `/api/plans/indicators/${i8}`, { ...body, unit: 'percent' })
    expect(codes(newUnit)).toEqual(['plans.errors.indicatorHasReports'])
    const newSource = await analyst.request('PUT', `/api/plans/indicators/${i8}`, {
      ...body,
      source: 'returnees-assisted',
    })
    expect(codes(newSource)).toEqual(['plans.errors.indicatorHasReports'])
    // Its wording may still change: the reports keep their meaning.
    const definitionKm = 'ចំនួនការចុះសួរសុខទុក្ខតាមដានក្រោយការធ្វើសមាហរណកម្ម'
    expect(
      (await analyst.request('PUT', `/api/plans/indicators/${i8}`, { ...body, definitionKm })).statusCode,
    ).toBe(204)
    const after = (await structure()).indicators.find((i) => i.id === i8)!
    expect(after).toMatchObject({ definitionKm, unit: current.unit, source: current.source, reports: 1 })
    expect(
      await t.store.db.selectFrom('plan_nodes').select('id').where('id', '=', pillar.id).execute(),
    ).toHaveLength(1)
  })

  it('removes an indicator no agency reported against, its targets recorded in the audit entry', async () => {
    const analyst = await as('analyst')
    const added = await analyst.request('POST', `/api/plans/${planId}/indicators`, {
      ...INDICATOR,
      nodeId: outputId,
    })
    expect(added.statusCode, added.body).toBe(201)
    const id = added.json().id
    expect(
      (await analyst.request('PUT', `/api/plans/indicators/${id}/targets/2026`, { value: 30 })).statusCode,
    ).toBe(204)
    // A count target of 300 cannot become a percentage: the unit change is refused, the target kept.
    await analyst.request('PUT', `/api/plans/indicators/${id}/targets/2027`, { value: 300 })
    const asPercent = await analyst.request('PUT', `/api/plans/indicators/${id}`, {
      ...INDICATOR,
      nodeId: outputId,
      unit: 'percent',
    })
    expect(codes(asPercent)).toEqual(['plans.errors.percentOutOfRange'])
    expect((await analyst.request('DELETE', `/api/plans/indicators/${id}`)).statusCode).toBe(204)
    expect(
      await t.store.db.selectFrom('plan_targets').select('year').where('indicator_id', '=', id).execute(),
    ).toEqual([])
    const log = await audited('plan_indicator', id)
    expect(log.at(-1)).toMatchObject({
      action: 'delete',
      details: {
        code: 'I90',
        targets: expect.arrayContaining([
          { year: 2026, value: 30 },
          { year: 2027, value: 300 },
        ]),
      },
    })
  })

  it('refuses editors a role too low, another agency’s analyst, and frontline officers; changes nothing', async () => {
    const s = await structure()
    const node = s.nodes.find((n) => n.kind === 'activity')!
    const indicator = s.indicators[0]!
    const { id, targets, reports, ...body } = indicator
    const nodeBody = {
      code: node.code,
      titleEn: 'Changed',
      titleKm: node.titleKm,
      responsibleAgency: node.responsibleAgency,
      supportingAgencies: node.supportingAgencies,
      startYear: node.startYear,
      endYear: node.endYear,
      budgetSource: node.budgetSource,
    }
    // A case manager (a step below the analyst), an IOM analyst (the right role, another agency), a post chief.
    for (const who of ['casemanager', 'iom.staff', 'chief.poipet', 'officer.poipet']) {
      const c = await as(who)
      expect((await c.request('PUT', `/api/plans/nodes/${node.id}`, nodeBody)).statusCode, who).toBe(403)
      expect((await c.request('DELETE', `/api/plans/nodes/${node.id}`)).statusCode, who).toBe(403)
      expect((await c.request('PUT', `/api/plans/indicators/${id}`, body)).statusCode, who).toBe(403)
      expect((await c.request('DELETE', `/api/plans/indicators/${id}`)).statusCode, who).toBe(403)
    }
    expect((await structure('iom.staff')).mayEdit).toBe(false)
    expect((await structure('admin')).mayEdit).toBe(true)
    expect(await structure()).toEqual(s)
    // An administrator may edit it.
    const admin = await as('admin')
    expect((await admin.request('PUT', `/api/plans/nodes/${node.id}`, nodeBody)).statusCode).toBe(204)
  })

  it.each([
    ['an empty title', { titleEn: '   ' }, 'too_small'],
    ['a huge title', { titleKm: 'ក'.repeat(301) }, 'too_big'],
    ['a control character', { titleEn: 'Train\u0007ing' }, 'validation.control_character'],
    ['Khmer in the Latin-only code', { code: 'សកម្មភាព១' }, 'invalid_format'],
    ['a start year before the plan', { startYear: 2023 }, 'plans.errors.targetYearOutsidePlan'],
    ['an end year after the plan', { endYear: 2029 }, 'plans.errors.targetYearOutsidePlan'],
    ['an end before the start', { startYear: 2027, endYear: 2025 }, 'plans.errors.timelineOrder'],
    ['an unknown agency', { responsibleAgency: 'NOPE' }, 'plans.errors.unknownAgency'],
    ['a code another node has', { code: 'P1' }, 'plans.errors.codeTaken'],
  ])('refuses an edited node with %s and stores nothing', async (_name, change, code) => {
    const analyst = await as('analyst')
    const s = await structure()
    const node = s.nodes.find((n) => n.kind === 'activity')!
    const { id, parentId, kind, ...body } = node
    const res = await analyst.request('PUT', `/api/plans/nodes/${id}`, { ...body, ...change })
    expect([400, 409]).toContain(res.statusCode)
    expect(codes(res).join(' ')).toContain(code)
    expect((await structure()).nodes.find((n) => n.id === id)).toEqual(node)
  })

  it('refuses an indicator hung on another plan’s node, an unknown source or GCM objective', async () => {
    const analyst = await as('analyst')
    const other = await analyst.request('POST', '/api/plans', {
      code: 'OTHER-PLAN',
      titleEn: 'Other plan',
      titleKm: 'ផែនការផ្សេង',
      startYear: 2024,
      endYear: 2028,
      illustrative: true,
    })
    const pillar = await analyst.request('POST', `/api/plans/${other.json().id}/nodes`, {
      parentId: null,
      kind: 'pillar',
      code: 'X1',
      titleEn: 'Other pillar',
      titleKm: 'សសរស្តម្ភផ្សេង',
    })
    const s = await structure()
    const { id, targets, reports, ...body } = s.indicators[0]!
    for (const [change, code] of [
      [{ nodeId: pillar.json().id }, 'plans.errors.unknownParent'],
      [{ source: 'crossings-everything' }, 'plans.errors.unknownSource'],
      [{ gcm: [24] }, 'plans.errors.unknownGcmObjective'],
      [{ definitionEn: 'x'.repeat(2001) }, 'too_big'],
    ] as const) {
      const res = await analyst.request('PUT', `/api/plans/indicators/${id}`, { ...body, ...change })
      expect(res.statusCode).toBe(400)
      expect(codes(res).join(' ')).toContain(code)
    }
    expect((await structure()).indicators[0]).toEqual(s.indicators[0])
  })
})

import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planQuarters, yearPeriod } from '../../domain/plans/periods.ts'
import { type Client, createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import {
  dashboard,
  demoPlan,
  figureOf,
  indicatorId,
  insertReturnees,
  PDF,
  PNG,
  submitted,
} from './plans.testing.ts'

/** Days spread over 2025, several per quarter, a few on quarter edges in Cambodia's time. */
const DAYS = [
  '2025-01-01',
  '2025-02-14',
  '2025-03-31',
  '2025-04-01',
  '2025-06-30',
  '2025-07-15',
  '2025-09-30',
  '2025-10-01',
  '2025-12-31',
]

describe.each(engines())('plan monitoring on %s', (engine) => {
  let t: TestApp
  let planId: string
  // Sign-in is rate limited per address: one session per user for the whole file.
  const sessions = new Map<string, Promise<Client>>()
  const as = (user: string) => {
    if (!sessions.has(user)) sessions.set(user, t.signIn(user))
    return sessions.get(user) as Promise<Client>
  }
  beforeAll(async () => {
    t = await createTestApp(engine)
    const rows = DAYS.flatMap((day, i) =>
      Array.from({ length: i + 1 }, (_, k) => ({ day, needs: k % 3 === 0 ? [] : ['food'] })),
    )
    await insertReturnees(t.store.db, rows)
    planId = (await demoPlan(await as('analyst'))).id
  })
  afterAll(() => t.close())

  it('lists the demo plan as illustrative', async () => {
    const plans = (await (await as('casemanager')).request('GET', '/api/plans')).json()
    expect(plans).toEqual([expect.objectContaining({ illustrative: true, startYear: 2024, endYear: 2028 })])
    const officer = await as('officer.poipet')
    expect((await officer.request('GET', '/api/plans')).statusCode).toBe(403)
  })

  it('computes a live indicator per quarter and year equal to a brute-force count of the records', async () => {
    const analyst = await as('analyst')
    const d = await dashboard(analyst, planId, 2025)
    expect(d.disclosure.exact).toBe(true)
    for (const p of [...planQuarters({ startYear: 2025, endYear: 2025 }), yearPeriod(2025)]) {
      const brute = await sql<{ n: string }>`
        SELECT count(*) AS n FROM returnees
        WHERE registered_on BETWEEN ${p.from} AND ${p.to} AND cardinality(needs) > 0`.execute(t.store.db)
      expect(figureOf(d, 'I7', p.key)).toMatchObject({ value: Number(brute.rows[0]!.n), status: 'published' })
    }
    // A year's count is judged against its whole target, a quarter's against a quarter of it.
    expect(figureOf(d, 'I7', '2025')?.target).toBe(800)
    expect(figureOf(d, 'I7', '2025-Q1')?.target).toBe(200)
  })

  it('shows "no data", never 0, where the records do not reach: before the first record, the future, nobody assisted', async () => {
    const analyst = await as('analyst')
    const d2024 = await dashboard(analyst, planId, 2024)
    expect(figureOf(d2024, 'I7', '2024-Q4')).toMatchObject({
      value: null,
      status: 'no_data',
      progress: 'no_data',
    })
    const d2028 = await dashboard(analyst, planId, 2028)
    expect(figureOf(d2028, 'I7', '2028-Q4')).toMatchObject({ value: null, status: 'no_data' })
    const d2025 = await dashboard(analyst, planId, 2025)
    expect(figureOf(d2025, 'I6', '2025-Q2')).toMatchObject({ value: null, status: 'no_data' })
    // Nobody has completed a training yet: "officers trained" has no data, not a zero.
    expect(figureOf(d2025, 'I2', '2025')).toMatchObject({ value: null, status: 'no_data' })
  })

  it('counts officers trained from the training records: distinct Passage users, not external participants', async () => {
    const db = t.store.db
    const users = await db
      .selectFrom('users')
      .select(['id', 'agency_code'])
      .orderBy('username')
      .limit(2)
      .execute()
    const course = crypto.randomUUID()
    const session = crypto.randomUUID()
    await sql`INSERT INTO training_courses (id, title_en, title_km, topic, curriculum, languages, created_by)
      VALUES (${course}, 'Documents', 'ឯកសារ', 'documents', 'MRZ', ARRAY['en'], ${users[0]!.id})`.execute(db)
    await sql`INSERT INTO training_sessions (id, course_id, starts_on, ends_on, place, trainers, funding_project, created_by)
      VALUES (${session}, ${course}, '2025-05-01', '2025-05-02', 'Poipet', 'IOM', 'demo', ${users[0]!.id})`.execute(
      db,
    )
    const participants: [string | null, string | null][] = [
      [users[0]!.id, '2025-05-02'],
      [users[1]!.id, '2025-05-02'],
      [null, '2025-05-02'], // an NGO participant: trained, but not an officer of the system
    ]
    for (const [user, completed] of participants)
      await sql`INSERT INTO training_participants (id, session_id, user_id, full_name, agency_code, sex, attended, completed_on)
        VALUES (${crypto.randomUUID()}, ${session}, ${user}, 'Participant', ${users[0]!.agency_code}, 'F', true, ${completed})`.execute(
        db,
      )
    const d = await dashboard(await as('analyst'), planId, 2025)
    expect(figureOf(d, 'I2', '2025-Q1')).toMatchObject({ value: null, status: 'no_data' })
    expect(figureOf(d, 'I2', '2025-Q2')).toMatchObject({ value: 2, status: 'published' })
    expect(figureOf(d, 'I2', '2025-Q3')).toMatchObject({ value: 0, status: 'published' })
    expect(figureOf(d, 'I2', '2025')).toMatchObject({ value: 2, status: 'published' })
  })

  it('publishes plan figures under disclosure control to readers without microdata access', async () => {
    const casemanager = await as('casemanager')
    const d = await dashboard(casemanager, planId, 2025)
    expect(d.disclosure).toEqual({ exact: false, threshold: t.config.statisticsSuppressionThreshold })
    // Q1 2025 has 1 + 1 + 2 = 4 assisted returnees (one in three rows has no need): a small cell is never shown as such.
    const q1 = figureOf(d, 'I7', '2025-Q1')!
    const threshold = t.config.statisticsSuppressionThreshold
    expect(q1.value === null || q1.value === 0 || q1.value >= threshold).toBe(true)
    const chief = await as('chief.poipet')
    expect((await chief.request('GET', `/api/plans/${planId}/dashboard?year=2025`)).statusCode).toBe(200)
  })

  it('takes a reported value through submit → approve, counting it only once approved', async () => {
    const casemanager = await as('casemanager')
    const analyst = await as('analyst')
    const i8 = await indicatorId(t.store.db, 'I8')
    const saved = await casemanager.request('POST', `/api/plans/indicators/${i8}/reports`, {
      period: '2026-Q1',
      value: 12,
      note: 'Follow-up visits in three provinces',
    })
    expect(saved.statusCode).toBe(200)
    const id = saved.json().id
    const early = await casemanager.request('POST', `/api/plans/reports/${id}/submit`, {})
    expect(early.statusCode).toBe(422)
    expect(early.json().error.details[0].code).toBe('plans.errors.evidenceRequired')
    const up = await casemanager.request('POST', `/api/plans/reports/${id}/evidence?name=register.pdf`, PDF, {
      'content-type': 'application/pdf',
    })
    expect(up.statusCode).toBe(200)
    const again = await casemanager.request(
      'POST',
      `/api/plans/reports/${id}/evidence?name=register.pdf`,
      PDF,
      {
        'content-type': 'application/pdf',
      },
    )
    expect(again.json().id).toBe(up.json().id)
    expect((await casemanager.request('POST', `/api/plans/reports/${id}/submit`, {})).json()).toEqual({
      state: 'submitted',
    })
    expect(figureOf(await dashboard(analyst, planId, 2026), 'I8', '2026-Q1')).toMatchObject({
      status: 'no_data',
    })

    const approved = await analyst.request('POST', `/api/plans/reports/${id}/approve`, {
      comment: 'Checked against the register',
    })
    expect(approved.json()).toEqual({ state: 'approved' })
    const d = await dashboard(analyst, planId, 2026)
    expect(figureOf(d, 'I8', '2026-Q1')).toMatchObject({
      value: 12,
      status: 'published',
      target: 12.5,
      progress: 'on_track',
    })
    expect(figureOf(d, 'I8', '2026-Q2')).toMatchObject({ value: null, progress: 'no_data' })
    // Approved is locked: no edit, no second approval, no new file.
    const edit = await casemanager.request('POST', `/api/plans/indicators/${i8}/reports`, {
      period: '2026-Q1',
      value: 99,
    })
    expect(edit.statusCode).toBe(409)
    expect((await analyst.request('POST', `/api/plans/reports/${id}/approve`, {})).statusCode).toBe(409)
    const reports = (await analyst.request('GET', `/api/plans/${planId}/reports?indicator=${i8}`)).json()
    expect(reports[0]).toMatchObject({ value: 12, state: 'approved', evidence: [{ name: 'register.pdf' }] })
    expect(reports[0].comments).toEqual([expect.objectContaining({ author: 'analyst', event: 'approve' })])
    const file = await analyst.request('GET', `/api/plans/evidence/${reports[0].evidence[0].id}`)
    expect(file.rawPayload.equals(PDF)).toBe(true)
  })

  it('returns a value with a comment, and the agency corrects and resubmits it', async () => {
    const casemanager = await as('casemanager')
    const analyst = await as('analyst')
    const i8 = await indicatorId(t.store.db, 'I8')
    const id = await submitted(casemanager, i8, '2026-Q2', 40)
    const bare = await analyst.request('POST', `/api/plans/reports/${id}/return`, { comment: '   ' })
    expect(bare.json().error.details[0].code).toBe('plans.errors.commentRequired')
    const back = await analyst.request('POST', `/api/plans/reports/${id}/return`, {
      comment: 'Register shows 14',
    })
    expect(back.json()).toEqual({ state: 'returned' })
    await casemanager.request('POST', `/api/plans/indicators/${i8}/reports`, { period: '2026-Q2', value: 14 })
    expect((await casemanager.request('POST', `/api/plans/reports/${id}/submit`, {})).json()).toEqual({
      state: 'submitted',
    })
    const row = await t.store.db
      .selectFrom('plan_reports')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ value: 14, state: 'submitted' })
    const count = await t.store.db
      .selectFrom('plan_reports')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('indicator_id', '=', i8)
      .where('period', '=', '2026-Q2')
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(1)
  })

  it('refuses approval by anyone but the NCCT secretariat, and by the person who submitted', async () => {
    const casemanager = await as('casemanager')
    const i10 = await indicatorId(t.store.db, 'I10')
    const i8 = await indicatorId(t.store.db, 'I8')
    const id = await submitted(casemanager, i8, '2025-Q4', 9)
    for (const who of ['casemanager', 'iom.staff', 'chief.poipet', 'admin']) {
      const res = await (await as(who)).request('POST', `/api/plans/reports/${id}/approve`, {})
      expect(res.statusCode, who).toBe(403)
    }
    // An NCCT planner reports for the NCCT; the same person may not approve what they submitted.
    const analyst = await as('analyst')
    const own = await submitted(analyst, i10, '2025-Q4', 2)
    const self = await analyst.request('POST', `/api/plans/reports/${own}/approve`, {})
    expect(self.statusCode).toBe(422)
    expect(self.json().error.details[0].code).toBe('plans.errors.ownReport')
    expect(
      (
        await t.store.db.selectFrom('plan_reports').select('state').where('id', 'in', [id, own]).execute()
      ).map((r) => r.state),
    ).toEqual(['submitted', 'submitted'])
  })

  it.each([
    ['a period outside the plan', { period: '2023-Q4', value: 1 }, 'plans.errors.periodOutsidePlan'],
    ['a period not begun', { period: '2028-Q4', value: 1 }, 'plans.errors.periodNotOver'],
    ['a malformed period', { period: '2026-Q5', value: 1 }, 'plans.errors.periodInvalid'],
    ['a negative value', { period: '2025-Q1', value: -3 }, 'plans.errors.negativeValue'],
    [
      'a control character in the note',
      { period: '2025-Q1', value: 1, note: 'a\u0000b' },
      'validation.control_character',
    ],
  ])('refuses %s and stores nothing', async (_name, body, code) => {
    const casemanager = await as('casemanager')
    const i8 = await indicatorId(t.store.db, 'I8')
    const before = await t.store.db.selectFrom('plan_reports').select('id').execute()
    const res = await casemanager.request('POST', `/api/plans/indicators/${i8}/reports`, body)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.map((d: { code: string }) => d.code)).toContain(code)
    expect(await t.store.db.selectFrom('plan_reports').select('id').execute()).toHaveLength(before.length)
  })

  it('refuses reporters a step too low, from another agency, and reports on a live indicator', async () => {
    const i8 = await indicatorId(t.store.db, 'I8')
    const i7 = await indicatorId(t.store.db, 'I7')
    const body = { period: '2025-Q3', value: 3 }
    expect(
      (await (await as('socialworker')).request('POST', `/api/plans/indicators/${i8}/reports`, body))
        .statusCode,
    ).toBe(403)
    expect(
      (await (await as('supervisor.poipet')).request('POST', `/api/plans/indicators/${i8}/reports`, body))
        .statusCode,
    ).toBe(403)
    // GDI is neither responsible for nor supporting the reintegration activity.
    expect(
      (await (await as('chief.poipet')).request('POST', `/api/plans/indicators/${i8}/reports`, body))
        .statusCode,
    ).toBe(403)
    const live = await (await as('casemanager')).request('POST', `/api/plans/indicators/${i7}/reports`, body)
    expect(live.json().error.details[0].code).toBe('plans.errors.liveIndicatorNotReported')
  })

  it('refuses evidence of the wrong type, disguised, empty or too large', async () => {
    const casemanager = await as('casemanager')
    const i8 = await indicatorId(t.store.db, 'I8')
    const id = (
      await casemanager.request('POST', `/api/plans/indicators/${i8}/reports`, {
        period: '2025-Q2',
        value: 5,
      })
    ).json().id
    const send = (bytes: Buffer, type: string, name = 'file') =>
      casemanager.request('POST', `/api/plans/reports/${id}/evidence?name=${name}`, bytes, {
        'content-type': type,
      })
    const text = await send(Buffer.from('hello'), 'text/plain')
    expect(text.statusCode, text.body).toBe(415)
    const disguised = await send(PNG, 'application/pdf')
    expect(disguised.statusCode).toBe(400)
    expect(disguised.json().error.details[0].code).toBe('validation.invalid_format')
    expect((await send(Buffer.alloc(0), 'application/pdf')).statusCode).toBe(400)
    const huge = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)])
    expect((await send(huge, 'application/pdf')).statusCode).toBe(413)
    expect((await send(PDF, 'application/pdf', '%0A')).statusCode).toBe(400)
    const other = await (await as('analyst')).request(
      'POST',
      `/api/plans/reports/${id}/evidence?name=x.pdf`,
      PDF,
      {
        'content-type': 'application/pdf',
      },
    )
    expect(other.statusCode).toBe(403)
    expect(
      await t.store.db.selectFrom('plan_evidence').select('id').where('report_id', '=', id).execute(),
    ).toEqual([])
  })

  it('lets planners set targets inside the plan years only, and thresholds in order', async () => {
    const analyst = await as('analyst')
    const i9 = await indicatorId(t.store.db, 'I9')
    const outside = await analyst.request('PUT', `/api/plans/indicators/${i9}/targets/2029`, { value: 90 })
    expect(outside.statusCode).toBe(400)
    expect(outside.json().error.details[0].code).toBe('plans.errors.targetYearOutsidePlan')
    expect(
      (await analyst.request('PUT', `/api/plans/indicators/${i9}/targets/2027`, { value: 75 })).statusCode,
    ).toBe(204)
    const target = await t.store.db
      .selectFrom('plan_targets')
      .select('value')
      .where('indicator_id', '=', i9)
      .where('year', '=', 2027)
      .executeTakeFirstOrThrow()
    expect(target.value).toBe(75)
    expect(
      (await (await as('iom.staff')).request('PUT', `/api/plans/indicators/${i9}/targets/2027`, { value: 1 }))
        .statusCode,
    ).toBe(403)
    expect(
      (
        await (
          await as('casemanager')
        ).request('PUT', `/api/plans/indicators/${i9}/targets/2027`, { value: 1 })
      ).statusCode,
    ).toBe(403)
    const bad = await analyst.request('PUT', `/api/plans/${planId}/thresholds`, { onTrack: 0.5, atRisk: 0.8 })
    expect(bad.json().error.details[0].code).toBe('plans.errors.thresholdsInvalid')
    expect(
      (await analyst.request('PUT', `/api/plans/${planId}/thresholds`, { onTrack: 0.8, atRisk: 0.5 }))
        .statusCode,
    ).toBe(204)
    expect((await dashboard(analyst, planId, 2025)).plan.thresholds).toEqual({ onTrack: 0.8, atRisk: 0.5 })
  })

  it('writes the progress report as XLSX and PDF, in Khmer too', async () => {
    const analyst = await as('analyst')
    const xlsx = await analyst.request('GET', `/api/plans/${planId}/progress-report?period=2025&format=xlsx`)
    expect(xlsx.statusCode).toBe(200)
    expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK')
    const pdf = await analyst.request(
      'GET',
      `/api/plans/${planId}/progress-report?period=2025-Q3&format=pdf&lang=km`,
    )
    expect(pdf.statusCode).toBe(200)
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.headers['content-disposition']).toContain('-km.pdf')
    const outside = await analyst.request(
      'GET',
      `/api/plans/${planId}/progress-report?period=2031&format=pdf`,
    )
    expect(outside.statusCode).toBe(400)
  })
})

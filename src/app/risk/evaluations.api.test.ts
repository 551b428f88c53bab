import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Client, createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { TRAFFICKING_CONTEXT } from './risk.testing.ts'

describe.each(engines())('risk evaluations, interviews and alerts on %s', (engine) => {
  let t: TestApp
  let officer: Client
  let investigator: Client
  beforeAll(async () => {
    t = await createTestApp(engine)
    officer = await t.signIn('officer.poipet')
    investigator = await t.signIn('investigator')
  })
  afterAll(() => t.close())

  const evaluate = (c: Client, context: unknown) => c.request('POST', '/api/risk/evaluations', { context })

  it('stores the advice with the version that gave it, reasons in the user’s language', async () => {
    const res = await evaluate(officer, TRAFFICKING_CONTEXT)
    expect(res.statusCode).toBe(201)
    const e = res.json()
    expect(e).toMatchObject({ versionId: 'passage-default-1', suggestedAction: 'notify_police', score: 100 })
    expect(e.hits.map((h: { indicatorId: string }) => h.indicatorId)).toContain('documents_held_by_other')
    expect(e.context.travel.post).toBe('LAND-POIPET')
    const row = await t.store.db
      .selectFrom('risk_evaluations')
      .select(['version_id', 'post_code', 'decision'])
      .where('id', '=', e.id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ version_id: 'passage-default-1', post_code: 'LAND-POIPET', decision: null })

    const supervisor = await t.signIn('supervisor.poipet')
    await supervisor.request('PUT', '/api/auth/locale', { locale: 'km' })
    const km = (await evaluate(supervisor, TRAFFICKING_CONTEXT)).json()
    expect(km.hits[0].reason).toMatch(/[\u1780-\u17FF]/)
  })

  it('refuses a context with an unknown or protected field, or a value of the wrong type', async () => {
    for (const context of [
      { traveller: { religion: 'x' } },
      { traveller: { ageYears: 'young' } },
      { income: 3 },
    ]) {
      const res = await evaluate(officer, context)
      expect(res.statusCode).toBe(400)
      expect(res.json().error.code).toBe('validation_failed')
    }
  })

  it('records answers as a new evaluation linked to the first, and refuses a wrong answer', async () => {
    const first = (await evaluate(officer, TRAFFICKING_CONTEXT)).json()
    const guide = (await officer.request('GET', `/api/risk/evaluations/${first.id}/interview`)).json()
    const debt = guide.questions.find((q: { id: string }) => q.id === 'debt')
    expect(debt.text.km).toMatch(/[\u1780-\u17FF]/)
    const bad = await officer.request('POST', `/api/risk/evaluations/${first.id}/answers`, {
      answers: { debt: 'maybe', nope: true },
    })
    expect(
      bad.json().error.details.map((d: { code: string; path: string }) => `${d.code}@${d.path}`),
    ).toEqual([
      'risk.interview.bad_answer@body.answers.debt',
      'risk.interview.unknown_question@body.answers.nope',
    ])
    const next = await officer.request('POST', `/api/risk/evaluations/${first.id}/answers`, {
      answers: { debt: true },
    })
    expect(next.statusCode).toBe(201)
    expect(next.json().parentId).toBe(first.id)
    expect(next.json().hits.map((h: { indicatorId: string }) => h.indicatorId)).toContain(
      'recruitment_fee_or_debt',
    )
    const old = (await officer.request('GET', `/api/risk/evaluations/${first.id}`)).json()
    expect(old.supersededBy).toBe(next.json().id)
  })

  it('records the decision; a confirmed notification reaches the agency inbox, escalates, and is acknowledged', async () => {
    const e = (await evaluate(officer, TRAFFICKING_CONTEXT)).json()
    const decide = (body: unknown) => officer.request('POST', `/api/risk/evaluations/${e.id}/decision`, body)
    const refused = await decide({ decision: 'secondary_interview', notify: ['notify_mosvy'] })
    expect(refused.json().error.details[0]).toMatchObject({ code: 'risk.decision.notify_not_suggested' })
    const ok = await decide({
      decision: 'secondary_interview',
      note: 'Phone shared by 7',
      notify: ['notify_police'],
    })
    expect(ok.statusCode).toBe(201)
    expect(ok.json()).toMatchObject({
      alerts: 1,
      evaluation: { decision: { decision: 'secondary_interview' } },
    })
    expect((await decide({ decision: 'no_action' })).json().error.details[0].code).toBe(
      'risk.decision.already_decided',
    )

    const inbox = (await investigator.request('GET', '/api/risk/alerts')).json()
    expect(inbox.items).toHaveLength(1)
    expect(inbox.items[0]).toMatchObject({
      action: 'notify_police',
      postCode: 'LAND-POIPET',
      escalated: false,
    })
    const social = await t.signIn('socialworker')
    expect((await social.request('GET', '/api/risk/alerts')).json().total).toBe(0)
    expect((await officer.request('GET', '/api/risk/alerts')).statusCode).toBe(403)

    const id = inbox.items[0].id
    // Escalation is the agency's setting: NPC's is shortened to 2 hours, and the alert is made 3 hours old.
    const admin = await t.signIn('admin')
    expect(
      (await investigator.request('PUT', '/api/risk/alert-settings/NPC', { escalateAfterHours: 2 }))
        .statusCode,
    ).toBe(403)
    expect(
      (await admin.request('PUT', '/api/risk/alert-settings/NPC', { escalateAfterHours: 2 })).statusCode,
    ).toBe(200)
    const old = new Date(Date.now() - 3 * 3_600_000)
    await t.store.db.updateTable('risk_alerts').set({ created_at: old }).where('id', '=', id).execute()
    const late = (await investigator.request('GET', '/api/risk/alerts?escalated=true')).json()
    expect(late).toMatchObject({ total: 1, escalated: 1, items: [{ id, escalated: true }] })

    const ack = await investigator.request('POST', `/api/risk/alerts/${id}/acknowledge`, {
      note: 'Team sent',
    })
    expect(ack.json()).toMatchObject({
      escalated: false,
      acknowledgement: { by: 'investigator', note: 'Team sent' },
    })
    const again = await investigator.request('POST', `/api/risk/alerts/${id}/acknowledge`, {})
    expect(again.json().error.details[0].code).toBe('risk.alerts.already_acknowledged')
    expect((await investigator.request('GET', '/api/risk/alerts')).json()).toMatchObject({
      total: 0,
      escalated: 0,
    })
  })
})

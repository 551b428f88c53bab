import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Client, createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { TRAFFICKING_CONTEXT } from './risk.testing.ts'

describe.each(engines())('risk analysis on %s', (engine) => {
  let t: TestApp
  let officer: Client
  let supervisor: Client
  const decided: string[] = []
  beforeAll(async () => {
    t = await createTestApp(engine)
    officer = await t.signIn('officer.poipet')
    supervisor = await t.signIn('supervisor.poipet')
    for (let i = 0; i < 3; i++) {
      const e = (
        await officer.request('POST', '/api/risk/evaluations', { context: TRAFFICKING_CONTEXT })
      ).json()
      await officer.request('POST', `/api/risk/evaluations/${e.id}/decision`, {
        decision: 'secondary_interview',
      })
      decided.push(e.id)
    }
  })
  afterAll(() => t.close())

  const outcome = (c: Client, id: string, value: string) =>
    c.request('POST', `/api/risk/evaluations/${id}/outcome`, { outcome: value, note: 'after the interview' })

  it('records an outcome once, only after the decision, and audits it', async () => {
    expect((await outcome(supervisor, decided[0]!, 'confirmed')).statusCode).toBe(204)
    const again = await outcome(supervisor, decided[0]!, 'not_confirmed')
    expect(again.statusCode).toBe(422)
    const undecided = (
      await officer.request('POST', '/api/risk/evaluations', { context: TRAFFICKING_CONTEXT })
    ).json()
    const early = await outcome(supervisor, undecided.id, 'confirmed')
    expect(early.statusCode).toBe(422)
    expect(early.json().error.details[0].message).toMatch(/decision before its outcome/)
    const audited = await t.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', decided[0]!)
      .where('action', '=', 'record_outcome')
      .execute()
    expect(audited).toHaveLength(1)
  })

  it('gives each indicator its precision from the known outcomes', async () => {
    await outcome(supervisor, decided[1]!, 'not_confirmed')
    const chief = await t.signIn('chief.poipet')
    const res = await chief.request('GET', '/api/risk/analysis')
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body.postCode).toBe('LAND-POIPET')
    const first = body.indicators[0]
    // Four evaluations of the same crossing: two with a known outcome, one confirmed.
    expect(first).toMatchObject({ hits: 4, confirmed: 1, notConfirmed: 1, precision: 0.5 })
    expect(first.nameKm).toMatch(/[\u1780-\u17FF]/)
    expect(body.weeks.reduce((s: number, w: { evaluations: number }) => s + w.evaluations, 0)).toBe(4)
  })

  it('is read by post chiefs and analysts only, and refuses an impossible period', async () => {
    expect((await officer.request('GET', '/api/risk/analysis')).statusCode).toBe(403)
    const analyst = await t.signIn('analyst')
    expect((await analyst.request('GET', '/api/risk/analysis')).json().postCode).toBeNull()
    const bad = await analyst.request('GET', '/api/risk/analysis?from=2026-05-01&to=2026-01-01')
    expect(bad.statusCode).toBe(400)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Client, TestApp } from '../../test/test-app.ts'
import { createTestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { referFromBorder } from './protection.testing.ts'

describe.each(engines())('protection cases on %s', (engine) => {
  let t: TestApp
  let worker: Client
  let manager: Client
  let caseId: string
  const step = (who: Client, body: Record<string, unknown>) =>
    who.request('POST', `/api/protection/cases/${caseId}/events`, body)
  const refusals = async () =>
    t.store.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('record_id', '=', caseId)
      .where('action', 'in', ['refused', 'read_denied'])
      .orderBy('seq')
      .execute()

  beforeAll(async () => {
    t = await createTestApp(engine)
    const referral = await referFromBorder(await t.signIn('officer.poipet'))
    worker = await t.signIn('socialworker')
    manager = await t.signIn('casemanager')
    caseId = (
      await worker.request('POST', `/api/protection/referrals/${referral}/events`, { type: 'accept' })
    ).json().caseId
  })
  afterAll(() => t.close())

  it('follows the case from assignment through plan approval to monitoring, with a timeline', async () => {
    const workers = (await manager.request('GET', '/api/protection/case-workers')).json()
    const sw = workers.find((w: { name: string }) => w.name === 'Lim Sreymom')
    expect((await step(manager, { type: 'assign', caseWorkerId: sw.id })).json().state).toBe('assigned')
    const help = await worker.request('POST', '/api/protection/assistance', {
      caseId,
      referralId: null,
      service: 'shelter',
      note: 'Bed at the transit centre',
      providedAt: null,
    })
    expect(help.statusCode).toBe(201)
    expect((await step(worker, { type: 'completeAssessment', summary: 'Needs shelter' })).json().state).toBe(
      'assessed',
    )
    const plan = await step(worker, {
      type: 'submitPlan',
      goals: ['Safe return home', 'Vocational training'],
    })
    expect(plan.json().state).toBe('planPendingApproval')
    expect((await step(worker, { type: 'approvePlan' })).json().error.details[0].code).toBe(
      'protection.errors.supervisorRequired',
    )
    const approved = await step(manager, { type: 'approvePlan' })
    expect(approved.json()).toMatchObject({ state: 'integration', stage: 'integration' })
    expect(approved.json().plan.approvedBy).toBe('Meas Chanthou')
    expect((await step(worker, { type: 'startMonitoring' })).json().state).toBe('monitoring')
    const view = (await worker.request('GET', `/api/protection/cases/${caseId}`)).json()
    expect(view.identification.outcome).toBe('presumedVictim')
    expect(view.timeline.map((e: { event: string }) => e.event)).toEqual([
      'opened',
      'accept',
      'assign',
      'shelter',
      'completeAssessment',
      'submitPlan',
      'approvePlan',
      'startMonitoring',
    ])
    expect(view.availableEvents).toContain('requestClosure')
  })

  it('flags an overdue follow-up on the case and the dashboard', async () => {
    const res = await worker.request('POST', `/api/protection/cases/${caseId}/follow-ups`, {
      dueDate: '2025-01-15',
      note: 'Home visit',
    })
    expect(res.statusCode).toBe(201)
    const list = (await manager.request('GET', '/api/protection/cases?overdue=true')).json()
    expect(list.map((c: { id: string }) => c.id)).toContain(caseId)
    expect(list[0]).not.toHaveProperty('identification')
    const dash = (await manager.request('GET', '/api/protection/dashboard')).json()
    expect(dash.overdueFollowUps[0]).toMatchObject({ status: 'overdue', dueDate: '2025-01-15' })
    expect(dash.identificationToAssistance.cases).toBe(1)
    expect(dash.caseload[0]).toMatchObject({ name: 'Lim Sreymom', count: 1 })
  })

  it('refuses a step out of order and a closure without approval: clear message, nothing changed, audited', async () => {
    const before = (await worker.request('GET', `/api/protection/cases/${caseId}`)).json()
    const outOfOrder = await step(manager, { type: 'submitPlan', goals: ['x'] })
    expect(outOfOrder.statusCode).toBe(422)
    expect(outOfOrder.json().error).toMatchObject({ code: 'rule_violation' })
    expect(outOfOrder.json().error.details[0]).toMatchObject({
      code: 'protection.errors.transitionNotAllowed',
      params: { state: 'monitoring', event: 'submitPlan' },
    })
    const noRequest = await step(manager, { type: 'approveClosure' })
    expect(noRequest.json().error.details[0].code).toBe('protection.errors.noPendingClosure')
    expect((await step(worker, { type: 'requestClosure', reason: 'goalsAchieved' })).statusCode).toBe(200)
    const byWorker = await step(worker, { type: 'approveClosure' })
    expect(byWorker.json().error.details[0].code).toBe('protection.errors.supervisorRequired')
    const after = (await worker.request('GET', `/api/protection/cases/${caseId}`)).json()
    expect(after.state).toBe(before.state)
    expect(after.timeline.length).toBe(before.timeline.length + 1)
    const audited = await refusals()
    // The worker's earlier attempt to approve their own plan is there too.
    expect(audited.map((a) => (a.details as { attempted: string }).attempted)).toEqual([
      'approvePlan',
      'submitPlan',
      'approveClosure',
      'approveClosure',
    ])
  })

  it('closes on a supervisor’s approval and reopens with a reason', async () => {
    const closed = await step(manager, { type: 'approveClosure' })
    expect(closed.json()).toMatchObject({
      state: 'closed',
      htcdsStatus: 'Closed',
      availableEvents: ['reopen'],
    })
    expect(closed.json().closure).toMatchObject({ reason: 'goalsAchieved', approvedBy: 'Meas Chanthou' })
    const reopened = await step(manager, { type: 'reopen', reason: 'Contacted again by the recruiter' })
    expect(reopened.json()).toMatchObject({ state: 'registered', reopenedCount: 1, caseWorker: null })
  })

  it('answers a read by a role without the right with 403, changes nothing and audits the attempt', async () => {
    const officer = await t.signIn('officer.poipet')
    const res = await officer.request('GET', `/api/protection/cases/${caseId}`)
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('forbidden')
    expect((await officer.request('GET', '/api/protection/cases')).statusCode).toBe(403)
    const ngo = await t.signIn('ngo.worker')
    expect((await ngo.request('GET', `/api/protection/cases/${caseId}`)).statusCode).toBe(403)
    const denied = (await refusals()).filter((a) => a.action === 'read_denied')
    expect(denied).toHaveLength(2)
    const reads = await t.store.db
      .selectFrom('audit_log')
      .select('actor_username')
      .where('record_id', '=', caseId)
      .where('action', '=', 'read')
      .execute()
    expect(reads.map((r) => r.actor_username)).toContain('socialworker')
  })

  it('exports de-identified HTCDS rows only for classes of at least k, and audits the export', async () => {
    const strict = (await manager.request('GET', '/api/protection/export?format=json')).json()
    expect(strict).toMatchObject({ k: 11, records: 1, released: 0, withheld: 1, rows: [] })
    // k under the administrator's floor (11) is refused, not run (k-floor.api.test.ts covers the rest).
    const loose = await manager.request('GET', '/api/protection/export?format=json&k=2')
    expect(loose.statusCode).toBe(422)
    expect(loose.json().error.details[0].code).toBe('protection.errors.kBelowFloor')
    const csv = await manager.request('GET', '/api/protection/export')
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.body).not.toContain('Sreypov')
    // Each profile under its standard's own names: HTCDS's prefixed fields, CTDC's dataset columns.
    expect(csv.body.split('\r\n')[0]).toContain('prs_Gender,prs_Nationality')
    const ctdc = await manager.request('GET', '/api/protection/export?profile=ctdc')
    expect(ctdc.body.split('\r\n')[0]).toMatch(
      /^\uFEFF?yearOfRegistration,gender,ageBroad,majorityStatus,citizenship,/,
    )
    expect(ctdc.headers['content-disposition']).toContain('passage-ctdc-')
    expect((await manager.request('GET', '/api/protection/export?profile=ctdc2')).statusCode).toBe(400)
    expect((await worker.request('GET', '/api/protection/export')).statusCode).toBe(403)
    const exports = await t.store.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'export')
      .execute()
    expect(exports.map((e) => (e.details as { k: number }).k)).toEqual([11, 11, 11])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Client, TestApp } from '../../test/test-app.ts'
import { createTestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { POIPET_CENTRE, presumedVictimAnswers } from '../protection/protection.testing.ts'
import { crossingCount, daysAgo, decisionFor, inspect, passportMrz } from './crossings.testing.ts'

/** Reads a passport at Poipet and refers the traveller to secondary; returns the inspection and the queue item. */
async function refer(officer: Client, number: string, over: Record<string, unknown> = {}) {
  const i = await inspect(officer, passportMrz(number))
  const res = await officer.request(
    'POST',
    '/api/crossings',
    decisionFor(i, { decision: 'refer_secondary', referralNote: 'Story does not match the visa.', ...over }),
  )
  if (res.statusCode !== 201) throw new Error(`referral failed: ${res.body}`)
  const queue = await officer.request('GET', '/api/crossings/secondary')
  const item = queue.json().items.find((x: { crossingId: string }) => x.crossingId === res.json().id)
  return { i, crossing: res.json(), item }
}

const decide = (c: Client, id: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  c.request('POST', `/api/crossings/secondary/${id}/decision`, { refusalReason: null, ...body }, headers)

/** Takes the referral into interview as the supervisor, who will decide it. */
async function interview(t: TestApp, id: string) {
  const supervisor = await t.signIn('supervisor.poipet')
  const taken = await supervisor.request('POST', `/api/crossings/secondary/${id}/take`)
  expect(taken.statusCode).toBe(201)
  return supervisor
}

describe.each(engines())('secondary inspection on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  it('queues a referral with the crossing, shows why, and keeps it to its post', async () => {
    const officer = await t.signIn('officer.poipet')
    const { i, item } = await refer(officer, 'SB1000001')
    expect(item).toMatchObject({
      state: 'waiting',
      direction: 'entry',
      referredBy: 'officer.poipet',
      referralNote: 'Story does not match the visa.',
      traveller: { id: i.traveller.id, name: 'ANONG SOMCHAI' },
      takenAt: null,
      dwell: { interviewSeconds: null },
    })
    const detail = await officer.request('GET', `/api/crossings/secondary/${item.id}`)
    expect(detail.statusCode).toBe(200)
    expect(detail.json()).toMatchObject({ risk: { id: i.risk.id }, hits: [], notes: [] })
    expect(detail.json().history[0]).toMatchObject({ decision: 'refer_secondary' })

    const bavet = await t.signIn('customs.bavet')
    const elsewhere = await bavet.request('GET', '/api/crossings/secondary')
    expect(elsewhere.json().items.map((x: { id: string }) => x.id)).not.toContain(item.id)
    expect((await bavet.request('GET', `/api/crossings/secondary/${item.id}`)).statusCode).toBe(403)
    expect((await bavet.request('POST', `/api/crossings/secondary/${item.id}/take`)).statusCode).toBe(403)
  })

  it('keeps a traveller waiting in secondary from any decision at a primary counter', async () => {
    const officer = await t.signIn('officer.poipet')
    const { i } = await refer(officer, 'SB1000002')
    const j = await inspect(officer, passportMrz('SB1000002'))
    const admit = await officer.request('POST', '/api/crossings', decisionFor(j))
    expect(admit.statusCode).toBe(422)
    expect(admit.json().error.details[0].code).toBe('crossings.rules.in_secondary')
    expect(await crossingCount(t, i.traveller.id)).toBe(1)
  })

  it('admits after the interview: an admitted entry the sequence rules then follow', async () => {
    const officer = await t.signIn('officer.poipet')
    const { i, item } = await refer(officer, 'SB1000003')
    const supervisor = await interview(t, item.id)
    const noted = await supervisor.request('POST', `/api/crossings/secondary/${item.id}/notes`, {
      text: 'Hotel booking and return ticket shown.',
    })
    expect(noted.statusCode).toBe(201)
    expect(noted.json()).toMatchObject({ state: 'in_interview', takenBy: 'supervisor.poipet' })
    expect(noted.json().notes).toMatchObject([
      { author: 'supervisor.poipet', text: 'Hotel booking and return ticket shown.' },
    ])
    const res = await decide(supervisor, item.id, { outcome: 'admit', note: 'Purpose confirmed.' })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ state: 'decided', outcome: 'admit', decidedBy: 'supervisor.poipet' })
    expect(res.json().dwell.interviewSeconds).not.toBeNull()
    const history = res.json().history
    expect(history[0]).toMatchObject({
      id: res.json().resultCrossingId,
      decision: 'admit',
      direction: 'entry',
    })

    const again = await inspect(officer, passportMrz('SB1000003'))
    expect(again.expectedDirection).toBe('exit')
    const second = await officer.request('POST', '/api/crossings', decisionFor(again))
    expect(second.json().error.details[0].code).toBe('crossings.rules.already_inside')
    expect(await crossingCount(t, i.traveller.id)).toBe(2)
    const queue = await officer.request('GET', '/api/crossings/secondary')
    expect(queue.json().items.map((x: { id: string }) => x.id)).not.toContain(item.id)
  })

  it('refuses with a reason once: a second decision cannot then admit the traveller', async () => {
    const officer = await t.signIn('officer.poipet')
    const { i, item } = await refer(officer, 'SB1000004')
    const supervisor = await interview(t, item.id)
    const noReason = await decide(supervisor, item.id, { outcome: 'refuse', note: 'No visa.' })
    expect(noReason.json().error.details[0].code).toBe('crossings.secondary.rules.reason_required')
    const refused = await decide(supervisor, item.id, {
      outcome: 'refuse',
      refusalReason: 'no_valid_visa',
      note: 'No visa.',
    })
    expect(refused.statusCode).toBe(201)
    expect(refused.json()).toMatchObject({ outcome: 'refuse', refusalReason: 'no_valid_visa' })
    expect(refused.json().history[0]).toMatchObject({ decision: 'refuse', refusalReason: 'no_valid_visa' })

    const chief = await t.signIn('chief.poipet')
    const twice = await decide(chief, item.id, { outcome: 'admit', note: 'Changed my mind.' })
    expect(twice.statusCode).toBe(422)
    expect(twice.json().error.details[0].code).toBe('crossings.secondary.rules.already_decided')
    const late = await chief.request('POST', `/api/crossings/secondary/${item.id}/notes`, { text: 'Late.' })
    expect(late.json().error.details[0].code).toBe('crossings.secondary.rules.already_decided')
    const j = await inspect(officer, passportMrz('SB1000004'))
    const counter = await officer.request('POST', '/api/crossings', decisionFor(j))
    expect(counter.json().error.details[0].code).toBe('crossings.rules.refused_today')
    expect(await crossingCount(t, i.traveller.id)).toBe(2)
  })

  it('hands over to the police: not admitted, and the police inbox alerted', async () => {
    const officer = await t.signIn('officer.poipet')
    const { i, item } = await refer(officer, 'SB1000005')
    const supervisor = await interview(t, item.id)
    const res = await decide(supervisor, item.id, {
      outcome: 'hand_over_police',
      refusalReason: 'public_order_threat',
      note: 'Wanted; handed to the post’s police officer.',
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().history[0]).toMatchObject({ decision: 'refuse' })
    const alert = await t.store.db
      .selectFrom('risk_alerts')
      .selectAll()
      .where('id', '=', res.json().policeAlertId)
      .executeTakeFirstOrThrow()
    expect(alert).toMatchObject({ agency_code: 'NPC', evaluation_id: i.risk.id, post_code: 'LAND-POIPET' })
    const police = await t.signIn('investigator')
    const inbox = await police.request('GET', '/api/risk/alerts')
    expect(JSON.stringify(inbox.json())).toContain(alert.id)
  })

  it('refers an entry to protection from the outcome and admits the person', async () => {
    const officer = await t.signIn('officer.poipet')
    const { i, item } = await refer(officer, 'SB1000006')
    const supervisor = await interview(t, item.id)
    const consent = (purpose: string) => ({
      purpose,
      decision: 'given',
      givenBy: 'self',
      guardianName: null,
      method: 'verbal',
    })
    const protection = {
      answers: presumedVictimAnswers,
      consents: [consent('services'), consent('sharing')],
      providerId: POIPET_CENTRE,
      services: ['shelter', 'food'],
      note: 'Escaped a scam compound; documents were held.',
    }
    const missing = await decide(supervisor, item.id, { outcome: 'refer_protection', note: 'Victim.' })
    expect(missing.json().error.details[0].code).toBe('crossings.secondary.protection_required')
    const res = await decide(supervisor, item.id, {
      outcome: 'refer_protection',
      note: 'Victim.',
      protection,
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().history[0]).toMatchObject({ decision: 'admit', direction: 'entry' })
    const referral = await t.store.db
      .selectFrom('protection_referrals')
      .selectAll()
      .where('id', '=', res.json().protectionReferralId)
      .executeTakeFirstOrThrow()
    expect(referral).toMatchObject({ provider_id: POIPET_CENTRE, from_post: 'LAND-POIPET' })
    expect(await crossingCount(t, i.traveller.id)).toBe(2)
  })

  it('lets a frontline officer interview but not decide, and nobody decide before the interview', async () => {
    const officer = await t.signIn('officer.poipet')
    const { i, item } = await refer(officer, 'SB1000007')
    const supervisor = await t.signIn('supervisor.poipet')
    const early = await decide(supervisor, item.id, { outcome: 'admit', note: 'Fine.' })
    expect(early.json().error.details[0].code).toBe('crossings.secondary.rules.not_taken')
    expect((await officer.request('POST', `/api/crossings/secondary/${item.id}/take`)).statusCode).toBe(201)
    const note = await officer.request('POST', `/api/crossings/secondary/${item.id}/notes`, {
      text: 'Asked.',
    })
    expect(note.statusCode).toBe(201)
    const own = await decide(officer, item.id, { outcome: 'admit', note: 'Fine.' })
    expect(own.statusCode).toBe(403)
    expect(await crossingCount(t, i.traveller.id)).toBe(1)
    const taken = await supervisor.request('POST', `/api/crossings/secondary/${item.id}/take`)
    expect(taken.json()).toMatchObject({ takenBy: 'supervisor.poipet' })
  })

  it('links a document examination made during the interview, and only one of this traveller', async () => {
    const officer = await t.signIn('officer.poipet')
    const { i, item } = await refer(officer, 'SB1000011')
    const other = await inspect(officer, passportMrz('SB1000012'))
    const examine = (documentId: string) =>
      officer.request('POST', '/api/documents/examinations', {
        documentId,
        templateId: 'VNM-P',
        finding: 'suspected',
        results: { 'generic.photo_not_substituted': 'anomaly' },
        notes: 'Raised edge at the portrait corner',
      })
    const exam = (await examine(i.document.id)).json()
    const notTaken = await officer.request('POST', `/api/crossings/secondary/${item.id}/examinations`, {
      examinationId: exam.id,
    })
    expect(notTaken.json().error.details[0].code).toBe('crossings.secondary.rules.not_taken')
    await officer.request('POST', `/api/crossings/secondary/${item.id}/take`)
    const linked = await officer.request('POST', `/api/crossings/secondary/${item.id}/examinations`, {
      examinationId: exam.id,
    })
    expect(linked.statusCode).toBe(201)
    expect(linked.json().examinations).toMatchObject([{ id: exam.id, finding: 'suspected' }])
    const foreign = (await examine(other.document.id)).json()
    const wrong = await officer.request('POST', `/api/crossings/secondary/${item.id}/examinations`, {
      examinationId: foreign.id,
    })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.details[0].code).toBe('crossings.secondary.unknown_examination')
  })

  it('refuses at the database an edited note and a second open referral for the traveller', async () => {
    const officer = await t.signIn('officer.poipet')
    const { crossing, item } = await refer(officer, 'SB1000013')
    await officer.request('POST', `/api/crossings/secondary/${item.id}/take`)
    await officer.request('POST', `/api/crossings/secondary/${item.id}/notes`, { text: 'First answer.' })
    const db = t.store.db
    await expect(db.updateTable('secondary_notes').set({ text: 'Changed.' }).execute()).rejects.toThrow(
      /append-only/,
    )
    const row = await db
      .selectFrom('secondary_inspections')
      .selectAll()
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow()
    const second = { ...row, id: crypto.randomUUID(), taken_by: null, taken_at: null }
    await expect(db.insertInto('secondary_inspections').values(second).execute()).rejects.toThrow(
      /secondary_inspections_crossing_id_key|secondary_open_traveller_idx/,
    )
    expect(crossing.decision).toBe('refer_secondary')
  })

  it('decides once when the same decision is retried with its Idempotency-Key', async () => {
    const officer = await t.signIn('officer.poipet')
    const { i, item } = await refer(officer, 'SB1000008')
    const supervisor = await interview(t, item.id)
    const headers = { 'idempotency-key': 'secondary-decide-0001' }
    const body = { outcome: 'refuse', refusalReason: 'entry_ban', note: 'Banned.' }
    const first = await decide(supervisor, item.id, body, headers)
    const second = await decide(supervisor, item.id, body, headers)
    expect(first.statusCode).toBe(201)
    expect(second.statusCode).toBe(200)
    expect(second.json().resultCrossingId).toBe(first.json().resultCrossingId)
    expect(await crossingCount(t, i.traveller.id)).toBe(2)
  })

  it('re-evaluates risk with the companions recorded, so a child with a parent is not flagged unaccompanied', async () => {
    const officer = await t.signIn('officer.poipet')
    const parent = await inspect(officer, passportMrz('SB1000009'))
    const child = await inspect(officer, passportMrz('SB1000010', { birthDate: daysAgo(15 * 365) }))
    const flagged = (e: { hits: { indicatorId: string }[] }) =>
      e.hits.some((h) => h.indicatorId === 'minor_without_guardian')
    expect(flagged(child.risk)).toBe(true)
    const companions = [{ travellerId: parent.traveller.id, relation: 'parent' }]
    const res = await officer.request('POST', '/api/crossings', decisionFor(child, { companions }))
    expect(res.statusCode).toBe(201)
    const linked = res.json().riskEvaluationId
    expect(linked).not.toBe(child.risk.id)
    const evaluation = await officer.request('GET', `/api/risk/evaluations/${linked}`)
    expect(evaluation.json()).toMatchObject({ parentId: child.risk.id })
    expect(flagged(evaluation.json())).toBe(false)
    const first = await officer.request('GET', `/api/risk/evaluations/${child.risk.id}`)
    expect(first.json().supersededBy).toBe(linked)
  })
})

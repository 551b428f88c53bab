import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import type { Client, TestApp } from '../../test/test-app.ts'
import { createTestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { referFromBorder } from '../protection/protection.testing.ts'
import { THAI_PERSON, THAI_PHONE } from './exchange-web.testing.ts'

const AGREEMENT = 'KH-TH-MOU-2003'
const selfConsent = (purpose: string) => ({
  purpose,
  decision: 'given',
  givenBy: 'self',
  guardianName: null,
  method: 'verbal',
})

describe.each(engines())('the exchange on the board and in the case on %s', (engine) => {
  let t: TestApp
  let officer: Client
  let worker: Client
  let caseId: string
  const day = todayInCambodia()

  /** A Thai citizen met at Poipet, with her sharing consent recorded: more data than the agreement lets go. */
  const openCase = async (person: Record<string, unknown> = {}, consents?: unknown[]) => {
    const base = { ...THAI_PERSON, ...person }
    const referral = await referFromBorder(officer, { person: base, ...(consents ? { consents } : {}) })
    const res = await worker.request('POST', `/api/protection/referrals/${referral}/events`, {
      type: 'accept',
    })
    expect(res.statusCode).toBe(200)
    return res.json().caseId as string
  }
  // Arrivals as a received return list and an agreed handover leave them (receiving is exchange-story's test).
  const arrival = async (over: Record<string, unknown> = {}) => {
    const id = randomUUID()
    await t.store.db
      .insertInto('exchange_arrivals')
      .values({
        id,
        message_id: randomUUID(),
        partner_code: 'TH-MSDHS',
        row_key: `test:${id}`,
        thread_ref: null,
        post_code: 'LAND-POIPET',
        border_point: 'LAND-POIPET',
        expected_on: day,
        given_latin: 'Vuthy',
        family_latin: 'Prak',
        sex: 'M',
        birth_date: null,
        nationality: 'KH',
        ...over,
      })
      .execute()
    return id
  }
  const board = async () => (await officer.request('GET', '/api/posts/LAND-POIPET/board')).json().arrivals
  const messageCount = async () =>
    Number(
      (
        await t.store.db
          .selectFrom('exchange_messages')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  beforeAll(async () => {
    t = await createTestApp(engine)
    officer = await t.signIn('officer.poipet')
    worker = await t.signIn('socialworker')
    caseId = await openCase()
  }, 120_000)
  afterAll(() => t.close())

  it("shows a post's expected arrivals with the partner named, live in the board's counts, to that post only", async () => {
    const before = await board()
    const listRow = await arrival()
    const handover = await arrival({ thread_ref: 'TH-R-77', given_latin: 'Sokha', family_latin: 'Chan' })
    const bavet = await arrival({ post_code: 'LAND-BAVET', border_point: 'LAND-BAVET' })
    expect(await board()).toEqual({ expected: before.expected + 2, arrived: before.arrived })

    const res = await officer.request('GET', '/api/exchange/board/LAND-POIPET/arrivals')
    expect(res.statusCode).toBe(200)
    const items = res.json().items as {
      id: string
      kind: string
      partnerNameEn: string
      partnerNameKm: string
    }[]
    expect(items.map((a) => a.id)).toEqual(expect.arrayContaining([listRow, handover]))
    expect(items.map((a) => a.id)).not.toContain(bavet)
    const row = items.find((a) => a.id === handover)!
    expect(row.kind).toBe('handover')
    expect(row.partnerNameEn).toMatch(/Thailand|Social Development/)
    expect(row.partnerNameKm).toMatch(/[\u1780-\u17FF]/)
    // Another post's board, and a post that does not exist.
    expect((await officer.request('GET', '/api/exchange/board/LAND-BAVET/arrivals')).statusCode).toBe(403)
    const customs = await t.signIn('customs.bavet')
    expect((await customs.request('GET', '/api/exchange/board/LAND-POIPET/arrivals')).statusCode).toBe(403)
    expect((await worker.request('GET', '/api/exchange/board/NOWHERE/arrivals')).statusCode).toBe(404)
  })

  it('lets the border record a return-list arrival once, at its own post only, audited', async () => {
    const before = await board()
    const listRow = await arrival()
    const handover = await arrival({ thread_ref: 'TH-R-78' })
    const bavet = await arrival({ post_code: 'LAND-BAVET', border_point: 'LAND-BAVET' })
    const arrive = (c: Client, id: string) => c.request('POST', `/api/exchange/board/arrivals/${id}/arrived`)

    const done = await arrive(officer, listRow)
    expect(done.statusCode).toBe(200)
    expect(done.json()).toMatchObject({ status: 'arrived', kind: 'list' })
    expect(await board()).toEqual({ expected: before.expected + 1, arrived: before.arrived + 1 })
    expect((await arrive(officer, listRow)).json().error.code).toBe('conflict')
    // A repatriated victim's handover opens a protection case: MoSVY records it, not the counter.
    expect((await arrive(officer, handover)).statusCode).toBe(409)
    // Another post's arrival, an unknown id, a malformed id: refused, nothing changes.
    expect((await arrive(officer, bavet)).statusCode).toBe(403)
    expect((await arrive(officer, randomUUID())).statusCode).toBe(404)
    expect((await arrive(officer, 'not-an-id')).statusCode).toBe(400)
    const statuses = await t.store.db
      .selectFrom('exchange_arrivals')
      .select(['id', 'status', 'arrived_by'])
      .where('id', 'in', [listRow, handover, bavet])
      .execute()
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [listRow]: 'arrived',
      [handover]: 'expected',
      [bavet]: 'expected',
    })
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('record_id', '=', listRow)
      .execute()
    expect(audit).toEqual([{ action: 'arrive', actor_username: 'officer.poipet' }])
  })

  it('previews a referral from the case: allowed fields marked, the rest withheld, the consent shown', async () => {
    const res = await worker.request('POST', `/api/protection/cases/${caseId}/exchange/preview`, {
      agreement: AGREEMENT,
      note: 'Asks to go home to Sa Kaeo.',
    })
    expect(res.statusCode).toBe(200)
    const p = res.json()
    expect(p.content).toMatchObject({
      prs_FirstName: 'Malee',
      prs_SecondName: 'Srisuk',
      prs_Nationality: 'TH',
      prs_Birthdate: '1999-05-02',
      vic_AgreementToManagePersonalData: 'yes',
      cas_IncomingReferralDetails: 'Asks to go home to Sa Kaeo.',
    })
    expect(p.withheld).toEqual(expect.arrayContaining(['prs_MobilePhone', 'vic_DetailsOfVulnerabilities']))
    expect(p.content).not.toHaveProperty('prs_MobilePhone')
    expect(p.allowed).toContain('prs_FirstName')
    expect(p.allowed).not.toContain('prs_MobilePhone')
    expect(p).toMatchObject({
      consentRule: 'required',
      consent: { sharing: 'given', child: false },
      blocked: null,
    })
    expect(p.agreement).toMatchObject({ code: AGREEMENT, partner: 'TH-MSDHS' })
  })

  it('sends only what the agreement allows, whatever the browser sends, once per idempotency key', async () => {
    const url = `/api/protection/cases/${caseId}/exchange`
    const before = await messageCount()
    // A member the route does not know (the person's phone slipped in by a browser) is refused whole.
    const slipped = await worker.request('POST', url, {
      agreement: AGREEMENT,
      kind: 'repatriation',
      note: null,
      content: { prs_MobilePhone: THAI_PHONE },
    })
    expect(slipped.statusCode).toBe(400)
    const key = { 'idempotency-key': `case-send-${randomUUID()}` }
    const body = { agreement: AGREEMENT, kind: 'repatriation', note: 'Family found in Sa Kaeo.' }
    const sent = await worker.request('POST', url, body, key)
    expect(sent.statusCode).toBe(201)
    expect(sent.json().withheld).toEqual(expect.arrayContaining(['prs_MobilePhone']))
    expect((await worker.request('POST', url, body, key)).json().id).toBe(sent.json().id)
    expect(await messageCount()).toBe(before + 1)
    const row = await t.store.db
      .selectFrom('exchange_messages')
      .select(['content', 'jws', 'thread_ref', 'partner_code'])
      .where('id', '=', sent.json().id)
      .executeTakeFirstOrThrow()
    // The signed envelope, as it leaves: no withheld field name, and the phone number nowhere in it.
    expect(row.jws).not.toBeNull() // a message just sent is never past retention
    const signed = Buffer.from((row.jws ?? '').split('.')[1]!, 'base64url').toString('utf8')
    expect(signed).not.toContain('prs_MobilePhone')
    expect(signed).not.toContain(THAI_PHONE.slice(1))
    expect(signed).not.toContain('vic_DetailsOfVulnerabilities')
    expect(Object.keys(row.content)).not.toContain('prs_MobilePhone')
    expect(row.partner_code).toBe('TH-MSDHS')
    expect(row.thread_ref).toMatch(/^KH-C\d+-[0-9A-F]{6}$/)
  })

  it("refuses a referral without the case's consent, from another agency, or a role too low; nothing is sent", async () => {
    const before = await messageCount()
    // The person withdraws her consent to sharing after the case opened.
    const refusedConsent = await openCase({ givenLatin: 'Nok' })
    const personId = (await worker.request('GET', `/api/protection/cases/${refusedConsent}`)).json().person.id
    const withdrawn = await worker.request('POST', `/api/protection/persons/${personId}/consents`, {
      ...selfConsent('sharing'),
      decision: 'withdrawn',
    })
    expect(withdrawn.statusCode).toBe(201)
    const preview = await worker.request('POST', `/api/protection/cases/${refusedConsent}/exchange/preview`, {
      agreement: AGREEMENT,
    })
    expect(preview.json()).toMatchObject({
      consent: { sharing: 'withdrawn' },
      blocked: { reason: 'missing_consent' },
    })
    const send = (c: Client, id: string, over: Record<string, unknown> = {}) =>
      c.request('POST', `/api/protection/cases/${id}/exchange`, {
        agreement: AGREEMENT,
        kind: 'referral',
        ...over,
      })
    const refused = await send(worker, refusedConsent)
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error.details[0].params.reason).toBe('missing_consent')
    // A child: her guardian's consent is not enough, a best-interests determination is stated by the worker.
    const guardian = (purpose: string) => ({
      ...selfConsent(purpose),
      givenBy: 'appointedGuardian',
      guardianName: 'Keo Sophal',
    })
    const child = await openCase({ givenLatin: 'Dao', birthDate: '2015-01-09' }, [
      guardian('services'),
      guardian('sharing'),
    ])
    expect((await send(worker, child)).json().error.details[0].params.reason).toBe('missing_consent')
    expect((await send(worker, child, { bestInterestsDone: true })).statusCode).toBe(201)
    const ngo = await t.signIn('ngo.worker')
    expect((await send(ngo, caseId)).statusCode).toBe(404)
    expect((await send(officer, caseId)).statusCode).toBe(403)
    expect((await send(worker, caseId, { agreement: 'NO-SUCH-AGREEMENT' })).statusCode).toBe(422)
    expect((await send(worker, caseId, { note: 'bell\u0007' })).statusCode).toBe(400)
    expect((await send(worker, caseId, { note: 'x'.repeat(2001) })).statusCode).toBe(400)
    expect((await send(worker, randomUUID())).statusCode).toBe(404)
    expect(await messageCount()).toBe(before + 1)
  })

  it("shows the case's exchange timeline with partner and agreement; reading a received message is audited", async () => {
    const url = `/api/protection/cases/${caseId}/exchange`
    const first = (await worker.request('GET', url)).json()
    const thread = first.threads[0]
    expect(thread).toMatchObject({ partner: 'TH-MSDHS' })
    // The partner's answer on the same thread, as the inbox stores a received message.
    const answerId = randomUUID()
    await t.store.db
      .insertInto('exchange_messages')
      .values({
        id: answerId,
        direction: 'in',
        partner_code: 'TH-MSDHS',
        agreement_code: AGREEMENT,
        type: 'repatriation.nationality_verification',
        thread_ref: thread.ref,
        content: JSON.stringify({ xch_RepatriationRef: thread.ref, xch_VerificationResult: 'verified' }),
        jws: 'x.y.z',
        hash: `h-${answerId}`,
        prev_hash: null,
        sent_at: new Date(Date.now() + 1000),
        status: 'applied',
        sealed: null,
      })
      .execute()
    const view = (await worker.request('GET', url)).json()
    expect(view.messages.map((m: { type: string; direction: string }) => [m.direction, m.type])).toEqual([
      ['out', 'repatriation.referral'],
      ['in', 'repatriation.nationality_verification'],
    ])
    const answer = view.messages[1]
    expect(answer).toMatchObject({ partner: 'TH-MSDHS', agreement: AGREEMENT, status: 'applied' })
    expect(answer.agreementTitle).toContain('Cambodia–Thailand')
    expect(answer.legal.date).toBe('2003-05-31')
    expect(answer).not.toHaveProperty('content')
    // The case's own timeline names the request with its thread.
    const kase = (await worker.request('GET', `/api/protection/cases/${caseId}`)).json()
    expect(kase.timeline.map((e: { event: string }) => e.event)).toContain('repatriation_requested')

    const read = await worker.request('GET', `/api/exchange/messages/in/${answerId}`)
    expect(read.json().content.xch_VerificationResult).toBe('verified')
    const reads = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('record_id', '=', answerId)
      .execute()
    expect(reads).toEqual([{ action: 'read', actor_username: 'socialworker' }])
    // Another agency's worker, and the border, do not reach the case's exchange.
    expect((await (await t.signIn('ngo.worker')).request('GET', url)).statusCode).toBe(404)
    expect((await officer.request('GET', url)).statusCode).toBe(403)
  })
})

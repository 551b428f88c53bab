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
  const countOf = async (table: 'returnees' | 'protection_cases' | 'protection_persons') =>
    Number(
      (
        await t.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
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

  it('registers a return-list arrival as a returnee once, with the list as source, at its own post only, audited', async () => {
    const before = await board()
    const listRow = await arrival({
      row_key: 'list:DEP-2026-12-04:r7',
      birth_date: '1990-04-02',
      nationality: 'KH',
    })
    const handover = await arrival({ thread_ref: 'TH-R-78' })
    const bavet = await arrival({ post_code: 'LAND-BAVET', border_point: 'LAND-BAVET' })
    const arrive = (c: Client, id: string, key?: string) =>
      c.request(
        'POST',
        `/api/exchange/board/arrivals/${id}/arrived`,
        undefined,
        key ? { 'idempotency-key': key } : {},
      )
    const returneesBefore = await countOf('returnees')

    const done = await arrive(officer, listRow, 'board-arrived-1')
    expect(done.statusCode).toBe(201)
    expect(done.json()).toMatchObject({ status: 'arrived', kind: 'list' })
    const returneeId = done.json().returneeId as string
    expect(returneeId).toMatch(/^[0-9a-f-]{36}$/)
    // A retried request with the same key gets the same registration; without one, recording twice is refused.
    const retried = await arrive(officer, listRow, 'board-arrived-1')
    expect(retried.statusCode).toBe(200)
    expect(retried.json().returneeId).toBe(returneeId)
    expect((await arrive(officer, listRow)).json().error.code).toBe('conflict')
    expect(await countOf('returnees')).toBe(returneesBefore + 1)
    expect(await board()).toEqual({ expected: before.expected + 1, arrived: before.arrived + 1 })

    // The registration holds the list's data and names the partner's list and row; both sides link.
    const registered = await officer.request('GET', `/api/returns?post=LAND-POIPET&q=Vuthy`)
    const mine = registered.json().items.find((r: { id: string }) => r.id === returneeId)
    expect(mine).toMatchObject({
      givenLatin: 'Vuthy',
      familyLatin: 'Prak',
      sex: 'M',
      birthDate: '1990-04-02',
      nationality: 'KHM',
      returnType: 'g2g_list',
      listRef: 'TH-MSDHS:DEP-2026-12-04',
    })
    const row = await t.store.db
      .selectFrom('returnees')
      .select(['list_key', 'registered_by'])
      .where('id', '=', returneeId)
      .executeTakeFirstOrThrow()
    expect(row.list_key).toBe('r7')

    // A handover goes through its own endpoint; another post's arrival, an unknown id, a malformed id: refused.
    expect((await arrive(officer, handover)).statusCode).toBe(409)
    expect((await arrive(officer, bavet)).statusCode).toBe(403)
    expect((await arrive(officer, randomUUID())).statusCode).toBe(404)
    expect((await arrive(officer, 'not-an-id')).statusCode).toBe(400)
    // A list row the registration refuses (a Latin name in Khmer script, a birth date to come): its own
    // translated field errors, and no trace.
    const bad = await arrival({ given_latin: 'សុខា', birth_date: '2999-01-01' })
    const refused = await arrive(officer, bad)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.code).toBe('validation_failed')
    expect(
      refused
        .json()
        .error.details.map((f: { code: string }) => f.code)
        .sort(),
    ).toEqual(['returns.errors.birth_date_in_future', 'returns.errors.latin_name_not_latin'])
    expect(await countOf('returnees')).toBe(returneesBefore + 1)
    const statuses = await t.store.db
      .selectFrom('exchange_arrivals')
      .select(['id', 'status', 'returnee_id'])
      .where('id', 'in', [listRow, handover, bavet, bad])
      .execute()
    expect(Object.fromEntries(statuses.map((s) => [s.id, [s.status, s.returnee_id]]))).toEqual({
      [listRow]: ['arrived', returneeId],
      [handover]: ['expected', null],
      [bavet]: ['expected', null],
      [bad]: ['expected', null],
    })
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'resource', 'actor_username'])
      .where('record_id', 'in', [listRow, returneeId])
      .orderBy('seq')
      .execute()
    expect(audit).toEqual([
      { action: 'create', resource: 'returnee', actor_username: 'officer.poipet' },
      { action: 'arrive', resource: 'exchange_arrival', actor_username: 'officer.poipet' },
    ])
  })

  // Six sign-ins and a signed receipt: more than the default 30 s when the machine is shared.
  it("lets the post's officer record a handover: the case opens at MoSVY, the receipt goes back, the officer cannot read it", {
    timeout: 120_000,
  }, async () => {
    const ref = 'TH-R-90'
    await t.store.db
      .insertInto('exchange_messages')
      .values({
        id: randomUUID(),
        direction: 'in',
        partner_code: 'TH-MSDHS',
        agreement_code: AGREEMENT,
        type: 'repatriation.referral',
        thread_ref: ref,
        content: JSON.stringify({
          prs_FirstName: 'Sokha',
          prs_SecondName: 'Chan',
          xch_FirstNameNative: 'សុខា',
          prs_Birthdate: '1998-03-14',
          prs_Gender: 'Female',
          prs_Nationality: 'KH',
          xch_RepatriationRef: ref,
        }),
        jws: 'test',
        hash: randomUUID(),
        prev_hash: null,
        sent_at: new Date(),
        status: 'applied',
      })
      .execute()
    const handover = await arrival({ thread_ref: ref, row_key: `repatriation:${ref}` })
    const orphan = await arrival({ thread_ref: 'TH-R-NONE' })
    const record = (c: Client, id: string) => c.request('POST', `/api/exchange/arrivals/${id}/handover`)
    const counts = async () => [
      await countOf('protection_cases'),
      await countOf('protection_persons'),
      await messageCount(),
    ]
    const before = await counts()

    // Another post's officer, a role without the grant, a thread without its referral: refused, nothing written.
    expect((await record(await t.signIn('customs.bavet'), handover)).statusCode).toBe(403)
    expect((await record(await t.signIn('investigator'), handover)).statusCode).toBe(403)
    expect((await record(await t.signIn('analyst'), handover)).statusCode).toBe(403)
    expect((await record(officer, orphan)).statusCode).toBe(409)
    // An agreement that names no receiving agency: refused before anything is written.
    const rules = (
      await t.store.db
        .selectFrom('exchange_agreements')
        .select('rules')
        .where('code', '=', AGREEMENT)
        .executeTakeFirstOrThrow()
    ).rules as Record<string, Record<string, unknown>>
    const setRules = (r: unknown) =>
      t.store.db
        .updateTable('exchange_agreements')
        .set({ rules: JSON.stringify(r) })
        .where('code', '=', AGREEMENT)
        .execute()
    const { receivingAgency, ...withoutAgency } = rules['repatriation.referral']!
    expect(receivingAgency).toBe('MOSVY')
    await setRules({ ...rules, 'repatriation.referral': withoutAgency })
    const noAgency = await record(officer, handover)
    await setRules(rules)
    expect(noAgency.statusCode).toBe(409)
    expect(await counts()).toEqual(before)

    const done = await record(officer, handover)
    expect(done.statusCode).toBe(200)
    expect(done.json()).toMatchObject({ status: 'arrived' })
    const caseId = done.json().caseId as string
    expect(await counts()).toEqual([before[0]! + 1, before[1]! + 1, before[2]! + 1])
    const kase = await t.store.db
      .selectFrom('protection_cases as c')
      .innerJoin('protection_persons as p', 'p.id', 'c.person_id')
      .select(['c.agency_code', 'p.agency_code as person_agency', 'p.given_khmer', 'p.nationality'])
      .where('c.id', '=', caseId)
      .executeTakeFirstOrThrow()
    expect(kase).toEqual({
      agency_code: 'MOSVY',
      person_agency: 'MOSVY',
      given_khmer: 'សុខា',
      nationality: 'KHM',
    })
    const receipt = await t.store.db
      .selectFrom('exchange_messages')
      .select(['type', 'status', 'content'])
      .where('id', '=', done.json().receiptMessageId)
      .executeTakeFirstOrThrow()
    expect(receipt).toMatchObject({ type: 'repatriation.handover_receipt', status: 'pending' })
    expect(receipt.content).toMatchObject({ xch_ReceivingOrganisation: 'MOSVY', xch_RepatriationRef: ref })
    // The officer gains no read of protection cases, nor the right to compose messages.
    expect((await officer.request('GET', `/api/protection/cases/${caseId}`)).statusCode).toBe(403)
    expect((await officer.request('GET', '/api/protection/cases')).statusCode).toBe(403)
    expect((await officer.request('GET', `/api/protection/cases/${caseId}/exchange`)).statusCode).toBe(403)
    expect(
      (
        await officer.request('POST', '/api/exchange/messages', {
          agreement: AGREEMENT,
          type: 'repatriation.handover_receipt',
          content: { xch_BorderPoint: 'LAND-POIPET' },
          threadRef: ref,
        })
      ).statusCode,
    ).toBe(403)
    // The case manager finds it; recording it again is refused and opens nothing.
    const cases = await (await t.signIn('casemanager')).request('GET', '/api/protection/cases')
    expect(cases.json().map((c: { id: string }) => c.id)).toContain(caseId)
    expect((await record(officer, handover)).statusCode).toBe(409)
    expect(await countOf('protection_cases')).toBe(before[0]! + 1)
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('record_id', '=', handover)
      .execute()
    expect(audit).toEqual([{ action: 'handover', actor_username: 'officer.poipet' }])
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

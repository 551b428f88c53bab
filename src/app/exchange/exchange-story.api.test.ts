import { beforeAll, describe, expect, it } from 'vitest'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { engines } from '../../test/test-db.ts'
import { deliverDue, httpPost, type Post } from './deliver-outbox.ts'
import { AGREEMENT, countRows, type Pair, referralContent, restart, usePair } from './exchange.testing.ts'

const FAR = new Date(Date.now() + 86_400_000)

describe.each(engines())('two Passage instances exchanging on %s', (engine) => {
  const pair = usePair(engine)
  let p: Pair
  beforeAll(() => {
    p = pair()
  })

  const send = async (
    side: 'kh' | 'th',
    type: string,
    content: Record<string, unknown>,
    threadRef: string | null,
    key?: string,
  ) => {
    const user = await p[side].t.signIn('casemanager')
    return user.request(
      'POST',
      '/api/exchange/messages',
      { agreement: AGREEMENT, type, content, threadRef },
      key ? { 'idempotency-key': key } : {},
    )
  }
  const deliver = (side: 'kh' | 'th', post?: Post) => deliverDue({ db: p[side].t.store.db, post, now: FAR })

  // Twenty-odd requests across two instances: more than the default 30 s when the machine is shared.
  it('runs the repatriation story: referral → verification and assessment → handover at Poipet → case → follow-up', {
    timeout: 120_000,
  }, async () => {
    const ref = 'TH-2026-0042'
    // Thailand refers a victim; the phone and the shelter's notes stay behind, as the agreement says.
    const referral = await send('th', 'repatriation.referral', referralContent(), ref, 'story-referral-1')
    expect(referral.statusCode).toBe(201)
    expect(referral.json().withheld).toEqual(['prs_MobilePhone', 'vic_DetailsOfVulnerabilities'])
    // A retried request with the same key puts nothing twice in the outbox.
    expect(
      (await send('th', 'repatriation.referral', referralContent(), ref, 'story-referral-1')).json().id,
    ).toBe(referral.json().id)
    expect(await deliver('th')).toEqual({ delivered: 1, failed: 0 })

    const cm = await p.kh.t.signIn('casemanager')
    const inbox = await cm.request('GET', `/api/exchange/messages?direction=in&thread=${ref}`)
    expect(inbox.json().items).toHaveLength(1)
    const read = await cm.request('GET', `/api/exchange/messages/in/${referral.json().id}`)
    expect(read.statusCode).toBe(200)
    expect(read.json().content).toMatchObject({
      prs_FirstName: 'Sokha',
      xch_FirstNameNative: 'សុខា',
      xch_RepatriationRef: ref,
    })
    expect(read.json().content).not.toHaveProperty('prs_MobilePhone')
    const readAudit = await p.kh.t.store.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'read')
      .where('resource', '=', 'exchange_message')
      .where('record_id', '=', referral.json().id)
      .execute()
    expect(readAudit).toHaveLength(1)

    // Cambodia verifies nationality and assesses the family; Thailand agrees a handover at Poipet today.
    expect(
      (
        await send(
          'kh',
          'repatriation.nationality_verification',
          { xch_VerificationResult: 'verified', xch_VerifyingOffice: 'Banteay Meanchey DoSVY' },
          ref,
        )
      ).statusCode,
    ).toBe(201)
    expect(
      (
        await send(
          'kh',
          'repatriation.family_assessment',
          { xch_FamilyAssessment: 'suitable', xch_AssessmentSummary: 'Mother and sister at home in Poipet.' },
          ref,
        )
      ).statusCode,
    ).toBe(201)
    expect(await deliver('kh')).toEqual({ delivered: 2, failed: 0 })
    const today = todayInCambodia()
    expect(
      (
        await send(
          'th',
          'repatriation.handover_agreed',
          {
            xch_HandoverDate: today,
            xch_BorderPoint: 'LAND-POIPET',
            xch_Escorts: 'Two MSDHS social workers',
          },
          ref,
        )
      ).statusCode,
    ).toBe(201)
    expect(await deliver('th')).toEqual({ delivered: 1, failed: 0 })

    // The border officer at Poipet sees the expected arrival; an officer of another post does not reach it.
    const officer = await p.kh.t.signIn('officer.poipet')
    const arrivals = await officer.request('GET', '/api/exchange/arrivals')
    expect(arrivals.statusCode).toBe(200)
    const arrival = arrivals.json().items.find((a: { threadRef: string }) => a.threadRef === ref)
    expect(arrival).toMatchObject({
      givenLatin: 'Sokha',
      familyLatin: 'Chan',
      sex: 'F',
      postCode: 'LAND-POIPET',
      status: 'expected',
      expectedOn: today,
    })
    expect((await officer.request('GET', '/api/exchange/arrivals?post=LAND-BAVET')).statusCode).toBe(403)
    // The officer at Poipet records the handover on the board; the case opens at MoSVY, the agreement's receiving
    // agency, with the data received.
    const casesBefore = await countRows(p.kh.t, 'protection_cases')
    const handover = await officer.request('POST', `/api/exchange/arrivals/${arrival.id}/handover`)
    expect(handover.statusCode).toBe(200)
    expect(handover.json()).toMatchObject({ status: 'arrived' })
    expect(await countRows(p.kh.t, 'protection_cases')).toBe(casesBefore + 1)
    const opened = await p.kh.t.store.db
      .selectFrom('protection_cases')
      .select(['agency_code'])
      .where('id', '=', handover.json().caseId)
      .executeTakeFirstOrThrow()
    expect(opened.agency_code).toBe('MOSVY')
    // The case manager finds it among their cases; the officer who opened it cannot read it.
    const cases = await cm.request('GET', '/api/protection/cases')
    expect(cases.json().map((i: { id: string }) => i.id)).toContain(handover.json().caseId)
    expect((await officer.request('GET', `/api/protection/cases/${handover.json().caseId}`)).statusCode).toBe(
      403,
    )
    const person = await p.kh.t.store.db
      .selectFrom('protection_cases as c')
      .innerJoin('protection_persons as p', 'p.id', 'c.person_id')
      .select([
        'p.given_latin',
        'p.given_khmer',
        'p.birth_date',
        'p.gender',
        'p.nationality',
        'p.mobile_phone',
      ])
      .where('c.id', '=', handover.json().caseId)
      .executeTakeFirstOrThrow()
    expect(person).toEqual({
      given_latin: 'Sokha',
      given_khmer: 'សុខា',
      birth_date: '1998-03-14',
      gender: 'female',
      nationality: 'KHM',
      mobile_phone: null,
    })
    expect((await officer.request('POST', `/api/exchange/arrivals/${arrival.id}/handover`)).statusCode).toBe(
      409,
    )
    expect(await countRows(p.kh.t, 'protection_cases')).toBe(casesBefore + 1)

    // The signed handover receipt and a follow-up report go back to Thailand.
    expect(
      (
        await send(
          'kh',
          'repatriation.follow_up',
          { xch_FollowUpMonth: 3, cas_Status: 'FollowUp', xch_FollowUpSummary: 'Back in school.' },
          ref,
        )
      ).statusCode,
    ).toBe(201)
    expect(await deliver('kh')).toEqual({ delivered: 2, failed: 0 })
    const thSide = await (await p.th.t.signIn('casemanager')).request(
      'GET',
      `/api/exchange/messages?direction=in&thread=${ref}`,
    )
    expect(
      thSide
        .json()
        .items.map((m: { type: string }) => m.type)
        .sort(),
    ).toEqual([
      'repatriation.family_assessment',
      'repatriation.follow_up',
      'repatriation.handover_receipt',
      'repatriation.nationality_verification',
    ])

    // Each side can prove the order: Cambodia's messages to Thailand link hash to hash, and each has a receipt.
    const out = await p.kh.t.store.db
      .selectFrom('exchange_messages')
      .selectAll()
      .where('direction', '=', 'out')
      .orderBy('sent_at')
      .execute()
    expect(out.every((m) => m.status === 'delivered' && m.receipt)).toBe(true)
    for (let i = 1; i < out.length; i++) expect(out[i]?.prev_hash).toBe(out[i - 1]?.hash)
    const received = await p.th.t.store.db
      .selectFrom('exchange_messages')
      .select(['id', 'hash', 'prev_hash'])
      .where('direction', '=', 'in')
      .orderBy('sent_at')
      .execute()
    expect(received.map((m) => m.hash)).toEqual(out.map((m) => m.hash))
  })

  it('loses nothing and applies nothing twice when the receiver is down or its answer is lost', async () => {
    const rows = [1, 2, 3].map((n) => ({
      xch_RowId: `r${n}`,
      prs_FirstName: `Dara${'abc'[n - 1]}`,
      prs_SecondName: 'Keo',
      prs_Gender: 'Male',
      xch_ExpectedDate: todayInCambodia(),
      xch_BorderPoint: 'LAND-POIPET',
    }))
    const list = await send(
      'th',
      'returns.g2g_list',
      { xch_ListRef: 'DEP-2026-12-04', xch_Arrivals: rows },
      null,
    )
    expect(list.statusCode).toBe(201)

    // Cambodia's instance is down: the message waits with its back-off, nothing is lost.
    let stopped = false
    const down = async () => {
      const res = await deliverDue({ db: p.th.t.store.db, now: FAR })
      expect(res).toEqual({ delivered: 0, failed: 1 })
      stopped = true
    }
    const arrivalsBefore = await countRows(p.kh.t, 'exchange_arrivals')
    await restart(p.kh, down)
    expect(stopped).toBe(true)
    const waiting = await p.th.t.store.db
      .selectFrom('exchange_messages')
      .selectAll()
      .where('id', '=', list.json().id)
      .executeTakeFirstOrThrow()
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 })
    expect(new Date(waiting.next_attempt_at as Date).getTime()).toBeGreaterThan(FAR.getTime())

    // Back up, but the answer is lost on the way: Cambodia applied it; Thailand does not know and tries again.
    let lost = 0
    const losing: Post = async (url, body) => {
      await httpPost(url, body)
      lost++
      throw new Error('connection reset')
    }
    expect(
      await deliverDue({ db: p.th.t.store.db, post: losing, now: new Date(FAR.getTime() + 86_400_000) }),
    ).toEqual({ delivered: 0, failed: 1 })
    expect(lost).toBe(1)
    expect(await countRows(p.kh.t, 'exchange_arrivals')).toBe(arrivalsBefore + 3)
    expect(await deliverDue({ db: p.th.t.store.db, now: new Date(FAR.getTime() + 2 * 86_400_000) })).toEqual({
      delivered: 1,
      failed: 0,
    })
    const done = await p.th.t.store.db
      .selectFrom('exchange_messages')
      .select(['status', 'receipt'])
      .where('id', '=', list.json().id)
      .executeTakeFirstOrThrow()
    expect(done.status).toBe('delivered')
    expect(await countRows(p.kh.t, 'exchange_arrivals')).toBe(arrivalsBefore + 3)
    const copies = await p.kh.t.store.db
      .selectFrom('exchange_messages')
      .select('id')
      .where('id', '=', list.json().id)
      .execute()
    expect(copies).toHaveLength(1)
  })
})

import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { sealPending } from '../../platform/audit/audit-sealer.ts'
import { verifyAuditChain } from '../../platform/audit/audit-verify.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { engines } from '../../test/test-db.ts'
import { deliverDue } from './deliver-outbox.ts'
import { AGREEMENT, type Pair, referralContent, usePair } from './exchange.testing.ts'
import type { DueFollowUp as FollowUp } from './follow-ups.ts'
import { purgeExpired } from './purge-retention.ts'
import { verifyMessageChain } from './verify-chain.ts'

const FAR = new Date(Date.now() + 86_400_000)
const DAY = 86_400_000

describe.each(engines())('exchange lists, alerts, follow-ups, authorities and retention on %s', (engine) => {
  const pair = usePair(engine)
  let p: Pair
  beforeAll(() => {
    p = pair()
  })
  const send = async (
    side: 'kh' | 'th',
    type: string,
    content: Record<string, unknown>,
    threadRef = null as string | null,
    agreement = AGREEMENT,
  ) =>
    (await p[side].t.signIn('casemanager')).request('POST', '/api/exchange/messages', {
      agreement,
      type,
      content,
      threadRef,
    })
  const deliver = (side: 'kh' | 'th') => deliverDue({ db: p[side].t.store.db, now: FAR })
  const refusalOf = (res: {
    statusCode: number
    json: () => { error: { details: { params: { reason: string } }[] } }
  }) => {
    expect(res.statusCode).toBe(422)
    return res.json().error.details[0]?.params.reason
  }

  it('sets this instance’s authority and a partner’s endpoint: administrators only, audited, hostile input refused', {
    timeout: 120_000,
  }, async () => {
    const admin = await p.kh.t.signIn('admin')
    const partner = {
      endpoint: 'https://passage.msdhs.example/api/exchange/inbox',
      country: 'TH',
      nameEn: 'Ministry of Social Development and Human Security',
      nameKm: 'ក្រសួងអភិវឌ្ឍន៍សង្គម និងសន្តិសុខមនុស្ស',
      contacts: [
        {
          name: 'Anti-trafficking division',
          role: 'focal point',
          email: 'atd@msdhs.example',
          phone: '+6621234567',
        },
      ],
    }
    const cm = await p.kh.t.signIn('casemanager')
    expect((await cm.request('PUT', '/api/exchange/authorities/TH-MSDHS', partner)).statusCode).toBe(403)
    const bad = async (body: Record<string, unknown>, code = 'TH-MSDHS') =>
      admin.request('PUT', `/api/exchange/authorities/${code}`, { ...partner, ...body })
    expect((await bad({ endpoint: 'http://passage.msdhs.example/inbox' })).json().error.details[0].code).toBe(
      'exchange.errors.endpoint_not_https',
    )
    expect((await bad({ endpoint: 'https://user:pw@passage.example/' })).json().error.details[0].code).toBe(
      'exchange.errors.endpoint_invalid',
    )
    expect((await bad({ endpoint: 'not a url' })).statusCode).toBe(400)
    expect((await bad({ nameKm: 'Thailand' })).json().error.details[0].code).toBe(
      'exchange.errors.name_not_khmer',
    )
    expect((await bad({ country: 'ZZ' })).json().error.details[0].code).toBe(
      'exchange.errors.unknown_country',
    )
    expect((await bad({ nameEn: 'MSDHS\u0000' })).statusCode).toBe(400)
    expect((await bad({ nameEn: 'x'.repeat(201) })).statusCode).toBe(400)
    expect((await bad({ extra: true })).statusCode).toBe(400)
    // Our own authority is not a partner, and its code never changes once partners pinned it.
    expect((await bad({}, 'KH-NCCT')).statusCode).toBe(422)
    const own = {
      code: 'KH-MOI',
      agencyCode: 'NCCT',
      country: 'KH',
      nameEn: 'NCCT',
      nameKm: 'គណៈកម្មាធិការជាតិប្រយុទ្ធប្រឆាំងការជួញដូរមនុស្ស',
      contacts: [],
    }
    expect((await admin.request('PUT', '/api/exchange/authority', own)).json().error.code).toBe(
      'rule_violation',
    )
    expect(
      (await admin.request('PUT', '/api/exchange/authority', { ...own, code: 'KH-NCCT', agencyCode: 'NOPE' }))
        .statusCode,
    ).toBe(400)
    const renamed = await admin.request('PUT', '/api/exchange/authority', { ...own, code: 'KH-NCCT' })
    expect(renamed.statusCode).toBe(200)
    expect(renamed.json()).toMatchObject({ code: 'KH-NCCT', self: true, nameEn: 'NCCT' })

    const before = (await admin.request('GET', '/api/exchange/authorities')).json().items
    const saved = await admin.request('PUT', '/api/exchange/authorities/TH-MSDHS', partner)
    expect(saved.statusCode).toBe(200)
    expect(saved.json()).toMatchObject({ code: 'TH-MSDHS', endpoint: partner.endpoint, self: false })
    const audit = await p.kh.t.store.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('resource', '=', 'exchange_authority')
      .where('record_id', '=', 'TH-MSDHS')
      .execute()
    expect(audit).toHaveLength(1)
    expect(JSON.stringify(audit[0]?.details)).toContain(partner.endpoint)
    // A new partner reached by files only.
    const lao = await admin.request('PUT', '/api/exchange/authorities/LA-MOLSW', {
      ...partner,
      endpoint: null,
      country: 'LA',
      nameEn: 'Lao PDR Ministry of Labour and Social Welfare',
    })
    expect(lao.statusCode).toBe(200)
    // The test pair talks over loopback HTTP: put the real endpoint back as it was.
    const was = before.find((a: { code: string }) => a.code === 'TH-MSDHS').endpoint
    expect(
      (await admin.request('PUT', '/api/exchange/authorities/TH-MSDHS', { ...partner, endpoint: was }))
        .statusCode,
    ).toBe(200)
  })

  it('answers a nationality verification list row by row, with only the fields the agreement allows', {
    timeout: 120_000,
  }, async () => {
    const persons = [
      {
        xch_RowId: 'n1',
        prs_FirstName: 'Sophea',
        prs_SecondName: 'Kim',
        xch_FirstNameNative: 'សុភា',
        prs_Gender: 'Female',
        xch_ClaimedNationality: 'KH',
        xch_HomeProvince: 'Siem Reap',
        xch_ParentNames: 'Kim Dara, Sok Lina',
        xch_ReturnKind: 'deportee',
      },
      {
        xch_RowId: 'n2',
        prs_FirstName: 'Rithy',
        prs_SecondName: 'Ouk',
        prs_Gender: 'Male',
        xch_ClaimedNationality: 'KH',
        xch_ReturnKind: 'returnee',
      },
      {
        xch_RowId: 'n3',
        prs_FirstName: 'Nary',
        prs_SecondName: 'Chea',
        prs_Gender: 'Female',
        xch_ClaimedNationality: 'KH',
        xch_ReturnKind: 'deportee',
      },
    ]
    const sent = await send('th', 'nationality.verification_list', {
      xch_ListRef: 'NV-2026-12',
      xch_Persons: persons,
    })
    expect(sent.statusCode).toBe(201)
    // The parents' names are not in the agreement: withheld, whatever the sender's list holds.
    expect(sent.json().withheld).toEqual(['xch_Persons.xch_ParentNames'])
    expect(
      refusalOf(
        await send('th', 'nationality.verification_list', {
          xch_ListRef: 'NV-X',
          xch_Persons: [{ xch_RowId: 'x', prs_FirstName: 'សុភា' }],
        }),
      ),
    ).toBe('malformed')
    expect(await deliver('th')).toEqual({ delivered: 1, failed: 0 })

    const listId = sent.json().id
    const cm = await p.kh.t.signIn('casemanager')
    const url = `/api/exchange/verification-lists/${listId}/answers`
    const officer = await p.kh.t.signIn('officer.poipet')
    expect(
      (await officer.request('POST', url, { answers: [{ rowId: 'n1', result: 'verified' }] })).statusCode,
    ).toBe(403)
    expect(
      (await cm.request('POST', url, { answers: [{ rowId: 'n9', result: 'verified' }] })).json().error
        .details[0].code,
    ).toBe('exchange.errors.row_not_on_list')
    expect(
      (
        await cm.request('POST', url, {
          answers: [
            { rowId: 'n1', result: 'verified' },
            { rowId: 'n1', result: 'not_verified' },
          ],
        })
      ).json().error.details[0].code,
    ).toBe('exchange.errors.row_answered_twice')
    expect(
      (await cm.request('POST', url, { answers: [{ rowId: 'n1', result: 'probably' }] })).statusCode,
    ).toBe(400)
    expect((await cm.request('POST', url, { answers: [] })).statusCode).toBe(400)
    expect(
      (
        await cm.request(
          'POST',
          '/api/exchange/verification-lists/00000000-0000-4000-8000-000000000000/answers',
          { answers: [{ rowId: 'n1', result: 'verified' }] },
        )
      ).statusCode,
    ).toBe(404)
    const answered = await cm.request(
      'POST',
      url,
      {
        answers: [
          { rowId: 'n1', result: 'verified', office: 'Siem Reap provincial police' },
          { rowId: 'n2', result: 'needs_interview', office: null },
        ],
      },
      { 'idempotency-key': 'nv-answer-1' },
    )
    expect(answered.statusCode).toBe(201)
    // The same request again (a retry) sends nothing twice.
    expect(
      (
        await cm.request(
          'POST',
          url,
          {
            answers: [
              { rowId: 'n1', result: 'verified', office: 'Siem Reap provincial police' },
              { rowId: 'n2', result: 'needs_interview', office: null },
            ],
          },
          { 'idempotency-key': 'nv-answer-1' },
        )
      ).json().id,
    ).toBe(answered.json().id)
    // After the interview the second row is settled.
    expect(
      (await cm.request('POST', url, { answers: [{ rowId: 'n2', result: 'not_verified' }] })).statusCode,
    ).toBe(201)
    expect(await deliver('kh')).toEqual({ delivered: 2, failed: 0 })

    const thView = await (await p.th.t.signIn('casemanager')).request(
      'GET',
      `/api/exchange/verification-lists/out/${listId}`,
    )
    expect(thView.statusCode).toBe(200)
    expect(
      thView
        .json()
        .rows.map((r: { person: { xch_RowId: string }; answer: { result: string } | null }) => [
          r.person.xch_RowId,
          r.answer?.result ?? null,
        ]),
    ).toEqual([
      ['n1', 'verified'],
      ['n2', 'not_verified'],
      ['n3', null],
    ])
    const khView = await cm.request('GET', `/api/exchange/verification-lists/in/${listId}`)
    expect(khView.json().rows[0].person).not.toHaveProperty('xch_ParentNames')
    expect(khView.json().rows[0].answer).toMatchObject({
      result: 'verified',
      office: 'Siem Reap provincial police',
    })
  })

  it('feeds person alerts into the partner’s named list where the agreement allows them, and refuses them where not', {
    timeout: 120_000,
  }, async () => {
    const added = {
      xch_AddedPersons: [
        {
          xch_AlertId: 'P-1',
          prs_FirstName: 'Boonmee',
          prs_SecondName: 'Srisuk',
          prs_Gender: 'Male',
          prs_Nationality: 'TH',
          prs_Birthdate: '1980-01-02',
          xch_AlertCategory: 'suspected_trafficker',
        },
        {
          xch_AlertId: 'P-2',
          prs_FirstName: 'Malai',
          prs_SecondName: 'Chan',
          prs_Gender: 'Female',
          xch_AlertCategory: 'missing_person',
        },
      ],
    }
    expect((await send('th', 'alerts.persons_delta', added)).statusCode).toBe(201)
    expect(await deliver('th')).toEqual({ delivered: 1, failed: 0 })
    const list = await p.kh.t.store.db
      .selectFrom('watchlists')
      .select(['id', 'owner_agency', 'kind'])
      .where('name', '=', 'Exchange persons: TH-MSDHS')
      .executeTakeFirstOrThrow()
    expect(list).toMatchObject({ kind: 'persons', owner_agency: 'NCCT' })
    const live = () =>
      p.kh.t.store.db
        .selectFrom('watchlist_persons')
        .select(['external_id', 'source', 'category'])
        .where('list_id', '=', list.id)
        .where('removed_at', 'is', null)
        .orderBy('external_id')
        .execute()
    expect(await live()).toEqual([
      { external_id: 'TH-MSDHS:P-1', source: 'TH-MSDHS', category: 'suspected_trafficker' },
      { external_id: 'TH-MSDHS:P-2', source: 'TH-MSDHS', category: 'missing_person' },
    ])
    expect(
      (await send('th', 'alerts.persons_delta', { xch_WithdrawnPersons: [{ xch_AlertId: 'P-2' }] }))
        .statusCode,
    ).toBe(201)
    expect(await deliver('th')).toEqual({ delivered: 1, failed: 0 })
    expect((await live()).map((e) => e.external_id)).toEqual(['TH-MSDHS:P-1'])

    // The Viet Nam agreement names no person alerts: the sender refuses before anything is queued.
    expect(refusalOf(await send('th', 'alerts.persons_delta', added, null, 'KH-VN-AGR-2005'))).toBe(
      'type_not_allowed',
    )
    // Cambodia's copy of the Thai agreement drops them: Thailand's next delta is refused on arrival, nothing applied.
    const admin = await p.kh.t.signIn('admin')
    const agreement = (await admin.request('GET', '/api/exchange/agreements'))
      .json()
      .items.find((a: { code: string }) => a.code === AGREEMENT)
    const { id: _, code: __, demo: ___, inForce: ____, ...body } = agreement
    const { 'alerts.persons_delta': _dropped, ...rules } = body.rules
    expect(
      (await admin.request('PUT', `/api/exchange/agreements/${AGREEMENT}`, { ...body, rules })).statusCode,
    ).toBe(200)
    const third = await send('th', 'alerts.persons_delta', {
      xch_AddedPersons: [{ ...added.xch_AddedPersons[1], xch_AlertId: 'P-3' }],
    })
    expect(third.statusCode).toBe(201)
    expect(await deliver('th')).toEqual({ delivered: 1, failed: 0 })
    const outcome = await p.th.t.store.db
      .selectFrom('exchange_messages')
      .select(['status', 'last_error'])
      .where('id', '=', third.json().id)
      .executeTakeFirstOrThrow()
    expect(outcome).toEqual({ status: 'refused', last_error: 'type_not_allowed' })
    expect((await live()).map((e) => e.external_id)).toEqual(['TH-MSDHS:P-1'])
    expect((await admin.request('PUT', `/api/exchange/agreements/${AGREEMENT}`, body)).statusCode).toBe(200)
  })

  it('lists follow-up reports due and overdue at the SOP’s months after a handover, on a fixed clock', {
    timeout: 120_000,
  }, async () => {
    const ref = 'TH-2026-0077'
    expect(
      (await send('th', 'repatriation.referral', referralContent({ prs_FirstName: 'Dalin' }), ref))
        .statusCode,
    ).toBe(201)
    const today = todayInCambodia()
    expect(
      (
        await send(
          'th',
          'repatriation.handover_agreed',
          { xch_HandoverDate: today, xch_BorderPoint: 'LAND-POIPET' },
          ref,
        )
      ).statusCode,
    ).toBe(201)
    expect(await deliver('th')).toEqual({ delivered: 2, failed: 0 })
    const sw = await p.kh.t.signIn('socialworker')
    const arrival = (await sw.request('GET', '/api/exchange/arrivals?post=LAND-POIPET'))
      .json()
      .items.find((a: { threadRef: string }) => a.threadRef === ref)
    expect((await sw.request('POST', `/api/exchange/arrivals/${arrival.id}/handover`)).statusCode).toBe(200)

    const cm = await p.kh.t.signIn('casemanager')
    // The clock is fixed by asking as of a day: what a case manager planning ahead would ask.
    const mine = async (inDays: number, all = false) => {
      const on = todayInCambodia(new Date(Date.now() + inDays * DAY))
      const res = await cm.request('GET', `/api/exchange/follow-ups?on=${on}&all=${all}`)
      expect(res.statusCode).toBe(200)
      expect(res.json().today).toBe(on)
      return (res.json().items as FollowUp[]).filter((i) => i.threadRef === ref)
    }
    // Today nothing is due; the plan is 1, 3, 6 and 12 months.
    expect(await mine(0)).toEqual([])
    expect((await mine(0, true)).map((i) => [i.month, i.status])).toEqual([
      [1, 'upcoming'],
      [3, 'upcoming'],
      [6, 'upcoming'],
      [12, 'upcoming'],
    ])
    expect((await mine(20)).map((i) => [i.month, i.status])).toEqual([[1, 'due']])
    expect((await mine(100)).map((i) => [i.month, i.status])).toEqual([
      [1, 'overdue'],
      [3, 'overdue'],
    ])
    // The month-1 report is sent: only month 3 is still owed.
    expect(
      (
        await send(
          'kh',
          'repatriation.follow_up',
          { xch_FollowUpMonth: 1, cas_Status: 'FollowUp', xch_FollowUpSummary: 'Settled at home.' },
          ref,
        )
      ).statusCode,
    ).toBe(201)
    const later = await mine(100)
    expect(later.map((i) => [i.month, i.status])).toEqual([[3, 'overdue']])
    expect(later[0]).toMatchObject({ partner: 'TH-MSDHS', givenLatin: 'Dalin', handedOverOn: today })
    expect(later[0]?.caseId).toMatch(/^[0-9a-f-]{36}$/)
    // The border officer is not a case manager.
    expect(
      (await (await p.kh.t.signIn('officer.poipet')).request('GET', '/api/exchange/follow-ups')).statusCode,
    ).toBe(403)
    expect((await cm.request('GET', '/api/exchange/follow-ups?all=maybe')).statusCode).toBe(400)
    expect((await cm.request('GET', '/api/exchange/follow-ups?on=2026-02-30')).statusCode).toBe(400)
    expect(await deliver('kh')).toMatchObject({ failed: 0 })
  })

  it('purges payloads past retention on both sides, keeping the hash chain and the audit log verifiable', {
    timeout: 120_000,
  }, async () => {
    for (const side of [p.kh, p.th]) {
      const db = side.t.store.db
      for (const dir of ['in', 'out'] as const)
        expect(await verifyMessageChain(db, side.partner, dir)).toMatchObject({ ok: true, purged: 0 })
      // Cambodia refused Thailand's third person-alert delta: its received line has that one gap, no more.
      expect((await verifyMessageChain(db, side.partner, 'in')).gaps).toBe(side === p.kh ? 1 : 0)
      const total = Number(
        (
          await db
            .selectFrom('exchange_messages')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('status', '!=', 'pending')
            .executeTakeFirstOrThrow()
        ).n,
      )
      expect(total).toBeGreaterThan(5)
      // Not yet past the agreements' 1825 days: nothing goes.
      expect(await purgeExpired({ db, now: new Date(Date.now() + 1000 * DAY) })).toBe(0)
      // A message still waiting to be delivered is never purged.
      const waiting = await db
        .selectFrom('exchange_messages')
        .select('id')
        .where('status', '=', 'pending')
        .execute()
      expect(await purgeExpired({ db, now: new Date(Date.now() + 1900 * DAY) })).toBe(total)
      expect(await purgeExpired({ db, now: new Date(Date.now() + 1900 * DAY) })).toBe(0)
      const rows = await db.selectFrom('exchange_messages').selectAll().execute()
      for (const m of rows.filter((r) => r.purged_at)) {
        expect(m.jws).toBeNull()
        expect(m.sealed).toBeNull()
        expect(
          Object.keys(m.content).every((k) =>
            ['xch_RepatriationRef', 'xch_ListRef', 'xch_FollowUpMonth'].includes(k),
          ),
        ).toBe(true)
        expect(m.hash).toMatch(/^[0-9a-f]{64}$/)
      }
      expect(
        rows
          .filter((r) => !r.purged_at)
          .map((r) => r.id)
          .sort(),
      ).toEqual(waiting.map((w) => w.id).sort())
      const chains = [
        await verifyMessageChain(db, side.partner, 'in'),
        await verifyMessageChain(db, side.partner, 'out'),
      ]
      for (const c of chains) expect(c.ok).toBe(true)
      expect(chains[0]!.purged + chains[1]!.purged).toBe(total)
      const purges = await db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'purge')
        .where('resource', '=', 'exchange_message')
        .execute()
      expect(purges.reduce((n, a) => n + Number((a.details as { count: number }).count), 0)).toBe(total)
      expect(JSON.stringify(purges)).not.toMatch(/Sokha|Sophea|Boonmee/)
      await sealPending(db)
      expect((await verifyAuditChain(db)).ok).toBe(true)
      // A purged message whose hash is changed breaks the line where it stands.
      const victim = rows.find((r) => r.purged_at && r.direction === 'out' && r.prev_hash)!
      await sql`UPDATE exchange_messages SET prev_hash = ${'0'.repeat(64)} WHERE id = ${victim.id} AND direction = 'out'`.execute(
        db,
      )
      expect(await verifyMessageChain(db, side.partner, 'out')).toMatchObject({
        ok: false,
        broken: { id: victim.id, why: 'link' },
      })
      await sql`UPDATE exchange_messages SET prev_hash = ${victim.prev_hash} WHERE id = ${victim.id} AND direction = 'out'`.execute(
        db,
      )
    }
  })
})

import { randomUUID } from 'node:crypto'
import { generateKeyPair, importJWK, type JWK } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { engines } from '../../test/test-db.ts'
import { deliverDue } from './deliver-outbox.ts'
import { type Envelope, encryptTo, KEY_ALG, type KeyLike, SIG_ALG, signEnvelope } from './envelope.ts'
import { AGREEMENT, countRows, type Pair, referralContent, type Side, usePair } from './exchange.testing.ts'
import { keyStore } from './key-store.ts'

const FAR = new Date(Date.now() + 86_400_000)

describe.each(engines())('hostile exchange on %s', (engine) => {
  const pair = usePair(engine)
  let p: Pair
  beforeAll(() => {
    p = pair()
  })

  // Thailand's own keys as its key directory holds them, to build messages by hand as a forger or a replayer would.
  const keysOf = async (side: Side) => {
    const rows = await side.t.store.db
      .selectFrom('exchange_keys')
      .selectAll()
      .where('authority_code', '=', side.code)
      .where('retired_at', 'is', null)
      .execute()
    const sig = rows.find((r) => r.use === 'sig')!
    return { kid: sig.kid, key: (await importJWK(keyStore().read(sig.kid) as JWK, SIG_ALG)) as KeyLike }
  }
  const encKeyOf = async (side: Side) => {
    const row = await side.t.store.db
      .selectFrom('exchange_keys')
      .selectAll()
      .where('authority_code', '=', side.code)
      .where('use', '=', 'enc')
      .where('retired_at', 'is', null)
      .executeTakeFirstOrThrow()
    return { kid: row.kid, key: (await importJWK(row.public_jwk as JWK, KEY_ALG)) as KeyLike }
  }
  const envelope = (over: Partial<Envelope> = {}): Envelope => ({
    v: 1,
    id: randomUUID(),
    type: 'repatriation.family_assessment',
    version: 1,
    agreement: AGREEMENT,
    from: 'TH-MSDHS',
    to: 'KH-NCCT',
    sentAt: new Date().toISOString(),
    prev: null,
    content: { xch_RepatriationRef: 'R-1', xch_FamilyAssessment: 'suitable' },
    ...over,
  })
  const post = (message: string) => p.kh.t.anonymous.request('POST', '/api/exchange/inbox', { message })
  const refusalOf = (res: {
    statusCode: number
    json: () => { error: { code: string; details: { params: { reason: string } }[] } }
  }) => {
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('exchange_refused')
    return res.json().error.details[0]?.params.reason
  }
  const refusedCount = async () =>
    (
      await p.kh.t.store.db
        .selectFrom('audit_log')
        .select('seq')
        .where('action', '=', 'refuse')
        .where('resource', '=', 'exchange_message')
        .execute()
    ).length

  it('accepts a well-formed message built by hand, once, and a replay of it as a duplicate', async () => {
    const sealed = await encryptTo(await signEnvelope(envelope(), await keysOf(p.th)), await encKeyOf(p.kh))
    const first = await post(sealed)
    expect(first.statusCode).toBe(200)
    expect(first.json().outcome).toBe('applied')
    const before = await countRows(p.kh.t, 'exchange_messages')
    const again = await post(sealed)
    expect(again.json().outcome).toBe('duplicate')
    expect(await countRows(p.kh.t, 'exchange_messages')).toBe(before)
  })

  it('refuses forged, replayed, misaddressed and malformed messages, storing nothing but the audit entry', async () => {
    const th = await keysOf(p.th)
    const kh = await encKeyOf(p.kh)
    const forger = await generateKeyPair(SIG_ALG)
    const seal = async (e: Envelope) => encryptTo(await signEnvelope(e, th), kh)
    const used = envelope()
    await post(await seal(used))
    const stored = await countRows(p.kh.t, 'exchange_messages')
    const refusedBefore = await refusedCount()
    const other = await generateKeyPair(KEY_ALG, { crv: 'X25519' })
    const cases: [string, Promise<string>][] = [
      [
        'bad_signature',
        encryptTo(await signEnvelope(envelope(), { kid: th.kid, key: forger.privateKey }), kh),
      ],
      [
        'bad_signature',
        encryptTo(await signEnvelope(envelope(), { kid: 'unknown-kid', key: forger.privateKey }), kh),
      ],
      ['replay', seal({ ...used, content: { ...used.content, xch_FamilyAssessment: 'not_suitable' } })],
      ['wrong_recipient', seal(envelope({ to: 'VN-MOLISA' }))],
      [
        'wrong_recipient',
        encryptTo(await signEnvelope(envelope(), th), { kid: 'someone-else', key: other.publicKey }),
      ],
      ['bad_signature', seal(envelope({ from: 'VN-MOLISA' }))],
      ['unknown_agreement', seal(envelope({ agreement: 'KH-VN-AGR-2005' }))],
      ['unknown_agreement', seal(envelope({ agreement: 'NO-SUCH' }))],
      ['type_not_allowed', seal(envelope({ type: 'passports.full_dump' }))],
      [
        'field_not_allowed',
        seal(envelope({ content: { xch_FamilyAssessment: 'suitable', prs_MobilePhone: '+66812345678' } })),
      ],
      ['field_not_allowed', seal(envelope({ type: 'repatriation.referral', content: referralContent() }))],
      [
        'missing_consent',
        seal(
          envelope({
            type: 'repatriation.referral',
            content: { prs_FirstName: 'Sokha', prs_Birthdate: '1998-03-14' },
          }),
        ),
      ],
      [
        'missing_consent',
        seal(
          envelope({
            type: 'repatriation.referral',
            content: {
              prs_FirstName: 'Sokha',
              prs_Birthdate: '2012-03-14',
              vic_AgreementToManagePersonalData: 'yes',
            },
          }),
        ),
      ],
      [
        'malformed',
        seal(
          envelope({
            type: 'repatriation.referral',
            content: { prs_FirstName: 'សុខា', vic_AgreementToManagePersonalData: 'yes' },
          }),
        ),
      ],
      ['malformed', seal(envelope({ content: { xch_FamilyAssessment: 'suitable\u0000' } }))],
      ['malformed', seal(envelope({ sentAt: new Date(Date.now() + 3_600_000).toISOString() }))],
      ['malformed', Promise.resolve('not.a.jwe.at.all')],
      ['malformed', Promise.resolve('')],
    ]
    for (const [reason, message] of cases)
      expect([reason, refusalOf(await post(await message))]).toEqual([reason, reason])
    expect(await countRows(p.kh.t, 'exchange_messages')).toBe(stored)
    expect(await refusedCount()).toBe(refusedBefore + cases.length)
    // A refused sender we could authenticate gets a receipt signed by Cambodia naming the reason; a forger does not.
    const replay = await post(await seal({ ...used, content: {} }))
    expect(replay.json().receipt).toEqual(expect.any(String))
    const forged = await post(
      await encryptTo(await signEnvelope(envelope(), { kid: th.kid, key: forger.privateKey }), kh),
    )
    expect(forged.json().receipt).toBeNull()
  })

  it('refuses under an expired agreement and after a key is revoked, and the sender learns why', async () => {
    const admin = await p.kh.t.signIn('admin')
    const list = await admin.request('GET', '/api/exchange/agreements')
    expect(list.statusCode, list.body).toBe(200)
    const agreement = list.json().items.find((a: { code: string }) => a.code === AGREEMENT)
    const { id: _, code: __, demo: ___, inForce: ____, ...body } = agreement
    const expired = await admin.request('PUT', `/api/exchange/agreements/${AGREEMENT}`, {
      ...body,
      validFrom: '2020-01-01',
      validUntil: '2021-12-31',
    })
    expect(expired.json().inForce).toBe(false)
    const cm = await p.th.t.signIn('casemanager')
    const sent = await cm.request('POST', '/api/exchange/messages', {
      agreement: AGREEMENT,
      type: 'repatriation.family_assessment',
      content: { xch_FamilyAssessment: 'suitable' },
      threadRef: 'R-2',
    })
    expect(sent.statusCode).toBe(201)
    expect(await deliverDue({ db: p.th.t.store.db, now: FAR })).toEqual({ delivered: 1, failed: 0 })
    const outcome = await p.th.t.store.db
      .selectFrom('exchange_messages')
      .select(['status', 'last_error'])
      .where('id', '=', sent.json().id)
      .executeTakeFirstOrThrow()
    expect(outcome).toEqual({ status: 'refused', last_error: 'expired_agreement' })
    expect((await admin.request('PUT', `/api/exchange/agreements/${AGREEMENT}`, body)).json().inForce).toBe(
      true,
    )

    // Revoked yesterday by Cambodia's administrator: nothing signed with it is taken any more.
    const th = await keysOf(p.th)
    const revoke = await admin.request('POST', `/api/exchange/keys/${th.kid}/revoke`)
    expect(revoke.statusCode).toBe(200)
    expect(
      refusalOf(await post(await encryptTo(await signEnvelope(envelope(), th), await encKeyOf(p.kh)))),
    ).toBe('key_revoked')
    // Thailand rotates; once Cambodia takes the new key set, exchange resumes.
    const thAdmin = await p.th.t.signIn('admin')
    expect((await thAdmin.request('POST', '/api/exchange/keys/rotate')).statusCode).toBe(200)
    const published = (await p.th.t.anonymous.request('GET', '/api/exchange/keys')).json().keys
    expect(
      (await admin.request('POST', '/api/exchange/authorities/TH-MSDHS/keys', { keys: published }))
        .statusCode,
    ).toBe(200)
    const fresh = await keysOf(p.th)
    expect(fresh.kid).not.toBe(th.kid)
    expect(
      (await post(await encryptTo(await signEnvelope(envelope(), fresh), await encKeyOf(p.kh)))).statusCode,
    ).toBe(200)
  })

  it('refuses on the sender side what the agreement does not allow, before anything is queued', async () => {
    const cm = await p.th.t.signIn('casemanager')
    const before = await countRows(p.th.t, 'exchange_messages')
    const send = (content: Record<string, unknown>, type = 'repatriation.referral') =>
      cm.request('POST', '/api/exchange/messages', { agreement: AGREEMENT, type, content, threadRef: 'R-3' })
    expect(refusalOf(await send(referralContent({ vic_AgreementToManagePersonalData: 'no' })))).toBe(
      'missing_consent',
    )
    expect(refusalOf(await send(referralContent({ prs_FirstName: 'ស' })))).toBe('malformed')
    expect(refusalOf(await send({ xch_Period: '2026\u0000Q4' }, 'statistics.table'))).toBe('malformed')
    const vn = await cm.request('POST', '/api/exchange/messages', {
      agreement: 'KH-VN-AGR-2005',
      type: 'alerts.delta',
      content: {},
      threadRef: null,
    })
    expect(refusalOf(vn)).toBe('type_not_allowed')
    expect(await countRows(p.th.t, 'exchange_messages')).toBe(before)
    // A role one step too low: the border officer cannot send, the case manager cannot change an agreement.
    const officer = await p.th.t.signIn('officer.poipet')
    expect(
      (
        await officer.request('POST', '/api/exchange/messages', {
          agreement: AGREEMENT,
          type: 'repatriation.follow_up',
          content: {},
          threadRef: 'R-3',
        })
      ).statusCode,
    ).toBe(403)
    expect((await officer.request('GET', '/api/exchange/agreements')).statusCode).toBe(403)
    expect((await cm.request('PUT', `/api/exchange/agreements/${AGREEMENT}`, {})).statusCode).toBe(400)
    const analyst = await p.kh.t.signIn('analyst')
    expect((await analyst.request('GET', '/api/exchange/agreements')).statusCode).toBe(200)
    expect((await analyst.request('POST', '/api/exchange/keys/rotate')).statusCode).toBe(403)
  })

  it('moves messages by signed bundle, refusing one cut short, too large, re-signed or not UTF-8', async () => {
    // Viet Nam-style partner by file: Thailand's online endpoint is switched off for this test.
    await p.th.t.store.db
      .updateTable('exchange_authorities')
      .set({ endpoint: null })
      .where('code', '=', 'KH-NCCT')
      .execute()
    const cm = await p.th.t.signIn('casemanager')
    const rows = [1, 2].map((n) => ({
      xch_RowId: `b${n}`,
      prs_FirstName: 'Vanna',
      prs_SecondName: `Bundle${'ab'[n - 1]}`,
      xch_ExpectedDate: '2026-12-05',
      xch_BorderPoint: 'LAND-POIPET',
    }))
    const sent = await cm.request('POST', '/api/exchange/messages', {
      agreement: AGREEMENT,
      type: 'returns.g2g_list',
      content: { xch_ListRef: 'BUNDLE-1', xch_Arrivals: rows },
      threadRef: null,
    })
    expect(sent.statusCode).toBe(201)
    const exported = await cm.request('GET', '/api/exchange/bundles/KH-NCCT')
    expect(exported.statusCode).toBe(200)
    expect(exported.headers['x-bundle-messages']).toBe('1')
    const file = exported.body
    const kh = await p.kh.t.signIn('casemanager')
    const importFile = (body: string | Buffer) =>
      kh.request('POST', '/api/exchange/bundles', body, { 'content-type': 'application/jose' })
    const arrivals = await countRows(p.kh.t, 'exchange_arrivals')
    // Cut in the middle of its payload: no signature left to check, nothing in it is read.
    expect(['bad_signature', 'malformed']).toContain(
      refusalOf(await importFile(file.slice(0, Math.floor(file.length / 2)))),
    )
    expect(refusalOf(await importFile(Buffer.concat([Buffer.from(file), Buffer.from([0xff, 0xfe])])))).toBe(
      'malformed',
    )
    const [h, payload] = file.split('.')
    expect(refusalOf(await importFile(`${h}.${payload}.${'A'.repeat(86)}`))).toBe('bad_signature')
    const huge = await importFile(Buffer.alloc(100 * 1024 * 1024, 0x41))
    expect(huge.statusCode).toBe(413)
    expect(huge.json().error.code).toBe('body_too_large')
    expect(await countRows(p.kh.t, 'exchange_arrivals')).toBe(arrivals)

    const imported = await importFile(file)
    expect(imported.statusCode).toBe(200)
    expect(imported.json().results).toEqual([{ id: sent.json().id, outcome: 'applied', reason: null }])
    expect(await countRows(p.kh.t, 'exchange_arrivals')).toBe(arrivals + 2)
    // The same file read twice applies nothing twice; the receipts carried back mark the message delivered.
    expect((await importFile(file)).json().results[0].outcome).toBe('duplicate')
    expect(await countRows(p.kh.t, 'exchange_arrivals')).toBe(arrivals + 2)
    const taken = await cm.request('POST', '/api/exchange/receipts', { receipts: imported.json().receipts })
    expect(taken.json()).toEqual({ taken: 1 })
    const row = await p.th.t.store.db
      .selectFrom('exchange_messages')
      .select('status')
      .where('id', '=', sent.json().id)
      .executeTakeFirstOrThrow()
    expect(row.status).toBe('delivered')
  })

  it('counts messages by partner, type and outcome, refusals by reason', async () => {
    const analyst = await p.kh.t.signIn('analyst')
    const res = await analyst.request('GET', '/api/exchange/counts')
    expect(res.statusCode).toBe(200)
    const items = res.json().items as { partner: string; type: string; outcome: string; count: number }[]
    expect(items.find((i) => i.outcome === 'refused:replay')?.count).toBeGreaterThanOrEqual(1)
    expect(
      items.find((i) => i.partner === 'TH-MSDHS' && i.type === 'returns.g2g_list' && i.outcome === 'applied')
        ?.count,
    ).toBe(1)
  })
})

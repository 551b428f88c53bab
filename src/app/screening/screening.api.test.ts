import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateMrz } from '../../domain/documents/index.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { inspect } from '../crossings/crossings.testing.ts'
import { addPerson, createList, person, screen } from './screening.testing.ts'

describe.each(engines())('screening and hits on %s', (engine) => {
  let t: TestApp
  let listId: string
  beforeAll(async () => {
    t = await createTestApp(engine)
    const investigator = await t.signIn('investigator')
    listId = (await createList(investigator)).id
    await addPerson(
      investigator,
      listId,
      person({ documents: [{ issuingState: 'KHM', type: 'P', number: 'N0I2B4567' }] }),
    )
    const doc = await investigator.request('POST', `/api/watchlists/${listId}/documents`, {
      entry: { issuingState: 'VNM', number: 'C1234567', status: 'stolen', handling: 'Seize the document' },
      reason: 'Reported stolen in Ho Chi Minh City',
    })
    expect(doc.statusCode).toBe(201)
  })
  afterAll(() => t.close())

  it('explains a name hit from a Khmer-script alias and a passport spelling', async () => {
    const officer = await t.signIn('officer.poipet')
    const result = await screen(officer, {
      person: { name: 'CHAY SOKHA', birthDate: '1990-04-12', nationality: 'KHM' },
    })
    expect(result.hits).toHaveLength(1)
    const hit = result.hits[0]!
    expect(hit.kind).toBe('name')
    expect(['match', 'possible']).toContain(hit.decision)
    expect(hit.explanation.parts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ messageKey: expect.stringMatching(/^screening\.part\./) }),
      ]),
    )
    expect(hit.entry.names).toContain('ឆាយ សុខា')
    const khmerOnly = await screen(officer, { person: { name: 'ឆាយ សុខា' } })
    expect(khmerOnly.hits).toHaveLength(1)
  })

  it('finds a stolen document and a person’s document through an OCR misreading', async () => {
    const officer = await t.signIn('officer.poipet')
    const stolen = await screen(officer, {
      person: { name: 'Nobody Known' },
      document: { issuingState: 'VNM', number: 'C1234567' },
    })
    expect(stolen.hits.map((h) => [h.kind, h.explanation.exact])).toEqual([['document', true]])
    // O/0, I/1 and B/8 are confused by MRZ OCR: "NOI284567" is the listed "N0I2B4567" misread twice.
    const misread = await screen(officer, {
      person: { name: 'Nobody Known' },
      document: { issuingState: 'KHM', number: 'NOI284567' },
    })
    expect(misread.hits).toHaveLength(1)
    expect(misread.hits[0]!.explanation).toMatchObject({
      exact: false,
      messageKey: 'screening.document.ocrVariant',
    })
    const otherState = await screen(officer, {
      person: { name: 'Nobody Known' },
      document: { issuingState: 'THA', number: 'C1234567' },
    })
    expect(otherState.hits).toHaveLength(0)
  })

  it('answers each hit as it is read back later, screened alone and at a counter', async () => {
    const officer = await t.signIn('officer.poipet')
    const supervisor = await t.signIn('supervisor.poipet')
    const readBack = async (hits: { id: string }[]) => {
      expect(hits.length).toBeGreaterThan(0)
      for (const hit of hits) {
        const res = await supervisor.request('GET', `/api/screening/hits/${hit.id}`)
        expect(res.statusCode).toBe(200)
        expect(res.json()).toEqual(hit)
      }
    }
    // The listed person by name and by their passport misread, and a stolen document: every kind of entry.
    const alone = await screen(officer, {
      person: { name: 'CHHAY SOKHA', birthDate: '1990-04-12', nationality: 'KHM' },
      document: { issuingState: 'KHM', number: 'NOI284567' },
    })
    expect(alone.hits.map((h) => h.kind).sort()).toEqual(['document', 'name'])
    await readBack(alone.hits)
    const stolen = { person: { name: 'Nobody Known' }, document: { issuingState: 'VNM', number: 'C1234567' } }
    await readBack((await screen(officer, stolen)).hits)
    // At a counter the request and its hits are written in the inspection's last statement (deferred).
    const mrz = generateMrz({
      format: 'TD3',
      documentCode: 'P',
      issuingState: 'KHM',
      documentNumber: 'N0I2B4567',
      nationality: 'KHM',
      surname: 'CHHAY',
      givenNames: 'SOKHA',
      birthDate: '1990-04-12',
      sex: 'F',
      expiryDate: '2031-01-01',
    }).lines.join('\n')
    const inspection = await inspect(officer, mrz)
    expect(inspection.screening.hits.map((h: { kind: string }) => h.kind).sort()).toEqual([
      'document',
      'name',
    ])
    await readBack(inspection.screening.hits)
  })

  it('adjudicates hits, remembers a false positive and notifies the owning agency of a true match', async () => {
    const officer = await t.signIn('officer.poipet')
    const supervisor = await t.signIn('supervisor.poipet')
    const investigator = await t.signIn('investigator')
    const traveller = {
      person: { name: 'Sokha Chhay', birthDate: '1990-04-12' },
      document: { issuingState: 'KHM', number: 'N7777777' },
    }
    const first = await screen(officer, traveller)
    expect(first.hits).toHaveLength(1)
    const queue = (await supervisor.request('GET', '/api/screening/hits')).json().items as { id: string }[]
    expect(queue.map((h) => h.id)).toContain(first.hits[0]!.id)
    expect(
      (
        await officer.request('POST', `/api/screening/hits/${first.hits[0]!.id}/adjudication`, {
          outcome: 'false_positive',
          reason: 'Different person',
        })
      ).statusCode,
    ).toBe(403)
    const dismissed = await supervisor.request(
      'POST',
      `/api/screening/hits/${first.hits[0]!.id}/adjudication`,
      {
        outcome: 'false_positive',
        reason: 'Different mother’s name and place of birth',
      },
    )
    expect(dismissed.statusCode).toBe(200)
    expect(dismissed.json().status).toBe('false_positive')
    const again = await screen(officer, traveller)
    expect(again.hits).toHaveLength(0)
    expect(again.suppressed).toBe(1)
    const decidedTwice = await supervisor.request(
      'POST',
      `/api/screening/hits/${first.hits[0]!.id}/adjudication`,
      { outcome: 'true_match', reason: 'changed mind' },
    )
    expect(decidedTwice.json().error.code).toBe('conflict')

    // Another traveller with the same name is still raised, and confirmed this time.
    const other = await screen(officer, {
      person: { name: 'Sokha Chhay', birthDate: '1990-04-12' },
      document: { issuingState: 'KHM', number: 'N8888888' },
    })
    expect(other.hits).toHaveLength(1)
    const investigate = await supervisor.request(
      'POST',
      `/api/screening/hits/${other.hits[0]!.id}/adjudication`,
      { outcome: 'needs_investigation', reason: 'Held for interview' },
    )
    expect(investigate.json().status).toBe('needs_investigation')
    const confirm = await investigator.request(
      'POST',
      `/api/screening/hits/${other.hits[0]!.id}/adjudication`,
      { outcome: 'true_match', reason: 'Fingerprints match the warrant' },
    )
    expect(confirm.statusCode).toBe(200)
    const notes = (await investigator.request('GET', '/api/screening/notifications?unread=true')).json()
    expect(notes.map((n: { hit: { id: string } }) => n.hit.id)).toContain(other.hits[0]!.id)
    expect(
      (await investigator.request('POST', `/api/screening/notifications/${notes[0].id}/read`)).statusCode,
    ).toBe(204)

    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('resource', '=', 'screening_hit')
      .orderBy('seq')
      .execute()
    expect(audit.map((a) => (a.details as { outcome: string }).outcome)).toEqual([
      'false_positive',
      'needs_investigation',
      'true_match',
    ])
  })

  it('never crashes on names of any script, emoji, control characters or 10,000 characters', async () => {
    const officer = await t.signIn('officer.poipet')
    const names = [
      '金正恩',
      'Мария Осетрова',
      'محمد بن سلمان',
      'สมชาย ใจดี',
      'Nguyễn Đức Giang',
      '😀😀 🇰🇭',
      'A\u202E\uFEFFB',
      'x'.repeat(10_000),
      'Sok '.repeat(2_500),
      '   ',
    ]
    for (const name of names) {
      const res = await officer.request('POST', '/api/screening/screen', {
        person: { name, birthDate: '19xx-99' },
      })
      expect(res.statusCode, JSON.stringify(name.slice(0, 20))).toBe(201)
    }
    // Control characters and lone surrogates are refused at the boundary (issue 12 §7), never a 500.
    for (const name of ['A\u0000B\u0007C', '\uD800 lone surrogate']) {
      const res = await officer.request('POST', '/api/screening/screen', { person: { name } })
      expect(res.statusCode).toBe(400)
      expect(res.json().error.details).toMatchObject([
        { path: 'body.person.name', code: 'validation.control_character' },
      ])
    }
    const tooLong = await officer.request('POST', '/api/screening/screen', {
      person: { name: 'x'.repeat(10_001) },
    })
    expect(tooLong.json().error.code).toBe('validation_failed')
    const badDoc = await officer.request('POST', '/api/screening/screen', {
      person: { name: 'A' },
      document: { issuingState: '🇰🇭', number: '<<<' },
    })
    expect(badDoc.statusCode).toBe(201)
  })

  it('lets only the border screen', async () => {
    const social = await t.signIn('socialworker')
    expect(
      (await social.request('POST', '/api/screening/screen', { person: { name: 'Chhay Sokha' } })).statusCode,
    ).toBe(403)
  })
})

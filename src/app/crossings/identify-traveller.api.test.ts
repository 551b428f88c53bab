import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { decisionFor, inspect, passportMrz } from './crossings.testing.ts'

describe.each(engines())('identification by name and birth date on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  const candidatesOf = async (c: Awaited<ReturnType<TestApp['signIn']>>, documentId: string) => {
    const res = await c.request('GET', `/api/crossings/identify?document=${documentId}`)
    expect(res.statusCode).toBe(200)
    return res.json().items as { travellerId: string; decision: string; crossings: number }[]
  }

  /** A traveller on record: inspected and admitted once. */
  async function known(c: Awaited<ReturnType<TestApp['signIn']>>, number: string, over = {}) {
    const i = await inspect(c, passportMrz(number, over))
    expect((await c.request('POST', '/api/crossings', decisionFor(i))).statusCode).toBe(201)
    return i
  }

  it('proposes an earlier traveller for a new passport with a spelling variant, and links it only on confirmation', async () => {
    const officer = await t.signIn('officer.poipet')
    const earlier = await known(officer, 'ID1000001', { surname: 'Somchai', birthDate: '1980-05-06' })
    const fresh = await inspect(
      officer,
      passportMrz('ID1000002', { surname: 'Somchay', birthDate: '1980-05-06' }),
    )
    expect(fresh.traveller.id).not.toBe(earlier.traveller.id)
    expect(earlier.identityCandidates).toEqual([])
    expect(fresh.identityCandidates).toMatchObject([
      { travellerId: earlier.traveller.id, surname: 'SOMCHAI', birthDate: '1980-05-06', crossings: 1 },
    ])
    const proposals = await candidatesOf(officer, fresh.document.id)
    expect(proposals.map((p) => p.travellerId)).toEqual([earlier.traveller.id])
    expect(proposals[0]).toMatchObject({ crossings: 1 })

    const confirm = { documentId: fresh.document.id, travellerId: earlier.traveller.id }
    const res = await officer.request('POST', '/api/crossings/identify/confirm', confirm)
    expect(res.statusCode).toBe(200)
    expect(res.json().traveller.id).toBe(earlier.traveller.id)
    const again = await inspect(
      officer,
      passportMrz('ID1000002', { surname: 'Somchay', birthDate: '1980-05-06' }),
    )
    expect(again.traveller.id).toBe(earlier.traveller.id)
    expect(again.history).toHaveLength(1)
    expect(again.identityCandidates).toEqual([])
    expect(await candidatesOf(officer, fresh.document.id)).toEqual([])
    expect((await officer.request('POST', '/api/crossings/identify/confirm', confirm)).statusCode).toBe(200)
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'merge')
      .where('resource', '=', 'traveller')
      .where('record_id', '=', fresh.traveller.id)
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.details).toMatchObject({ into: earlier.traveller.id, documentId: fresh.document.id })
  })

  it('still proposes a traveller on record when more than a window of equal matches were linked away', async () => {
    const officer = await t.signIn('officer.poipet')
    // Twenty-one travellers with the passport's name and birth date and no document left: each was linked into
    // another traveller. Stored first, they come first among equal scores, and are never proposed.
    await t.store.db
      .insertInto('travellers')
      .values(
        Array.from({ length: 21 }, () => ({
          id: randomUUID(),
          surname: 'SOMCHAI',
          given_names: 'ANONG',
          birth_date: '1975-02-03',
          sex: 'F',
          nationality: 'THA',
        })),
      )
      .execute()
    const earlier = await known(officer, 'ID4000001', { surname: 'Somchai', birthDate: '1975-02-03' })
    const fresh = await inspect(
      officer,
      passportMrz('ID4000002', { surname: 'Somchay', birthDate: '1975-02-03' }),
    )
    expect(fresh.identityCandidates.map((c: { travellerId: string }) => c.travellerId)).toEqual([
      earlier.traveller.id,
    ])
  })

  it('proposes nobody for another birth date, another name, or a document already on record', async () => {
    const officer = await t.signIn('officer.poipet')
    const earlier = await known(officer, 'ID2000001', { surname: 'Chanthavong', birthDate: '1975-01-01' })
    const otherDay = await inspect(
      officer,
      passportMrz('ID2000002', { surname: 'Chanthavong', birthDate: '1975-01-02' }),
    )
    expect(await candidatesOf(officer, otherDay.document.id)).toEqual([])
    const otherName = await inspect(
      officer,
      passportMrz('ID2000003', { surname: 'Rattanakosin', birthDate: '1975-01-01' }),
    )
    expect(await candidatesOf(officer, otherName.document.id)).toEqual([])
    expect(await candidatesOf(officer, earlier.document.id)).toEqual([])
  })

  it('refuses to link a document to a traveller who was not proposed, or once it has its own crossings', async () => {
    const officer = await t.signIn('officer.poipet')
    const earlier = await known(officer, 'ID3000001', { surname: 'Pongsak', birthDate: '1966-07-08' })
    const stranger = await known(officer, 'ID3000002', { surname: 'Wongsawat', birthDate: '1966-07-08' })
    const fresh = await inspect(
      officer,
      passportMrz('ID3000003', { surname: 'Pongsak', birthDate: '1966-07-08' }),
    )
    const wrong = await officer.request('POST', '/api/crossings/identify/confirm', {
      documentId: fresh.document.id,
      travellerId: stranger.traveller.id,
    })
    expect(wrong.statusCode).toBe(422)
    expect(wrong.json().error.details[0].code).toBe('posts.identify.not_candidate')

    expect((await officer.request('POST', '/api/crossings', decisionFor(fresh))).statusCode).toBe(201)
    const late = await officer.request('POST', '/api/crossings/identify/confirm', {
      documentId: fresh.document.id,
      travellerId: earlier.traveller.id,
    })
    expect(late.statusCode).toBe(422)
    expect(late.json().error.details[0].code).toBe('posts.identify.not_new')
    const doc = await t.store.db
      .selectFrom('travel_documents')
      .select('traveller_id')
      .where('id', '=', fresh.document.id)
      .executeTakeFirstOrThrow()
    expect(doc.traveller_id).toBe(fresh.traveller.id)
  })

  it('leaves identification to the border at a post', async () => {
    const worker = await t.signIn('socialworker')
    const res = await worker.request('POST', '/api/crossings/identify/confirm', {
      documentId: '00000000-0000-4000-8000-000000000000',
      travellerId: '00000000-0000-4000-8000-000000000001',
    })
    expect(res.statusCode).toBe(403)
    const officer = await t.signIn('officer.poipet')
    expect(
      (await officer.request('GET', '/api/crossings/identify?document=00000000-0000-4000-8000-000000000000'))
        .statusCode,
    ).toBe(404)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { decisionFor, inspect, passportMrz } from '../crossings/crossings.testing.ts'
import { addPerson, createList, person } from './screening.testing.ts'

/** Reading who is on an alert list, or where a person has crossed, leaves a trace: one `read` entry per read. */
describe.each(engines())('audited sensitive reads on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  const reads = (resource: string, recordId: string) =>
    t.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'read')
      .where('resource', '=', resource)
      .where('record_id', '=', recordId)
      .orderBy('seq')
      .execute()

  it('records each read of a list’s entries: which list, which kind, how many — not who', async () => {
    const investigator = await t.signIn('investigator')
    const list = await createList(investigator)
    await addPerson(investigator, list.id, person({ names: ['Keo Sophal'] }))
    await addPerson(investigator, list.id, person({ names: ['Mao Chenda'] }))
    expect(await reads('watchlist', list.id)).toEqual([])

    const page = await investigator.request('GET', `/api/watchlists/${list.id}/persons?search=Sophal`)
    expect(page.statusCode).toBe(200)
    expect(page.json().items).toHaveLength(1)
    let entries = await reads('watchlist', list.id)
    expect(entries).toHaveLength(1)
    expect(entries[0]!.details).toEqual({ entries: 'persons', count: 1, total: 1, searched: true })
    expect(JSON.stringify(entries[0])).not.toMatch(/Sophal|Keo|Mao/)

    await investigator.request('GET', `/api/watchlists/${list.id}/documents`)
    entries = await reads('watchlist', list.id)
    expect(entries).toHaveLength(2)
    expect(entries[1]!.details).toMatchObject({ entries: 'documents', count: 0, searched: false })
  })

  it('records nothing for a reader who is refused the list', async () => {
    const investigator = await t.signIn('investigator')
    const list = await createList(investigator)
    const officer = await t.signIn('officer.poipet')
    const refused = await officer.request('GET', `/api/watchlists/${list.id}/persons`)
    expect(refused.statusCode).toBe(403)
    expect(await reads('watchlist', list.id)).toEqual([])
  })

  it('records each read of a traveller’s crossing history with the number of crossings shown', async () => {
    const officer = await t.signIn('officer.poipet')
    const i = await inspect(officer, passportMrz('AR1000077'))
    await officer.request('POST', '/api/crossings', decisionFor(i))
    const before = (await reads('traveller', i.traveller.id)).length
    const res = await officer.request('GET', `/api/crossings?traveller=${i.traveller.id}`)
    expect(res.json().items).toHaveLength(1)
    const after = await reads('traveller', i.traveller.id)
    expect(after).toHaveLength(before + 1)
    expect(after.at(-1)!.details).toEqual({ crossings: 1 })
    const analyst = await t.signIn('analyst')
    await analyst.request('GET', `/api/crossings?traveller=${i.traveller.id}`)
    expect(await reads('traveller', i.traveller.id)).toHaveLength(before + 2)
  })
})

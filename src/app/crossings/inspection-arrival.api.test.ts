import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { addPerson, createList, person } from '../screening/screening.testing.ts'
import { decisionFor, inspect, passportMrz } from './crossings.testing.ts'

/**
 * A passport read from its MRZ sends what asks by the MRZ alone in front of its upsert (`inspection-arrival.ts`):
 * the screening's lookups, the holder's movements and the look-alikes' prefilter. Each case checks that what the
 * officer is answered is what the stored document and its traveller give, whatever was read ahead.
 */
describe.each(engines())('an inspection read ahead of its upsert on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  it('screens a document stored under other names as stored, not as misread now', async () => {
    const officer = await t.signIn('officer.poipet')
    const investigator = await t.signIn('investigator')
    const list = await createList(investigator)
    await addPerson(
      investigator,
      list.id,
      person({ names: ['KOSAL BOPHA'], birthDate: '1988-07-02', nationality: ['THA'] }),
    )
    const first = await inspect(
      officer,
      passportMrz('AR1000001', { surname: 'Kosal', birthDate: '1988-07-02' }),
    )
    expect(first.screening.hits).toHaveLength(0)
    // Names are outside the MRZ's check digits: a misread surname keeps the document, stored under its first read.
    const misread = await inspect(
      officer,
      passportMrz('AR1000001', { surname: 'Kasal', birthDate: '1988-07-02' }),
    )
    expect(misread.document.id).toBe(first.document.id)
    expect(misread.traveller.surname).toBe('KOSAL')
    expect(misread.screening.hits).toEqual(first.screening.hits)
    const stored = await t.store.db
      .selectFrom('screening_requests')
      .select('query')
      .where('id', '=', misread.screening.requestId)
      .executeTakeFirstOrThrow()
    expect((stored.query as { person: { name: string } }).person.name).toBe('ANONG KOSAL')
  })

  it('answers a known passport with its traveller’s movements and a new one with none, as read in the same trip', async () => {
    const officer = await t.signIn('officer.poipet')
    const i = await inspect(officer, passportMrz('AR1000002'))
    expect(i.history).toEqual([])
    expect(i.expectedDirection).toBeNull()
    const entry = await officer.request('POST', '/api/crossings', decisionFor(i))
    expect(entry.statusCode).toBe(201)
    const again = await inspect(officer, passportMrz('AR1000002'))
    expect(again.history.map((c: { id: string }) => c.id)).toEqual([entry.json().id])
    expect(again.expectedDirection).toBe('exit')
    // A passport of the same traveller's name and birth date, never seen: proposed, and the first one's holder with
    // it; the new document's own traveller is not.
    const second = await inspect(officer, passportMrz('AR1000003'))
    expect(second.history).toEqual([])
    const proposed = second.identityCandidates.map((c: { travellerId: string }) => c.travellerId)
    expect(proposed).toContain(i.traveller.id)
    expect(proposed).not.toContain(second.traveller.id)
    // Read again before any crossing, it is still newly seen: the look-alikes read ahead leave out its own holder.
    const secondAgain = await inspect(officer, passportMrz('AR1000003'))
    expect(secondAgain.traveller.id).toBe(second.traveller.id)
    const proposedAgain = secondAgain.identityCandidates.map((c: { travellerId: string }) => c.travellerId)
    expect(proposedAgain).toContain(i.traveller.id)
    expect(proposedAgain).not.toContain(second.traveller.id)
  })
})

import { randomUUID } from 'node:crypto'
import { type RawBuilder, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { storeOrCountRead } from '../documents/documents.repository.ts'
import { actorFromUser } from '../identity/actor.ts'
import { addPerson, createList, person } from '../screening/screening.testing.ts'
import { ScreeningIndex } from '../screening/screening-index.ts'
import { decisionFor, inspect, passportMrz } from './crossings.testing.ts'
import { inspectTraveller } from './inspect-traveller.ts'
import { recordCrossing } from './record-crossing.ts'

/**
 * The write path's budget (issue 13): a recorded crossing is one commit and a handful of statements, counted by the
 * store's statement counter (the auth hook's version read, `begin` and `commit` included). The audit entries, the
 * idempotency key's response and the inspection's screening request and evaluation leave in one last statement
 * (`platform/db/deferred-writes.ts`); a new passport's traveller and document in one.
 */
describe.each(engines())('statements per crossing on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  const counted = async <T>(fn: () => Promise<T>) => {
    const before = t.store.statements.snapshot()
    const result = await fn()
    const after = t.store.statements.snapshot()
    return {
      result,
      statements: after.statements - before.statements,
      commits: after.commits - before.commits,
      trips: after.roundTrips - before.roundTrips,
    }
  }

  /** The JSON plan of `query` with the named scan kinds priced out of reach: an index is used if one can be. */
  const planWithout = (scans: ('seqscan' | 'bitmapscan')[], query: RawBuilder<unknown>) =>
    t.store.db.transaction().execute(async (trx) => {
      for (const scan of scans) await sql.raw(`SET LOCAL enable_${scan} = off`).execute(trx)
      const { rows } = await sql`EXPLAIN (FORMAT JSON) ${query}`.execute(trx)
      return JSON.stringify(rows)
    })

  it('asks whether an evaluation was used through an index, never by reading every crossing (4.6 s at 10M without)', async () => {
    // The lookup `movementFacts` makes for each recording: with no index to use, the planner still scans, and the
    // plan names no index.
    const plan = await planWithout(
      ['seqscan'],
      sql`SELECT EXISTS (SELECT 1 FROM crossings c WHERE c.risk_evaluation_id = ${randomUUID()}::uuid)`,
    )
    expect(plan).toContain('crossings_risk_evaluation_idx')
    expect(plan).not.toContain('Seq Scan')
  })

  it('compares a new passport with the travellers born that day from the index alone, reading no table row', async () => {
    const plan = await planWithout(
      ['seqscan', 'bitmapscan'],
      sql`SELECT t.id, t.surname, t.given_names, t.birth_date, t.sex, t.nationality FROM travellers t
        WHERE t.birth_date IN ('1990-04-12', '1990-04', '1990') AND t.id <> ${randomUUID()}::uuid LIMIT 200`,
    )
    expect(plan).toContain('Index Only Scan')
    expect(plan).toContain('travellers_birth_date_cover_idx')
  })

  it('records a crossing in one commit of at most 7 statements in 3 round trips, and inspects a new passport in at most 9 in 4', async () => {
    const officer = await t.signIn('officer.poipet')
    // Warms the session and reference caches of this instance.
    await inspect(officer, passportMrz('SC1000000'))
    const i = await counted(() => inspect(officer, passportMrz('SC1000001')))
    expect(i.commits).toBe(1)
    expect(i.statements).toBeLessThanOrEqual(9)
    // `begin` and `commit` travel with the statements beside them (`framed-transactions.ts`), and what asks by the
    // MRZ alone — the name hits' entries, the document lookup, the holder's movements, the look-alikes' prefilter —
    // goes in front of the document's upsert in one trip (`send-together.ts`): the version read, that trip, the
    // look-alikes' documents and crossings (the passport before has the same name and birth date: it is proposed),
    // the deferred writes with COMMIT.
    expect(i.trips).toBe(4)
    // The evaluation and the traveller were answered from memory, before their rows were written: the stored rows
    // read back now give the very same answer.
    const stored = await officer.request('GET', `/api/risk/evaluations/${i.result.risk.id}`)
    expect(stored.statusCode).toBe(200)
    expect(stored.json()).toEqual(i.result.risk)
    const [audit] = await t.store.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('record_id', 'in', [i.result.risk.id, i.result.screening.requestId, i.result.document.id])
      .execute()
    expect(Number(audit!.n)).toBe(3)
    // The same passport again reads its traveller from the database: the same as the one answered at creation.
    const seenAgain = await counted(() => inspect(officer, passportMrz('SC1000001')))
    expect(seenAgain.result.traveller).toEqual(i.result.traveller)
    // Read again before any crossing: its history, and whether it is newly seen (two reads), come on top.
    expect(seenAgain.statements).toBeLessThanOrEqual(11)
    const r = await counted(() =>
      officer.request('POST', '/api/crossings', decisionFor(i.result), {
        'idempotency-key': 'statements-sc-1',
      }),
    )
    expect(r.result.statusCode).toBe(201)
    expect(r.commits).toBe(1)
    expect(r.statements).toBeLessThanOrEqual(7)
    // The version read; the idempotency key with the document's lock and the facts after it; the deferred writes
    // (the crossing, the audit entry, the key's answer) with COMMIT.
    expect(r.trips).toBe(3)
    // A retry with the same key replays the first answer and writes nothing new.
    const again = await officer.request('POST', '/api/crossings', decisionFor(i.result), {
      'idempotency-key': 'statements-sc-1',
    })
    expect(again.statusCode).toBe(200)
    expect(again.json().id).toBe(r.result.json().id)
    const rows = await t.store.db
      .selectFrom('crossings')
      .select('id')
      .where('traveller_id', '=', i.result.traveller.id)
      .execute()
    expect(rows).toHaveLength(1)
    const linked = await t.store.db
      .selectFrom('screening_requests')
      .select('crossing_id')
      .where('id', '=', i.result.screening.requestId)
      .executeTakeFirstOrThrow()
    expect(linked.crossing_id).toBe(r.result.json().id)
  })

  it('asks nothing more of the alert lists while the index holds their version, and sees a change at the next inspection', async () => {
    const officer = await t.signIn('officer.poipet')
    const investigator = await t.signIn('investigator')
    await inspect(officer, passportMrz('SC5000000', { surname: 'Vannak' }))
    const quiet = await counted(() => inspect(officer, passportMrz('SC5000001', { surname: 'Vannak' })))
    expect(quiet.result.screening.hits).toEqual([])
    // Its version read, begin, the name search's entries, the document lookup, the holder's movements, the identity
    // prefilter, the document with its traveller, the deferred writes and commit: no read of the lists' version
    // inside the transaction.
    expect(quiet.statements).toBeLessThanOrEqual(9)
    // An entry for that very name: the lists' version moves, the next inspection's first read sees it, and the
    // index catches up inside the inspection before screening.
    const list = await createList(investigator)
    await addPerson(
      investigator,
      list.id,
      person({ names: ['VANNAK ANONG'], birthDate: '1991-03-14', nationality: ['THA'] }),
    )
    const changed = await counted(() => inspect(officer, passportMrz('SC5000002', { surname: 'Vannak' })))
    expect(changed.result.screening.hits.map((h: { kind: string }) => h.kind)).toEqual(['name'])
    const hit = await counted(() => inspect(officer, passportMrz('SC5000003', { surname: 'Vannak' })))
    expect(hit.result.screening.hits).toHaveLength(1)
    // A hit costs no statement of its own: its entry and dismissal come with the search's read, and the request
    // and its hits leave with the other deferred writes.
    expect(hit.commits).toBe(1)
    expect(hit.statements).toBeLessThanOrEqual(10)
    // The version read, the upsert's frame, the look-alikes' documents (the passports before bear the same name and
    // birth date), the deferred writes with COMMIT.
    expect(hit.trips).toBe(4)
  })

  it('inspects and records in ONE transaction: the recording finds the evaluation and screening request the inspection deferred', async () => {
    // Before the read guard of deferred writes, the inspection's evaluation was still unsent when the recording
    // read it, and the decision was refused as resting on an unknown evaluation.
    const user = await t.store.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'officer.poipet')
      .executeTakeFirstOrThrow()
    const actor = actorFromUser(user, null)
    const index = new ScreeningIndex()
    const one = await counted(() =>
      t.store.db.transaction().execute(async (trx) => {
        const inspection = await inspectTraveller({ trx, actor, index, text: passportMrz('SC4000001') })
        const crossing = await recordCrossing({
          trx,
          actor,
          crossing: {
            documentId: inspection.document.id,
            counter: 'A3',
            direction: 'entry',
            decision: 'admit',
            refusalReason: null,
            purpose: 'tourism',
            permit: null,
            transport: null,
            companions: [],
            riskEvaluationId: inspection.risk.id,
            screeningRequestId: inspection.screening.requestId,
            referralNote: null,
          },
        })
        return { inspection, crossing }
      }),
    )
    expect(one.commits).toBe(1)
    const { inspection, crossing } = one.result
    const stored = await t.store.db
      .selectFrom('crossings')
      .select(['id', 'risk_evaluation_id'])
      .where('traveller_id', '=', inspection.traveller.id)
      .execute()
    expect(stored).toEqual([{ id: crossing.id, risk_evaluation_id: inspection.risk.id }])
    const linked = await t.store.db
      .selectFrom('screening_requests')
      .select('crossing_id')
      .where('id', '=', inspection.screening.requestId)
      .executeTakeFirstOrThrow()
    expect(linked.crossing_id).toBe(crossing.id)
    // The evaluation and request leave in one statement before the recording's read (the guard's one added
    // statement); the rest as in two requests, less one begin and one commit. No request read the lists' version
    // first here, so the index asks inside the transaction: one more.
    expect(one.statements).toBeLessThanOrEqual(8 + 8 - 2 + 1)
  })

  it('writes a crossing with companions in the same single insert statement, and refuses an unknown companion', async () => {
    const officer = await t.signIn('officer.poipet')
    const child = await inspect(
      officer,
      passportMrz('SC2000001', { birthDate: '2019-02-02', surname: 'Kid' }),
    )
    const parent = await inspect(officer, passportMrz('SC2000002'))
    const res = await officer.request(
      'POST',
      '/api/crossings',
      decisionFor(child, { companions: [{ travellerId: parent.traveller.id, relation: 'parent' }] }),
    )
    expect(res.statusCode).toBe(201)
    expect(res.json().companions).toMatchObject([{ travellerId: parent.traveller.id, relation: 'parent' }])
    const unknown = await officer.request(
      'POST',
      '/api/crossings',
      decisionFor(parent, {
        companions: [{ travellerId: '00000000-0000-4000-8000-000000000000', relation: 'parent' }],
      }),
    )
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.details[0].code).toBe('crossings.unknown_companion')
    expect(
      await t.store.db
        .selectFrom('crossings')
        .select('id')
        .where('traveller_id', '=', parent.traveller.id)
        .execute(),
    ).toHaveLength(0)
  })

  it('gives back a new traveller and its document, written in one statement, exactly as they are stored; a stored number counts a read instead', async () => {
    const now = new Date()
    const { id: officerId } = await t.store.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'officer.poipet')
      .executeTakeFirstOrThrow()
    const write = (travellerId: string, documentOf: string, number: string) =>
      t.store.db.transaction().execute((trx) =>
        storeOrCountRead(
          trx,
          {
            id: travellerId,
            surname: 'Sok',
            givenNames: 'Dara',
            birthDate: '1990-01',
            sex: 'M',
            nationality: 'KHM',
          },
          {
            id: randomUUID(),
            traveller_id: documentOf,
            issuing_state: 'KHM',
            document_code: 'P',
            document_number: number,
            format: 'TD3',
            source: 'mrz',
            nationality: 'KHM',
            surname: 'Sok',
            given_names: 'Dara',
            birth_date: '1990-01',
            sex: 'M',
            expiry_date: '2031-01-01',
            optional_data: null,
            mrz: null,
            first_seen_at: now,
            first_seen_post: 'LAND-POIPET',
            last_seen_at: now,
            last_seen_post: 'LAND-POIPET',
            read_count: 1,
            created_by: officerId,
          },
        ),
      )
    // A document naming another traveller than the one written with it fails as a whole: no traveller is left.
    const orphan = randomUUID()
    await expect(write(orphan, randomUUID(), 'SC3000001')).rejects.toThrow(/foreign key/)
    expect(await t.store.db.selectFrom('travellers').select('id').where('id', '=', orphan).execute()).toEqual(
      [],
    )
    const travellerId = randomUUID()
    const written = await write(travellerId, travellerId, 'SC3000002')
    const traveller = await t.store.db
      .selectFrom('travellers')
      .selectAll()
      .where('id', '=', travellerId)
      .executeTakeFirstOrThrow()
    const document = await t.store.db
      .selectFrom('travel_documents')
      .selectAll()
      .where('traveller_id', '=', travellerId)
      .executeTakeFirstOrThrow()
    expect(written.created).toBe(true)
    expect(written.traveller).toEqual(traveller)
    expect(written.document).toEqual(document)
    expect(written.traveller.created_at).toBeInstanceOf(Date)
    // The same document number again (another officer's read) counts a read: no document, no traveller written.
    const second = randomUUID()
    const read = await write(second, second, 'SC3000002')
    expect(read.created).toBe(false)
    expect(read.traveller).toEqual(traveller)
    expect(read.document).toEqual({
      ...document,
      read_count: 2,
      last_seen_at: read.document.last_seen_at,
    })
    expect(await t.store.db.selectFrom('travellers').select('id').where('id', '=', second).execute()).toEqual(
      [],
    )
  })
})

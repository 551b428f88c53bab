import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { decisionFor, inspect, passportMrz } from './crossings.testing.ts'

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
    }
  }

  it('records a crossing in one commit of at most 8 statements, and inspects a new passport in at most 11 with warm caches', async () => {
    const officer = await t.signIn('officer.poipet')
    // Warms the session and reference caches of this instance.
    await inspect(officer, passportMrz('SC1000000'))
    const i = await counted(() => inspect(officer, passportMrz('SC1000001')))
    expect(i.commits).toBe(1)
    expect(i.statements).toBeLessThanOrEqual(11)
    const r = await counted(() =>
      officer.request('POST', '/api/crossings', decisionFor(i.result), {
        'idempotency-key': 'statements-sc-1',
      }),
    )
    expect(r.result.statusCode).toBe(201)
    expect(r.commits).toBe(1)
    expect(r.statements).toBeLessThanOrEqual(8)
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
})

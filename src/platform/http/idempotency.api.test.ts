import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { crossingCount, decisionFor, inspect, passportMrz } from '../../app/crossings/crossings.testing.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { outsideAnyTransaction, tripsOf } from '../db/trips.testing.ts'
import { idempotent } from './idempotency.ts'

/**
 * Idempotency keys with the key's insert sent beside the create's first statement (`idempotency.ts`): whatever a
 * retry's own run would have done, it answers the first result and writes nothing; a key is this attempt's only
 * when its insert says so.
 */
describe.each(engines())('idempotent creates on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  const keyRows = async (key: string) =>
    t.store.db
      .selectFrom('idempotency_keys')
      .select(['operation', 'response'])
      .where('key', '=', key)
      .execute()
  const auditCount = async () =>
    Number(
      (
        await t.store.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('answers a retry the first result, though its own run would now be refused, and writes nothing for it', async () => {
    const officer = await t.signIn('officer.poipet')
    const i = await inspect(officer, passportMrz('ID1000001'))
    const headers = { 'idempotency-key': 'held-claim-0001' }
    const first = await officer.request('POST', '/api/crossings', decisionFor(i), headers)
    expect(first.statusCode).toBe(201)
    const audited = await auditCount()
    // Run again, the recording would be refused (its evaluation now belongs to a crossing): the first answer comes back.
    const again = await officer.request('POST', '/api/crossings', decisionFor(i), headers)
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual(first.json())
    expect(await crossingCount(t, i.traveller.id)).toBe(1)
    expect(await auditCount()).toBe(audited)
    // Without the key, the same request is refused.
    const unkeyed = await officer.request('POST', '/api/crossings', decisionFor(i))
    expect(unkeyed.json().error.details[0].code).toBe('crossings.unknown_evaluation')
  })

  it('runs two concurrent attempts with one key once: one creates, the other answers its result', async () => {
    const officer = await t.signIn('officer.poipet')
    const i = await inspect(officer, passportMrz('ID1000002'))
    const headers = { 'idempotency-key': 'held-claim-0002' }
    const both = await Promise.all([
      officer.request('POST', '/api/crossings', decisionFor(i), headers),
      officer.request('POST', '/api/crossings', decisionFor(i), headers),
    ])
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201])
    expect(both[0]!.json().id).toBe(both[1]!.json().id)
    expect(await crossingCount(t, i.traveller.id)).toBe(1)
    expect(await keyRows('held-claim-0002')).toHaveLength(1)
  })

  it('refuses the key on another request, writing nothing; a failed attempt leaves its key free for the next', async () => {
    const officer = await t.signIn('officer.poipet')
    const i = await inspect(officer, passportMrz('ID1000003'))
    const j = await inspect(officer, passportMrz('ID1000004'))
    const headers = { 'idempotency-key': 'held-claim-0003' }
    // Refused by the rules: nothing stays, the key included.
    const refused = await officer.request(
      'POST',
      '/api/crossings',
      decisionFor(i, { decision: 'refuse' }),
      headers,
    )
    expect(refused.statusCode).toBe(422)
    expect(await keyRows('held-claim-0003')).toEqual([])
    const created = await officer.request('POST', '/api/crossings', decisionFor(i), headers)
    expect(created.statusCode).toBe(201)
    const audited = await auditCount()
    const reused = await officer.request('POST', '/api/crossings', decisionFor(j), headers)
    expect(reused.statusCode).toBe(422)
    expect(reused.json().error.code).toBe('idempotency_key_reused')
    expect(await crossingCount(t, j.traveller.id)).toBe(0)
    expect(await auditCount()).toBe(audited)
    const [row] = await keyRows('held-claim-0003')
    expect(row).toMatchObject({ operation: 'crossings.record' })
    expect((row!.response as { id: string }).id).toBe(created.json().id)
  })

  it('stops a retry at its taken key: what the create would send after its first statement is never sent', async () => {
    const { id: userId } = await t.store.db.selectFrom('users').select('id').executeTakeFirstOrThrow()
    let steps = 0
    const attempt = () =>
      t.store.db.transaction().execute((trx) =>
        idempotent({
          trx,
          userId,
          key: 'stop-at-key-0001',
          operation: 'test.steps',
          request: { steps: 3 },
          run: async () => {
            for (let i = 0; i < 3; i++) {
              await sql`SELECT ${i}::int AS step`.execute(trx)
              steps++
            }
            return { steps }
          },
        }),
      )
    const first = await tripsOf(t.store, attempt)
    expect(first.value).toEqual({ result: { steps: 3 }, replayed: false })
    steps = 0
    const retry = await tripsOf(t.store, attempt)
    expect(retry.value).toEqual({ result: { steps: 3 }, replayed: true })
    // The key went with the first step; its answer refused the second, unsent. Then the rollback and the first answer.
    expect(steps).toBe(1)
    expect(retry.trips).toBe(3)
    // The transaction was rolled back and the connection serves again.
    expect(await outsideAnyTransaction(t.store)).toBe(true)
    const again = await tripsOf(t.store, attempt)
    expect(again.value).toEqual({ result: { steps: 3 }, replayed: true })
  })

  it('claims the key in the round trip of the first statement: a keyed recording makes three', async () => {
    const officer = await t.signIn('officer.poipet')
    await inspect(officer, passportMrz('ID1000005'))
    const i = await inspect(officer, passportMrz('ID1000006'))
    const before = t.store.statements.snapshot()
    const res = await officer.request('POST', '/api/crossings', decisionFor(i), {
      'idempotency-key': 'held-claim-0004',
    })
    const after = t.store.statements.snapshot()
    expect(res.statusCode).toBe(201)
    // The version read; BEGIN, the key, the document's lock and the facts; the deferred writes with COMMIT.
    expect(after.roundTrips - before.roundTrips).toBe(3)
  })
})

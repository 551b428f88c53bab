import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { decisionFor, inspect, passportMrz } from '../../app/crossings/crossings.testing.ts'
import { register, returneeBody } from '../../app/returns/returns.testing.ts'
import { addPerson, createList, person, screen } from '../../app/screening/screening.testing.ts'
import { withDatabase } from '../../test/global-setup.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { cloneTemplateDatabase } from '../../test/test-db.ts'
import { describeWithTopology, query } from '../../test/topology.ts'
import { todayInCambodia } from '../time/cambodia-day.ts'
import { openStore } from './database.ts'
import { isDatabaseUnavailable } from './unavailable.ts'

describeWithTopology('the core flows through PgBouncer in transaction pooling mode', (topology) => {
  let copy: { url: string; drop(): Promise<void> }
  let t: TestApp
  beforeAll(async () => {
    copy = await cloneTemplateDatabase()
    const name = new URL(copy.url).pathname.slice(1)
    // Eight connections to PgBouncer, which multiplexes their transactions over its server connections: any
    // statement of one request may meet a server connection another request used a moment before.
    // PgBouncer 1.18 (Debian 12) cannot keep prepared statements across transactions: the documented setting.
    const store = await openStore({
      databaseUrl: withDatabase(topology.pgbouncerUrl, name),
      poolSize: 8,
      preparedStatements: false,
    })
    t = await createTestApp('postgres', {}, store)
  })
  afterAll(async () => {
    await t?.close()
    await copy?.drop()
  })

  it('really goes through PgBouncer', async () => {
    const rows = await query<{ port: number }>(
      withDatabase(topology.pgbouncerUrl, 'pgbouncer'),
      'SHOW LISTS',
    ).catch(() => null)
    // The admin console answers only PgBouncer; PostgreSQL itself has no database of that name.
    expect(rows).not.toBeNull()
  })

  it('inspects and records crossings, screens, registers returnees and reads statistics, many at once', async () => {
    const admin = await t.signIn('admin')
    const officer = await t.signIn('officer.poipet')
    const list = await createList(admin)
    await addPerson(admin, list.id, person())
    const hits = await screen(officer, { person: { name: 'CHHAY Sokha', birthDate: '1990-04-12' } })
    expect(hits.hits.length).toBeGreaterThan(0)

    const recorded = await Promise.all(
      Array.from({ length: 8 }, async (_, n) => {
        const i = await inspect(officer, passportMrz(`PG${String(n).padStart(7, '0')}`))
        return (await officer.request('POST', '/api/crossings', decisionFor(i))).statusCode
      }),
    )
    expect(recorded).toEqual(Array(8).fill(201))

    // The same registration sent twice with one key, concurrently: recorded once.
    const body = returneeBody({ familyLatin: 'Pooled', givenLatin: 'Once' })
    const twice = await Promise.all([
      register(officer, body, {}, 'pgbouncer-once'),
      register(officer, body, {}, 'pgbouncer-once'),
    ])
    expect(twice.map((r) => r.statusCode).every((s) => s === 201 || s === 200)).toBe(true)
    const once = await t.store.db
      .selectFrom('returnees')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('family_latin', '=', 'Pooled')
      .executeTakeFirstOrThrow()
    expect(once.n).toBe(1)

    const analyst = await t.signIn('analyst')
    const today = todayInCambodia()
    const stats = await analyst.request('POST', '/api/statistics/query', {
      measure: 'travellers',
      dimensions: ['post'],
      from: today,
      to: today,
    })
    expect(stats.statusCode, stats.body).toBe(200)

    // Eight writers on one audit chain, through pooled connections: the chain is whole.
    const verified = await admin.request('GET', '/api/audit/verify')
    expect(verified.statusCode).toBe(200)
    expect(verified.json()).toMatchObject({ ok: true })
  }, 120_000)

  it('left on by mistake, prepared statements are turned off at the first failure, which is retryable, and every later query runs', async () => {
    const name = new URL(copy.url).pathname.slice(1)
    const warnings: string[] = []
    const warn = console.error
    console.error = (m: unknown) => warnings.push(String(m))
    // Two processes' worth of stores, one connection each: PgBouncer hands their transactions the server
    // connection freed last, so a statement one prepared is soon already there (or missing) for the other.
    const stores = await Promise.all(
      [0, 1].map(() => openStore({ databaseUrl: withDatabase(topology.pgbouncerUrl, name), poolSize: 1 })),
    )
    try {
      const failed = new Set<number>()
      const read = (i: number, n: number) =>
        sql<{ code: string }>`SELECT code FROM points_of_entry WHERE code <> ${`X${n}`} ORDER BY code LIMIT 1`
          .execute(stores[i]!.db)
          .catch((err: unknown) => {
            expect(isDatabaseUnavailable(err), String(err)).toBe(true)
            failed.add(i)
          })
      for (let n = 0; n < 50 && failed.size === 0; n++) for (const i of [0, 1]) await read(i, n)
      expect(failed.size).toBeGreaterThan(0)
      expect(warnings.filter((w) => w.includes('DATABASE_PREPARED_STATEMENTS=false')).length).toBe(
        failed.size,
      )
      // The store that failed now sends its statements unnamed: each of many more reads runs.
      for (const i of failed)
        for (let n = 0; n < 20; n++) {
          const { rows } = await sql<{
            code: string
          }>`SELECT code FROM points_of_entry WHERE code <> ${`Y${n}`}`.execute(stores[i]!.db)
          expect(rows.length).toBeGreaterThan(0)
        }
    } finally {
      console.error = warn
      await Promise.all(stores.map((s) => s.close()))
    }
  }, 60_000)
})

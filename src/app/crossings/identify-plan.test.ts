import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../platform/db/database.ts'
import { engines, openTestStore } from '../../test/test-db.ts'
import { sameBirthDate } from './identify-candidates.ts'

/**
 * The statement cache (`statement-cache.ts`) keeps each hot statement prepared, and after five executions
 * PostgreSQL may run it with a generic plan, chosen without the parameters' values. The identity prefilter runs on
 * every new passport: its generic plan must still read the birth-date index, never every traveller.
 */
describe.each(engines())('the identity prefilter under a generic plan on %s', (engine) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore(engine)
    const day = (i: number) => new Date(Date.UTC(1950, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)
    // A few thousand travellers, eight or so born on each day, as a post's record looks after its first weeks.
    for (let from = 0; from < 4_000; from += 1_000)
      await store.db
        .insertInto('travellers')
        .values(
          Array.from({ length: 1_000 }, (_, i) => ({
            id: randomUUID(),
            surname: `SURNAME${from + i}`,
            given_names: 'GIVEN',
            birth_date: day((from + i) % 500),
            sex: 'F',
            nationality: 'THA',
          })),
        )
        .execute()
    await sql`ANALYZE travellers`.execute(store.db)
  })
  afterAll(() => store.close())

  it('reads the travellers born that day through the index, not the whole table', async () => {
    const { sql: text, parameters } = sameBirthDate(store.db, '1960-03-04', randomUUID()).compile()
    // A limit sent as a parameter is costed as a tenth of the rows in a generic plan: on the crossings bench's
    // database (3,485 travellers) that plan read every traveller. The limit goes as a literal.
    expect(text).toMatch(/ limit 200$/)
    const literal = (v: unknown) => `'${String(v).replaceAll("'", "''")}'`
    const plan = await store.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL plan_cache_mode = force_generic_plan`.execute(trx)
      await sql.raw(`PREPARE identity_prefilter AS ${text}`).execute(trx)
      const { rows } = await sql
        .raw<{ 'QUERY PLAN': string }>(
          `EXPLAIN EXECUTE identity_prefilter(${parameters.map(literal).join(', ')})`,
        )
        .execute(trx)
      await sql`DEALLOCATE identity_prefilter`.execute(trx)
      return rows.map((r) => r['QUERY PLAN']).join('\n')
    })
    expect(plan).toContain('travellers_birth_date_cover_idx')
    expect(plan).not.toMatch(/Seq Scan/)
  })
})

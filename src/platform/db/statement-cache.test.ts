import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines, openTestStore } from '../../test/test-db.ts'
import type { Store } from './database.ts'
import { StatementCache } from './statement-cache.ts'
import { isDatabaseUnavailable } from './unavailable.ts'

describe('the statement cache names what it sees again, within bounds', () => {
  it('names a text the second time, keeps the name, and sends nothing named while off', () => {
    const cache = new StatementCache(true)
    expect(cache.nameOf('SELECT $1')).toBeUndefined()
    const name = cache.nameOf('SELECT $1')
    expect(name).toMatch(/^passage_[\w-]{32}_0$/)
    // The same text has the same name in every process (a fresh cache stands for another process).
    const other = new StatementCache(true)
    other.nameOf('SELECT $1')
    expect(other.nameOf('SELECT $1')).toBe(name)
    expect(cache.nameOf('SELECT $1')).toBe(name)
    expect(cache.nameOf('SELECT $2')).toBeUndefined()
    expect(cache.nameOf('SELECT $2')).not.toBe(name)
    const off = new StatementCache(false)
    for (let i = 0; i < 3; i++) expect(off.nameOf('SELECT $1')).toBeUndefined()
  })

  it('keeps at most `max` names, so a connection keeps at most that many plans', () => {
    const cache = new StatementCache(true, 3)
    const named = Array.from({ length: 10 }, (_, i) => {
      cache.nameOf(`SELECT ${i}`)
      return cache.nameOf(`SELECT ${i}`)
    })
    expect(named.filter((n) => n !== undefined)).toHaveLength(3)
  })

  it('a stale plan gets a fresh name; a pooler that loses statements turns naming off, once, with a warning', () => {
    const warnings: string[] = []
    const cache = new StatementCache(true, 200, (m) => warnings.push(m))
    cache.nameOf('SELECT * FROM t')
    const first = cache.nameOf('SELECT * FROM t')
    const stale = Object.assign(new Error('cached plan must not change result type'), { code: '0A000' })
    expect(cache.failed(stale, 'SELECT * FROM t')).toBe(true)
    cache.nameOf('SELECT * FROM t')
    expect(cache.nameOf('SELECT * FROM t')).not.toBe(first)
    // Other errors of a named statement are the statement's own (a unique key, a check): not retried.
    expect(cache.failed(Object.assign(new Error('duplicate key'), { code: '23505' }), 'x')).toBe(false)
    expect(cache.failed(Object.assign(new Error('not supported'), { code: '0A000' }), 'x')).toBe(false)
    for (const code of ['26000', '42P05']) expect(cache.failed({ code }, 'SELECT 1')).toBe(true)
    expect(cache.enabled).toBe(false)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('DATABASE_PREPARED_STATEMENTS=false')
  })
})

describe.each(engines())('named prepared statements on %s', (engine) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore(engine)
    await sql`CREATE TABLE probe_prepared (id int PRIMARY KEY)`.execute(store.db)
    await sql`INSERT INTO probe_prepared VALUES (1), (2)`.execute(store.db)
  })
  afterAll(() => store.close())

  it('a query sent again runs as a statement prepared on its connection, with its parameters', async () => {
    const names = await store.db.transaction().execute(async (trx) => {
      for (const id of [1, 2, 1]) {
        const { rows } = await sql<{ id: number }>`SELECT id FROM probe_prepared WHERE id = ${id}`.execute(
          trx,
        )
        expect(rows).toEqual([{ id }])
      }
      const { rows } = await sql<{ name: string; statement: string }>`
        SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE '%probe_prepared WHERE%'`.execute(
        trx,
      )
      return rows
    })
    expect(names).toHaveLength(1)
    expect(names[0]!.name).toMatch(/^passage_[\w-]{32}_0$/)
  })

  it('after a column is added under a kept plan of SELECT *, the one failing request is retryable and the next runs', async () => {
    const read = () =>
      sql<Record<string, unknown>>`SELECT * FROM probe_prepared WHERE id = ${1}`.execute(store.db)
    // On PostgreSQL the pool has several connections: warm each one's plan by reading from all of them at once.
    for (let i = 0; i < 3; i++) await Promise.all(Array.from({ length: 5 }, read))
    await sql`ALTER TABLE probe_prepared ADD COLUMN note text`.execute(store.db)
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () =>
        read().then(
          (r) => r.rows[0],
          (err: unknown) => err,
        ),
      ),
    )
    // At least the connection whose plan was kept fails once (else this test would prove nothing).
    expect(outcomes.some((o) => o instanceof Error)).toBe(true)
    for (const o of outcomes)
      if (o instanceof Error) expect(isDatabaseUnavailable(o), String(o)).toBe(true)
      else expect(o).toEqual({ id: 1, note: null })
    const again = await Promise.all(Array.from({ length: 5 }, read))
    for (const r of again) expect(r.rows).toEqual([{ id: 1, note: null }])
  })
})

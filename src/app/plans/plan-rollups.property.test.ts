import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Executor, Store } from '../../platform/db/database.ts'
import { engines, openTestStore } from '../../test/test-db.ts'
import { insertCrossings, POSTS } from '../statistics/statistics.testing.ts'
import { foldPlanSources } from './fold-plan-sources.ts'

/**
 * The plan sources' rollups (migration 0033) against a brute-force count of the raw records: per source, month
 * and post, the number of counted records and the sum of their keys read one by one from `stat_record_key`.
 * Returnees and examinations are written, rewritten across the counted/not-counted line and deleted at random,
 * the queue folded in part between steps: readers of `plan_source_months_now` must see the exact figures at
 * every step, and the rollup alone once the queue is drained.
 */
// Any day of 2024–2025, month ends and 29 February included.
const day = fc
  .integer({ min: 0, max: 730 })
  .map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))
// Hours around midnight: an examination at 20:00 UTC on the last of a month is counted in the next (UTC+7).
const hour = fc.constantFrom(0, 9, 16, 17, 23)
const FINDINGS = ['genuine', 'suspected', 'forged_or_altered', 'impostor', 'not_examined'] as const
const post = fc.option(fc.constantFrom(...POSTS))
const pick = fc.array(fc.nat(), { minLength: 1, maxLength: 4 })

type Op =
  | { kind: 'returnees'; rows: { day: string; post: string; assisted: boolean }[] }
  | { kind: 'examinations'; rows: { day: string; hour: number; post: string | null; finding: string }[] }
  | { kind: 'needs'; pick: number[]; assisted: boolean; day: string }
  | { kind: 'finding'; pick: number[]; finding: string }
  | { kind: 'delete'; pick: number[]; table: 'returnees' | 'document_examinations' }
  | { kind: 'fold'; batch: number; maxBatches: number }
  | { kind: 'replicated'; rows: { day: string; post: string; assisted: boolean }[]; pick: number[] }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('returnees' as const),
    rows: fc.array(fc.record({ day, post: fc.constantFrom(...POSTS), assisted: fc.boolean() }), {
      minLength: 1,
      maxLength: 8,
    }),
  }),
  fc.record({
    kind: fc.constant('examinations' as const),
    rows: fc.array(fc.record({ day, hour, post, finding: fc.constantFrom(...FINDINGS) }), {
      minLength: 1,
      maxLength: 8,
    }),
  }),
  fc.record({ kind: fc.constant('needs' as const), pick, assisted: fc.boolean(), day }),
  fc.record({ kind: fc.constant('finding' as const), pick, finding: fc.constantFrom(...FINDINGS) }),
  fc.record({
    kind: fc.constant('delete' as const),
    pick,
    table: fc.constantFrom('returnees' as const, 'document_examinations' as const),
  }),
  // As a post's rows arrive on the national server: applied with session_replication_role = replica.
  fc.record({
    kind: fc.constant('replicated' as const),
    rows: fc.array(fc.record({ day, post: fc.constantFrom(...POSTS), assisted: fc.boolean() }), {
      minLength: 1,
      maxLength: 4,
    }),
    pick,
  }),
  fc.record({
    kind: fc.constant('fold' as const),
    batch: fc.integer({ min: 1, max: 5 }),
    maxBatches: fc.integer({ min: 1, max: 3 }),
  }),
)

async function picked(store: Store, table: string, pick: number[]): Promise<string[]> {
  const { rows } = await sql<{
    id: string
  }>`SELECT id::text AS id FROM ${sql.table(table)} ORDER BY id`.execute(store.db)
  if (!rows.length) return []
  return [...new Set(pick.map((i) => (rows[i % rows.length] as { id: string }).id))]
}

async function insertReturnee(
  db: Executor,
  r: { day: string; post: string; assisted: boolean },
  officer: string,
): Promise<void> {
  await sql`INSERT INTO returnees (id, post_code, registered_at, registered_on, registered_by, agency_code,
      family_latin, given_latin, sex, estimated_age, return_type, triage_flags, needs)
    VALUES (${randomUUID()}, ${r.post}, now(), ${r.day}, ${officer}, 'GDI', 'TEST', 'PLAN', 'F', 30,
      'spontaneous', '{}', ${r.assisted ? ['food'] : []})`.execute(db)
}

async function apply(store: Store, o: Op, ctx: { officer: string; document: string }): Promise<void> {
  const db = store.db
  if (o.kind === 'fold') await foldPlanSources({ db, batch: o.batch, maxBatches: o.maxBatches })
  if (o.kind === 'replicated') {
    const ids = await picked(store, 'returnees', o.pick)
    await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(trx)
      for (const r of o.rows) await insertReturnee(trx, r, ctx.officer)
      if (ids.length) {
        await sql`UPDATE returnees SET needs = '{}' WHERE id::text = ${ids[0]}`.execute(trx)
        if (ids.length > 1)
          await sql`DELETE FROM returnees WHERE id::text IN (${sql.join(ids.slice(1))})`.execute(trx)
      }
    })
  }
  if (o.kind === 'returnees') for (const r of o.rows) await insertReturnee(db, r, ctx.officer)
  if (o.kind === 'examinations')
    await db
      .insertInto('document_examinations')
      .values(
        o.rows.map((r) => ({
          id: randomUUID(),
          document_id: ctx.document,
          template_id: sql<string>`(SELECT id FROM examination_templates ORDER BY id LIMIT 1)`,
          issuing_state: 'THA',
          document_code: 'P',
          finding: r.finding,
          results: '[]',
          notes: '',
          post_code: r.post,
          agency_code: 'GDI',
          examined_by: ctx.officer,
          examined_at: new Date(`${r.day}T${String(r.hour).padStart(2, '0')}:30:00Z`),
        })) as never,
      )
      .execute()
  if (o.kind === 'needs') {
    const ids = await picked(store, 'returnees', o.pick)
    if (ids.length)
      await sql`UPDATE returnees SET needs = ${o.assisted ? ['shelter'] : []}, registered_on = ${o.day}
        WHERE id::text IN (${sql.join(ids)})`.execute(db)
  }
  if (o.kind === 'finding') {
    const ids = await picked(store, 'document_examinations', o.pick)
    if (ids.length)
      await sql`UPDATE document_examinations SET finding = ${o.finding} WHERE id::text IN (${sql.join(ids)})`.execute(
        db,
      )
  }
  if (o.kind === 'delete') {
    const ids = await picked(store, o.table, o.pick)
    if (ids.length)
      await sql`DELETE FROM ${sql.table(o.table)} WHERE id::text IN (${sql.join(ids)})`.execute(db)
  }
}

const ADVERSE = new Set(['suspected', 'forged_or_altered', 'impostor'])
const monthInCambodia = (at: Date) => `${new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 7)}-01`

/** Source|month|post → "n records, key sum k", from the raw rows, each key read from `stat_record_key`. */
async function bruteForce(store: Store): Promise<Map<string, string>> {
  const out = new Map<string, [number, number]>()
  const add = (cell: string, key: number) => {
    const [n, k] = out.get(cell) ?? [0, 0]
    out.set(cell, [n + 1, k + key])
  }
  const returnees = await sql<{ day: string; post: string | null; needs: string[]; key: number }>`
    SELECT registered_on AS day, post_code AS post, needs, stat_record_key(id::text) AS key FROM returnees`.execute(
    store.db,
  )
  for (const r of returnees.rows)
    if (r.needs.length > 0) add(`returnees-assisted|${r.day.slice(0, 7)}-01|${r.post ?? ''}`, Number(r.key))
  const exams = await sql<{ at: Date; post: string | null; finding: string; key: number }>`
    SELECT examined_at AS at, post_code AS post, finding, stat_record_key(id::text) AS key
    FROM document_examinations`.execute(store.db)
  for (const e of exams.rows)
    if (ADVERSE.has(e.finding))
      add(`document-findings|${monthInCambodia(new Date(e.at))}|${e.post ?? ''}`, Number(e.key))
  return new Map([...out].map(([cell, [n, k]]) => [cell, `${n} records, key sum ${k}`]))
}

async function rolledUp(store: Store, relation: string): Promise<Map<string, string>> {
  const { rows } = await sql<{ cell: string; n: number; k: number }>`
    SELECT source || '|' || month || '|' || post_code AS cell, sum(count)::int AS n, sum(key_sum)::int AS k
    FROM ${sql.table(relation)} GROUP BY 1 HAVING sum(count) <> 0 OR sum(key_sum) <> 0`.execute(store.db)
  return new Map(rows.map((r) => [r.cell, `${r.n} records, key sum ${r.k}`]))
}

describe.each(engines())('plan source rollups on %s', (engine) => {
  let store: Store
  const ctx = { officer: '', document: '' }
  beforeAll(async () => {
    store = await openTestStore(engine)
    const officer = await store.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'officer.poipet')
      .executeTakeFirstOrThrow()
    ctx.officer = officer.id
    await insertCrossings(store.db, [
      { day: '2025-01-01', post: 'LAND-POIPET', direction: 'entry', decision: 'admit' },
    ])
    const doc = await store.db.selectFrom('travel_documents').select('id').executeTakeFirstOrThrow()
    ctx.document = doc.id
  })
  afterAll(() => store.close())

  it('equal a brute-force count and key sum of the counted records after any writes and partial folds, and once fully folded', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        for (const o of ops) await apply(store, o, ctx)
        const expected = await bruteForce(store)
        expect(await rolledUp(store, 'plan_source_months_now')).toEqual(expected)
        await foldPlanSources({ db: store.db })
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM plan_source_deltas`.execute(
          store.db,
        )
        expect(rows[0]?.n).toBe(0)
        expect(await rolledUp(store, 'plan_source_months')).toEqual(expected)
      }),
      { numRuns: 20 },
    )
  }, 120_000)
})

import { sql } from 'kysely'
import { expect } from 'vitest'
import { ageOn } from '../../domain/statistics/calendar.ts'
import type { Store } from '../../platform/db/database.ts'

/**
 * The rollups checked against the raw crossings: a brute-force count and key sum per finest cell, and each of the
 * five cuboids compared with it summed to its grain. Shared by the rollup property test and the COPY seed's test.
 */
function fullDate(b: string): string {
  return b.length === 4 ? `${b}-01-01` : b.length === 7 ? `${b}-01` : b
}

/** A cell's count and the sum of its records' keys (cell-key perturbation, migration 0014), as one string. */
export type Cells = Map<string, string>
const cell = (n: number, k: number) => `${n} records, key sum ${k}`
const parse = (v: string) => v.match(/-?\d+/g)?.map(Number) ?? [0, 0]

/**
 * The fine rollup computed from the raw rows, with the age worked out by the domain's calendar; each record's
 * key is read one by one from the database's key function, so the rollups' key sums are checked against it.
 */
export async function bruteForce(store: Store): Promise<Cells> {
  const rows = await store.db
    .selectFrom('crossings as c')
    .innerJoin('travellers as t', 't.id', 'c.traveller_id')
    .innerJoin('travel_documents as d', 'd.id', 'c.document_id')
    .select(['c.crossed_on', 'c.post_code', 'c.direction', 'c.decision', 'c.refusal_reason', 'c.purpose'])
    .select(['t.nationality', 't.sex', 't.birth_date', 'd.document_code'])
    .select(sql<number>`stat_record_key(c.id::text)`.as('record_key'))
    .execute()
  const counts = new Map<string, [number, number]>()
  for (const r of rows) {
    const age = r.birth_date ? Math.max(-1, Math.min(100, ageOn(fullDate(r.birth_date), r.crossed_on))) : -1
    const key = [
      r.crossed_on,
      r.post_code,
      r.direction,
      r.decision,
      r.refusal_reason ?? '',
      r.nationality ?? '',
      r.sex ?? '',
      age,
      r.document_code,
      r.purpose ?? '',
    ].join('|')
    const [n, k] = counts.get(key) ?? [0, 0]
    counts.set(key, [n + 1, k + Number(r.record_key)])
  }
  return new Map([...counts].map(([key, [n, k]]) => [key, cell(n, k)]))
}

async function rollup(store: Store, suffix: string, table: string, columns: string): Promise<Cells> {
  const { rows } = await sql<{ key: string; n: number; k: number }>`
    SELECT concat_ws('|', ${sql.raw(columns)}) AS key, sum(count)::bigint AS n, sum(key_sum)::bigint AS k
    FROM ${sql.table(table + suffix)} GROUP BY 1 HAVING sum(count) <> 0 OR sum(key_sum) <> 0`.execute(
    store.db,
  )
  return new Map(rows.map((r) => [r.key, cell(Number(r.n), Number(r.k))]))
}

/** The same counts and key sums summed to a coarser key: what a smaller cuboid must hold. */
function coarsen(fine: Cells, parts: (p: string[]) => string[]): Cells {
  const out = new Map<string, [number, number]>()
  for (const [key, value] of fine) {
    const k = parts(key.split('|')).join('|')
    const [n, keys] = parse(value)
    const [n0, k0] = out.get(k) ?? [0, 0]
    out.set(k, [n0 + (n ?? 0), k0 + (keys ?? 0)])
  }
  return new Map([...out].map(([key, [n, k]]) => [key, cell(n, k)]))
}

/** Each cuboid (`suffix` '' the folded tables, '_now' with the pending deltas) equals `fine` summed to its grain. */
export async function expectCuboids(store: Store, fine: Cells, suffix: '' | '_now'): Promise<void> {
  const all =
    'day, post_code, direction, decision, refusal_reason, nationality, sex, age, document_type, purpose'
  expect(await rollup(store, suffix, 'stat_crossings', all)).toEqual(fine)
  expect(
    await rollup(store, suffix, 'stat_crossings_post', 'day, post_code, direction, decision, refusal_reason'),
  ).toEqual(coarsen(fine, (p) => p.slice(0, 5)))
  expect(
    await rollup(
      store,
      suffix,
      'stat_crossings_post_month',
      'month, post_code, direction, decision, refusal_reason',
    ),
  ).toEqual(coarsen(fine, (p) => [`${p[0]?.slice(0, 7)}-01`, ...p.slice(1, 5)]))
  const postPerson = 'post_code, month, decision, nationality, sex, age'
  expect(await rollup(store, suffix, 'stat_crossings_post_person', postPerson)).toEqual(
    coarsen(fine, (p) => [
      p[1] ?? '',
      `${p[0]?.slice(0, 7)}-01`,
      p[3] ?? '',
      p[5] ?? '',
      p[6] ?? '',
      p[7] ?? '',
    ]),
  )
  expect(
    await rollup(store, suffix, 'stat_crossings_person', 'month, direction, decision, nationality, sex, age'),
  ).toEqual(
    coarsen(fine, (p) => [
      `${p[0]?.slice(0, 7)}-01`,
      p[2] ?? '',
      p[3] ?? '',
      p[5] ?? '',
      p[6] ?? '',
      p[7] ?? '',
    ]),
  )
}

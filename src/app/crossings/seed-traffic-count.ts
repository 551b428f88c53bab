import type pg from 'pg'
import { CUBOIDS, FINE, TAKE_FOLD_LOCK, upsert } from '../statistics/fold-deltas.ts'

/**
 * The COPY seed's own count of the crossings it wrote (migration 0024: its transaction switched the insert
 * trigger off), run last, just before commit. The written rows' fine cells are grouped once into a temporary
 * table; then each cuboid is filled from it. Upserting a million cells into the finest cuboid's 10-column unique
 * index, a probe and an insert per cell, was most of a seed's time beside the COPY itself. So a cuboid that is
 * still empty — the first seed of a database, the benchmark's case — is filled by a plain `INSERT … SELECT …
 * GROUP BY` with its indexes dropped, and the indexes (its primary key included) are built again afterwards by
 * one sort each: the same unique index, checked on every row when it is built. A cuboid that already holds cells
 * takes the background folder's upsert (`fold-deltas.ts`), cell by cell.
 *
 * Why this is safe: each cuboid is locked `ACCESS EXCLUSIVE` before it is looked at, until commit, so no other
 * transaction reads or writes it while its index is missing (readers of the dashboards wait for the seed's
 * commit, as they already waited on the crossings table it holds), and the folders' advisory lock is held too, so
 * no background fold queues behind it. Whether the cuboid is empty is judged under that lock. Everything —
 * dropped indexes included — commits or rolls back with the copied rows.
 */

/** Which path each cuboid took, by table (the tests check both). */
export type CountPaths = Record<string, 'built' | 'upserted'>

export async function countWrittenCrossings(client: pg.Client): Promise<CountPaths> {
  // One in-memory hash of every copied cell, and a sort of the largest cuboid in memory when its index is built.
  // No JIT: compiling took a quarter of the grouping. All end with the transaction (SET LOCAL: PgBouncer-safe).
  await client.query(`SET LOCAL work_mem = '256MB'`)
  await client.query(`SET LOCAL maintenance_work_mem = '512MB'`)
  await client.query('SET LOCAL jit = off')
  await client.query(TAKE_FOLD_LOCK)
  await client.query(`CREATE TEMPORARY TABLE seed_cells ON COMMIT DROP AS
    SELECT ${FINE}, count(*) AS n, sum(record_key) AS k FROM stat_crossing_cells
    WHERE written_in = pg_current_xact_id()::xid GROUP BY ${FINE}`)
  await client.query('ANALYZE seed_cells')
  const paths: CountPaths = {}
  for (const c of CUBOIDS) {
    await client.query(`LOCK TABLE ${c.table} IN ACCESS EXCLUSIVE MODE`)
    const { rows } = await client.query<{ filled: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${c.table}) AS filled`,
    )
    if (rows[0]?.filled) {
      await client.query(`WITH d AS (SELECT * FROM seed_cells) ${upsert(c.table, c.columns, c.select)}`)
      paths[c.table] = 'upserted'
    } else {
      await fillEmpty(client, c)
      paths[c.table] = 'built'
    }
  }
  return paths
}

/** Every index of the table as SQL that makes it again; the primary key through its constraint. */
async function indexesOf(client: pg.Client, table: string): Promise<{ drop: string; create: string }[]> {
  const { rows } = await client.query<{ index: string; constraint: string | null; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS index, c.conname AS constraint,
       coalesce(pg_get_constraintdef(c.oid), pg_get_indexdef(i.indexrelid)) AS definition
     FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid
     WHERE i.indrelid = $1::regclass ORDER BY i.indisprimary DESC, 1`,
    [table],
  )
  return rows.map((r) =>
    r.constraint
      ? {
          drop: `ALTER TABLE ${table} DROP CONSTRAINT "${r.constraint}"`,
          create: `ALTER TABLE ${table} ADD CONSTRAINT "${r.constraint}" ${r.definition}`,
        }
      : { drop: `DROP INDEX ${r.index}`, create: r.definition },
  )
}

async function fillEmpty(client: pg.Client, c: (typeof CUBOIDS)[number]): Promise<void> {
  const indexes = await indexesOf(client, c.table)
  for (const i of indexes) await client.query(i.drop)
  const n = c.columns.split(',').length
  const positions = Array.from({ length: n }, (_, i) => i + 1).join(', ')
  // The temporary table is grouped at the finest grain already: the finest cuboid copies it as it is.
  const select =
    c.columns === FINE
      ? `SELECT ${FINE}, n, k FROM seed_cells`
      : `SELECT ${c.select}, sum(n), sum(k) FROM seed_cells GROUP BY ${positions}`
  await client.query(`INSERT INTO ${c.table} (${c.columns}, count, key_sum) ${select}`)
  for (const i of indexes) await client.query(i.create)
}

import type pg from 'pg'
import { CUBOIDS, FINE, TAKE_FOLD_LOCK, upsert } from '../statistics/fold-deltas.ts'
import type { SeedCells } from './seed-traffic-cells.ts'
import { copyText } from './seed-traffic-copy-text.ts'

/**
 * The COPY seed's own count of the crossings it wrote (migration 0024: its transaction switched the insert
 * trigger off), run last, just before commit. The rows were counted in this process as they were generated
 * (`seed-traffic-cells.ts`); here each cuboid's rows are copied in. A cuboid that is still empty — the first seed
 * of a database, the benchmark's case — takes them by a plain `COPY` with its indexes dropped, in its primary
 * key's order, and the indexes (its primary key included) are built again afterwards: the same unique index,
 * checked on every row when it is built, over presorted rows. A cuboid that already holds cells gets its rows
 * copied into a temporary table and added by the background folder's upsert (`fold-deltas.ts`), cell by cell.
 *
 * Why this is safe: each cuboid is locked `ACCESS EXCLUSIVE` before it is looked at, until commit, so no other
 * transaction reads or writes it while its index is missing (readers of the dashboards wait for the seed's
 * commit, as they already waited on the crossings table it holds), and the folders' advisory lock is held too, so
 * no background fold queues behind it. Whether the cuboid is empty is judged under that lock. Everything —
 * dropped indexes included — commits or rolls back with the copied rows.
 */

/** Which path each cuboid took, by table (the tests check both). */
export type CountPaths = Record<string, 'built' | 'upserted'>

/**
 * Sums the coarser cuboids from the fine cells: run while the server rebuilds the copied tables' indexes, so
 * both cores work.
 */
export function sumCuboids(cells: SeedCells): void {
  cells.sum(CUBOIDS.filter((c) => c.columns !== FINE).map((c) => c.columns))
}

/** Cuboid columns → COPY text made ahead (`prepareFine`), while the server was busy with something else. */
export type Prepared = Map<string, string[]>

/**
 * The finest cuboid's COPY text, made while the server checks the foreign keys: it is nearly a row per crossing,
 * and this process would otherwise idle then and make it while the server waits.
 */
export function prepareFine(cells: SeedCells): Prepared {
  return new Map([[FINE, [...cells.text(FINE)]]])
}

export async function countCells(
  client: pg.Client,
  cells: SeedCells,
  prepared: Prepared = new Map(),
): Promise<CountPaths> {
  // A sort of the largest cuboid in memory when its index is built, and an in-memory upsert grouping. All end
  // with the transaction (SET LOCAL: PgBouncer-safe).
  await client.query(`SET LOCAL work_mem = '256MB'`)
  await client.query(`SET LOCAL maintenance_work_mem = '512MB'`)
  await client.query('SET LOCAL jit = off')
  await client.query(TAKE_FOLD_LOCK)
  const paths: CountPaths = {}
  for (const c of CUBOIDS) {
    const chunks = prepared.get(c.columns) ?? cells.text(c.columns)
    await client.query(`LOCK TABLE ${c.table} IN ACCESS EXCLUSIVE MODE`)
    const { rows } = await client.query<{ filled: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${c.table}) AS filled`,
    )
    const columns = `${c.columns}, count, key_sum`
    if (rows[0]?.filled) {
      const temporary = `seed_${c.name}`
      await client.query(
        `CREATE TEMPORARY TABLE ${temporary} ON COMMIT DROP AS SELECT ${columns} FROM ${c.table} WITH NO DATA`,
      )
      await copyText(client, temporary, columns, chunks)
      await client.query(
        `WITH d AS (SELECT ${c.columns}, count AS n, key_sum AS k FROM ${temporary}) ${upsert(c.table, c.columns, c.columns)}`,
      )
      paths[c.table] = 'upserted'
    } else {
      const indexes = await indexesOf(client, c.table)
      for (const i of indexes) await client.query(i.drop)
      await copyText(client, c.table, columns, chunks)
      for (const i of indexes) await client.query(i.create)
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

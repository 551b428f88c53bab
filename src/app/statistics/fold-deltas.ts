import { sql } from 'kysely'
import type { Db, Executor } from '../../platform/db/database.ts'
import { yieldToOthers } from '../../platform/db/yield-to-others.ts'

/** Deltas moved per transaction: a few hundred milliseconds of work at most, so nobody waits long behind a fold. */
export const FOLD_BATCH = 20_000

/**
 * The transaction-scoped advisory lock that makes one folder at a time (any number of processes may run the job).
 * Released at commit: no session state, so it works through PgBouncer's transaction pooling.
 */
const FOLD_LOCK = 0x5354_4146 // 'STAF'

export const FINE =
  'day, post_code, direction, decision, refusal_reason, nationality, sex, age, document_type, purpose'
const MONTH = `substr(day, 1, 7) || '-01'`

/** One cuboid's upsert from the taken deltas `d`, keys in order so that two folds never wait in opposite orders. */
export function upsert(table: string, columns: string, select: string): string {
  const n = columns.split(',').length
  const positions = Array.from({ length: n }, (_, i) => i + 1).join(', ')
  return `INSERT INTO ${table} (${columns}, count, key_sum)
    SELECT ${select}, sum(n), sum(k) FROM d GROUP BY ${positions}
    HAVING sum(n) <> 0 OR sum(k) <> 0 ORDER BY ${positions}
    ON CONFLICT (${columns}) DO UPDATE
    SET count = ${table}.count + EXCLUDED.count, key_sum = ${table}.key_sum + EXCLUDED.key_sum`
}

/** The five cuboids: each table, its key columns, and how each key is computed from a fine cell of `d`. */
export const CUBOIDS = [
  { name: 'fine', table: 'stat_crossings', columns: FINE, select: FINE },
  {
    name: 'by_post',
    table: 'stat_crossings_post',
    columns: 'day, post_code, direction, decision, refusal_reason',
    select: 'day, post_code, direction, decision, refusal_reason',
  },
  {
    name: 'by_post_month',
    table: 'stat_crossings_post_month',
    columns: 'month, post_code, direction, decision, refusal_reason',
    select: `${MONTH}, post_code, direction, decision, refusal_reason`,
  },
  {
    name: 'by_post_person',
    table: 'stat_crossings_post_person',
    columns: 'post_code, month, decision, nationality, sex, age',
    select: `post_code, ${MONTH}, decision, nationality, sex, age`,
  },
  {
    name: 'by_person',
    table: 'stat_crossings_person',
    columns: 'month, direction, decision, nationality, sex, age',
    select: `${MONTH}, direction, decision, nationality, sex, age`,
  },
] as const

/** The five cuboids' upserts from the grouped cells `d` (fine cell, `n` records, `k` key sum), as CTEs. */
const UPSERTS = CUBOIDS.map((c) => `${c.name} AS (${upsert(c.table, c.columns, c.select)})`).join(',\n  ')

/**
 * Takes the oldest `limit` deltas off the queue and adds them to the five cuboids, all in one statement so that
 * the deltas leave the queue in the same commit that counts them: a reader of the `_now` views sees each change
 * exactly once, before and after. Rows whose count and key sum both come back to zero are left (readers sum).
 */
const TAKE = `WITH taken AS (
    DELETE FROM stat_crossing_deltas WHERE id IN (
      SELECT id FROM stat_crossing_deltas ORDER BY id LIMIT`
const FOLD = `)
    RETURNING ${FINE}, count, key_sum),
  d AS (SELECT ${FINE}, sum(count) AS n, sum(key_sum) AS k FROM taken
    GROUP BY ${FINE} HAVING sum(count) <> 0 OR sum(key_sum) <> 0),
  ${UPSERTS}
  SELECT count(*)::int AS folded FROM taken`

/**
 * For a bulk writer that switched the insert trigger off for its own transaction (`COUNTED_BY_WRITER`, migration
 * 0024): counts every crossing this transaction wrote into the cuboids, set-based, in one statement — one scan
 * and one GROUP BY instead of a delta per cell per COPY folded again later. Run it last, just before commit,
 * holding the fold lock (`TAKE_FOLD_LOCK`, waited for) so that no background folder upserts the same cells meanwhile.
 */
export const TAKE_FOLD_LOCK = `SELECT pg_advisory_xact_lock(${FOLD_LOCK})`
export const COUNTED_BY_WRITER = `SELECT set_config('passage.stat_deltas', 'counted_by_writer', true)`
export const FOLD_WRITTEN_CROSSINGS = `WITH d AS (
    SELECT ${FINE}, count(*) AS n, sum(record_key) AS k FROM stat_crossing_cells
    WHERE written_in = pg_current_xact_id()::xid GROUP BY ${FINE}),
  ${UPSERTS}
  SELECT coalesce(sum(n), 0)::bigint AS counted FROM d`

/**
 * One batch in the caller's transaction. The advisory lock keeps other folders out, so the taken rows need no
 * row locks of their own (writers only ever insert into the queue, never update or delete). Returns the deltas folded, or null when another folder holds the lock
 * (it will reach these deltas itself).
 */
export async function foldDeltaBatch(trx: Executor, limit = FOLD_BATCH): Promise<number | null> {
  const { rows: lock } = await sql<{
    got: boolean
  }>`SELECT pg_try_advisory_xact_lock(${FOLD_LOCK}) AS got`.execute(trx)
  if (!lock[0]?.got) return null
  const batch = Math.max(1, Math.floor(limit))
  const { rows } = await sql<{ folded: number }>`${sql.raw(TAKE)} ${batch} ${sql.raw(FOLD)}`.execute(trx)
  const folded = Number(rows[0]?.folded ?? 0)
  if (folded > 0) await sql`UPDATE stat_fold_state SET folded_at = now()`.execute(trx)
  return folded
}

export interface FoldReport {
  folded: number
  /** True when the queue was found empty; false when stopped by `maxBatches` or another folder's lock. */
  drained: boolean
}

/**
 * Folds batch after batch, each in its own short transaction, until the queue is empty (or `maxBatches`).
 * Between batches the event loop runs, so on PGlite's single connection other requests get their turn.
 */
export async function foldDeltas(o: { db: Db; batch?: number; maxBatches?: number }): Promise<FoldReport> {
  let folded = 0
  for (let i = 0; i < (o.maxBatches ?? Number.POSITIVE_INFINITY); i++) {
    const n = await o.db.transaction().execute((trx) => foldDeltaBatch(trx, o.batch))
    if (n === null) return { folded, drained: false }
    folded += n
    if (n < (o.batch ?? FOLD_BATCH)) return { folded, drained: true }
    await yieldToOthers()
  }
  return { folded, drained: false }
}

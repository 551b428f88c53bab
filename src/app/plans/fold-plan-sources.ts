import { sql } from 'kysely'
import type { Db, Executor } from '../../platform/db/database.ts'
import { yieldToOthers } from '../../platform/db/yield-to-others.ts'
import { type Every, type EveryLog, every } from '../../platform/schedule/every.ts'

/**
 * The folder of the plan sources' queue (migration 0033), the statistics folder's shape (`fold-deltas.ts`):
 * bounded batches, one folder at a time by a transaction-scoped advisory lock (PgBouncer-safe), the deltas
 * leaving the queue in the commit that adds them to the rollup, so a reader of `plan_source_months_now` counts
 * each change exactly once, folded or not.
 */
export const PLAN_FOLD_BATCH = 20_000
const PLAN_FOLD_LOCK = 0x504c_4146 // 'PLAF'
const CELL = 'source, month, post_code, outcome'

const FOLD = `WITH taken AS (
    DELETE FROM plan_source_deltas WHERE id IN (SELECT id FROM plan_source_deltas ORDER BY id LIMIT $LIMIT)
    RETURNING ${CELL}, count, key_sum),
  upserted AS (
    INSERT INTO plan_source_months (${CELL}, count, key_sum)
    SELECT ${CELL}, sum(count), sum(key_sum) FROM taken GROUP BY ${CELL}
    HAVING sum(count) <> 0 OR sum(key_sum) <> 0 ORDER BY ${CELL}
    ON CONFLICT (${CELL}) DO UPDATE SET count = plan_source_months.count + EXCLUDED.count,
      key_sum = plan_source_months.key_sum + EXCLUDED.key_sum)
  SELECT count(*)::int AS folded FROM taken`

/** One batch in the caller's transaction; null when another folder holds the lock (it will fold these). */
export async function foldPlanSourceBatch(trx: Executor, limit = PLAN_FOLD_BATCH): Promise<number | null> {
  const { rows: lock } = await sql<{
    got: boolean
  }>`SELECT pg_try_advisory_xact_lock(${PLAN_FOLD_LOCK}) AS got`.execute(trx)
  if (!lock[0]?.got) return null
  const batch = String(Math.max(1, Math.floor(limit)))
  const { rows } = await sql<{ folded: number }>`${sql.raw(FOLD.replace('$LIMIT', batch))}`.execute(trx)
  return Number(rows[0]?.folded ?? 0)
}

/** Batch after batch, each its own short transaction, the event loop let run between them. */
export async function foldPlanSources(o: { db: Db; batch?: number; maxBatches?: number }): Promise<number> {
  let folded = 0
  const batch = o.batch ?? PLAN_FOLD_BATCH
  for (let i = 0; i < (o.maxBatches ?? Number.POSITIVE_INFINITY); i++) {
    const n = await o.db.transaction().execute((trx) => foldPlanSourceBatch(trx, batch))
    if (n === null) return folded
    folded += n
    if (n < batch) return folded
    await yieldToOthers()
  }
  return folded
}

/** Every API process runs it with the statistics fold; readers count the queue anyway, so nothing waits on it. */
export function schedulePlanFolds(o: { db: Db; everyMs?: number; log: EveryLog }): Every {
  return every({
    ms: o.everyMs ?? 5_000,
    work: () => foldPlanSources({ db: o.db, maxBatches: 10 }),
    log: o.log,
    failure: 'plan sources fold failed',
  })
}

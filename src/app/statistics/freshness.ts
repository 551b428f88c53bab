import { sql } from 'kysely'
import type { Executor } from '../../platform/db/database.ts'
import type { Freshness } from './statistics.contract.ts'

/**
 * How current a view's figures are, read in the view's own transaction: `now()` is its start, so every change
 * committed before it is in the figures. The queue's length shows how far the folder lags (the figures include
 * the queue either way).
 */
export async function readFreshness(db: Executor): Promise<Freshness> {
  const { rows } = await sql<{ as_of: Date; pending: number; folded_at: Date | null }>`
    SELECT now() AS as_of, (SELECT count(*) FROM stat_crossing_deltas)::int AS pending,
      (SELECT folded_at FROM stat_fold_state) AS folded_at`.execute(db)
  const row = rows[0]!
  return {
    asOf: new Date(row.as_of).toISOString(),
    pending: Number(row.pending),
    foldedAt: row.folded_at ? new Date(row.folded_at).toISOString() : null,
  }
}

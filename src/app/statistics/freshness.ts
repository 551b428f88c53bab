import { sql } from 'kysely'
import type { Executor } from '../../platform/db/database.ts'
import type { Freshness } from './statistics.contract.ts'

/**
 * How current a view's figures are, read where the figures were read. On the primary that is the view's own
 * transaction: `now()` is its start, so every change committed before it is in the figures. On a read replica it
 * is the commit time of the last transaction replayed there (conservative while the primary is idle). The queue's
 * length shows how far the folder lags (the figures include the queue either way).
 */
export async function readFreshness(db: Executor): Promise<Freshness> {
  const { rows } = await sql<{ as_of: Date; pending: number; folded_at: Date | null }>`
    SELECT CASE WHEN pg_is_in_recovery() THEN coalesce(pg_last_xact_replay_timestamp(), now()) ELSE now() END AS as_of, (SELECT count(*) FROM stat_crossing_deltas)::int AS pending,
      (SELECT folded_at FROM stat_fold_state) AS folded_at`.execute(db)
  const row = rows[0]!
  return {
    asOf: new Date(row.as_of).toISOString(),
    pending: Number(row.pending),
    foldedAt: row.folded_at ? new Date(row.folded_at).toISOString() : null,
  }
}

import type { Db } from '../../platform/db/database.ts'
import { type Every, type EveryLog, every } from '../../platform/schedule/every.ts'
import { foldDeltas } from './fold-deltas.ts'

/** Every API process runs the folder; the advisory lock lets one fold at a time and the others skip the round. */
export const FOLD_EVERY_MS = 2_000

/**
 * Folds the statistics queue on a timer. A round that fails (the database restarting, say) is logged and the
 * next round tries again; nothing is lost, the deltas stay queued and counted. Neither at start nor at stop:
 * readers count the queue anyway, so nothing waits for a fold.
 */
export function scheduleFolds(o: { db: Db; everyMs?: number; log: EveryLog }): Every {
  return every({
    ms: o.everyMs ?? FOLD_EVERY_MS,
    // A bounded round: a backlog is worked off over several rounds, never in one long hold.
    work: () => foldDeltas({ db: o.db, maxBatches: 10 }),
    log: o.log,
    failure: 'statistics fold failed',
  })
}

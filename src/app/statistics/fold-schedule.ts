import type { Db } from '../../platform/db/database.ts'
import { foldDeltas } from './fold-deltas.ts'

/** Every API process runs the folder; the advisory lock lets one fold at a time and the others skip the round. */
export const FOLD_EVERY_MS = 2_000

/**
 * Folds the statistics queue on a timer. A round that fails (the database restarting, say) is logged and the
 * next round tries again; nothing is lost, the deltas stay queued and counted. A round never overlaps the last.
 */
export function scheduleFolds(o: {
  db: Db
  everyMs?: number
  log: { error: (obj: unknown, msg: string) => void }
}): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve()
  let stopped = false
  const timer = setInterval(() => {
    running = running.then(async () => {
      if (stopped) return
      try {
        // A bounded round: a backlog is worked off over several rounds, never in one long hold.
        await foldDeltas({ db: o.db, maxBatches: 10 })
      } catch (err) {
        o.log.error({ err }, 'statistics fold failed')
      }
    })
  }, o.everyMs ?? FOLD_EVERY_MS)
  timer.unref()
  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}

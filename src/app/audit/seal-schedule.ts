import { sealPending } from '../../platform/audit/audit-sealer.ts'
import type { Db } from '../../platform/db/database.ts'

export interface SealLog {
  error(obj: object, msg: string): void
}

/**
 * Runs the audit sealer in this process: once at start (what a killed process acknowledged but did not get to seal
 * is sealed now, never lost), every `everyMs`, and once more at shutdown. Every API process runs one; on one
 * PostgreSQL they take turns through the sealer's tried transaction lock, so the work is done once. Rounds never
 * overlap within the process; a failed round is logged and the next one tries again.
 */
export function scheduleSealing(o: { db: Db; everyMs: number; log: SealLog }): { stop(): Promise<void> } {
  let round = Promise.resolve()
  let running = false
  const run = () => {
    // A round still busy when the timer fires already takes whatever the timer would have found.
    if (running) return round
    running = true
    round = sealPending(o.db)
      .then(() => undefined)
      .catch((err) => o.log.error({ err }, 'audit sealing failed'))
      .finally(() => {
        running = false
      })
    return round
  }
  run()
  const timer = setInterval(run, o.everyMs)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await round
      await run()
    },
  }
}

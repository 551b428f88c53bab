import type { Db } from '../../platform/db/database.ts'
import { deliverDue } from './deliver-outbox.ts'

export const OUTBOX_EVERY_MS = 5_000

/**
 * Delivers due outbox messages on a timer (the back-off is per message, in `next_attempt_at`). A failed round is
 * logged and the next one tries again; rounds never overlap. Messages stay in the database meanwhile, so a
 * process killed mid-round loses nothing: the next start finds them still pending.
 */
export function scheduleOutbox(o: {
  db: Db
  everyMs?: number
  log: { error: (obj: unknown, msg: string) => void }
}): {
  stop: () => Promise<void>
} {
  let running: Promise<unknown> = Promise.resolve()
  let stopped = false
  const timer = setInterval(() => {
    running = running.then(async () => {
      if (stopped) return
      try {
        await deliverDue({ db: o.db })
      } catch (err) {
        o.log.error({ err }, 'exchange outbox round failed')
      }
    })
  }, o.everyMs ?? OUTBOX_EVERY_MS)
  timer.unref()
  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}

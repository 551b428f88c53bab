import type { Db } from '../../platform/db/database.ts'
import { type Every, type EveryLog, every } from '../../platform/schedule/every.ts'
import { deliverDue } from './deliver-outbox.ts'

export const OUTBOX_EVERY_MS = 5_000

/**
 * Delivers due outbox messages on a timer (the back-off is per message, in `next_attempt_at`). Messages stay in the
 * database meanwhile, so a process killed mid-round loses nothing: the next start finds them still pending, and
 * the first round runs at once.
 */
export function scheduleOutbox(o: { db: Db; everyMs?: number; log: EveryLog }): Every {
  return every({
    ms: o.everyMs ?? OUTBOX_EVERY_MS,
    work: () => deliverDue({ db: o.db }),
    log: o.log,
    failure: 'exchange outbox round failed',
    atStart: true,
  })
}

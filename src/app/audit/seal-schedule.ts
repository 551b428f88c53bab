import { sealPending } from '../../platform/audit/audit-sealer.ts'
import type { Db } from '../../platform/db/database.ts'
import { type Every, type EveryLog, every } from '../../platform/schedule/every.ts'

/**
 * Runs the audit sealer in this process: once at start (what a killed process acknowledged but did not get to seal
 * is sealed now, never lost), every `everyMs`, and once more at shutdown. Every API process runs one; on one
 * PostgreSQL they take turns through the sealer's tried transaction lock, so the work is done once.
 */
export function scheduleSealing(o: { db: Db; everyMs: number; log: EveryLog }): Every {
  return every({
    ms: o.everyMs,
    work: () => sealPending(o.db),
    log: o.log,
    failure: 'audit sealing failed',
    atStart: true,
    atStop: true,
  })
}

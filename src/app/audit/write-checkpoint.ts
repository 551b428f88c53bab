import type { KeyObject } from 'node:crypto'
import { sql } from 'kysely'
import { readAuditHead } from '../../platform/audit/audit-log.ts'
import { sealPending } from '../../platform/audit/audit-sealer.ts'
import {
  type Checkpoint,
  type CheckpointProblem,
  openCheckpoint,
  signCheckpoint,
} from '../../platform/audit/checkpoint.ts'
import { appendNote, readLastNote } from '../../platform/audit/checkpoint-file.ts'
import { verifierOf } from '../../platform/audit/signed-note.ts'
import type { Db } from '../../platform/db/database.ts'
import type { CheckpointSettings } from './checkpoint-settings.ts'

// Names the lock that lets one process at a time append to a checkpoint file; distinct from the sealer's lock,
// so signing a checkpoint never holds up sealing (and writers of the log take no lock at all).
const CHECKPOINT_LOCK = 72_657_302

export type CheckpointWrite =
  | { written: true; checkpoint: Checkpoint }
  /** Nothing was appended since the last checkpoint: no new line (an idle server writes nothing). */
  | { written: false; reason: 'unchanged'; last: Checkpoint }
  /** The log no longer holds the head the last checkpoint signed: it was cut or replaced. Nothing is signed. */
  | { written: false; reason: 'log_behind_checkpoint'; last: Checkpoint }
  | { written: false; reason: 'last_checkpoint_invalid'; problem: CheckpointProblem; source: string }

/**
 * Signs the log's head and appends it to the checkpoint file. It writes no audit entry of its own: that entry
 * would make the log grow every interval and the idle server sign forever. The last checkpoint in the file is
 * checked first — signature, and that the log still holds the head it signed — so a server restarted on a cut or
 * replaced log refuses to bless it and the caller raises the alarm. Several processes on one PostgreSQL take turns
 * under a transaction-level advisory lock (safe behind PgBouncer's transaction pooling). Entries committed but not
 * yet sealed are sealed first, so a checkpoint covers everything committed before it (unless another process is
 * sealing at that moment: then it covers the chain as far as that sealer has got).
 */
export async function writeCheckpoint(o: {
  db: Db
  settings: CheckpointSettings
  key: KeyObject
  /** Sign even when the log has not grown (the operator's `passage audit checkpoint`). */
  always?: boolean
  now?: Date
}): Promise<CheckpointWrite> {
  const { origin, dir } = o.settings
  await sealPending(o.db)
  return o.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${CHECKPOINT_LOCK})`.execute(trx)
    const found = readLastNote(dir)
    let last: Checkpoint | undefined
    if (found) {
      const opened = openCheckpoint(found.note, verifierOf(origin, o.key))
      if (!opened.ok)
        return {
          written: false,
          reason: 'last_checkpoint_invalid',
          problem: opened.problem,
          source: found.source,
        }
      last = opened.checkpoint
    }
    const head = await readAuditHead(trx, last)
    if (last && head.earlierHead !== last.head)
      return { written: false, reason: 'log_behind_checkpoint', last }
    if (last && head.size === last.size && !o.always) return { written: false, reason: 'unchanged', last }
    const now = o.now ?? new Date()
    // Times only move forward, as Trillian requires of its tree heads, even if the clock is set back.
    const time = last && last.time >= now ? new Date(last.time.getTime() + 1) : now
    const checkpoint: Checkpoint = { origin, size: head.size, head: head.head, lastSeq: head.lastSeq, time }
    appendNote(dir, signCheckpoint(checkpoint, o.key))
    return { written: true, checkpoint }
  })
}

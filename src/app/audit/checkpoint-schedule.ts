import type { KeyObject } from 'node:crypto'
import type { Db } from '../../platform/db/database.ts'
import { type Every, every } from '../../platform/schedule/every.ts'
import type { CheckpointSettings } from './checkpoint-settings.ts'
import { type CheckpointWrite, writeCheckpoint } from './write-checkpoint.ts'

export interface CheckpointLog {
  info(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

/** Logs what a checkpoint round did; a log the last checkpoint no longer matches is an alarm, every round. */
export function reportCheckpoint(result: CheckpointWrite, settings: CheckpointSettings, log: CheckpointLog) {
  if (result.written) {
    const { size, lastSeq } = result.checkpoint
    log.info({ size, lastSeq, dir: settings.dir }, 'audit checkpoint signed')
  } else if (result.reason === 'log_behind_checkpoint') {
    const { size, lastSeq, time } = result.last
    log.error(
      { size, lastSeq, time: time.toISOString(), dir: settings.dir },
      'AUDIT LOG TAMPERING: the log no longer holds the head its last signed checkpoint covered; no new checkpoint is signed. Run `passage audit verify`.',
    )
  } else if (result.reason === 'last_checkpoint_invalid') {
    log.error(
      { problem: result.problem, source: result.source },
      'AUDIT CHECKPOINT FILE TAMPERED: its last checkpoint does not verify with this key; no new checkpoint is signed.',
    )
  }
}

/**
 * Signs the log head at start, every `everyMs` while the log grows, and once more at shutdown, so entries written
 * after the last checkpoint are the only ones whose removal can go unnoticed. A failed round is logged and the
 * next one tries again: the service keeps serving.
 */
export function scheduleCheckpoints(o: {
  db: Db
  settings: CheckpointSettings
  key: KeyObject
  everyMs: number
  log: CheckpointLog
}): Every {
  return every({
    ms: o.everyMs,
    work: async () => reportCheckpoint(await writeCheckpoint(o), o.settings, o.log),
    log: o.log,
    failure: 'audit checkpoint failed',
    atStart: true,
    atStop: true,
  })
}

import type { KeyObject } from 'node:crypto'
import { type NoteVerifier, openNote, signNote } from './signed-note.ts'

/**
 * A signed checkpoint of the audit log's head, in the C2SP tlog-checkpoint layout: the log's origin, its size (how
 * many entries, counted along the chain), the head hash in base64, then extension lines — the sequence number of
 * the newest entry (to name it in a report) and the signing time. It signs a head whatever built it: today the
 * hash of the newest chained entry, after batched sealing (issue 13) a Merkle tree root of the same size.
 */
export interface Checkpoint {
  origin: string
  size: number
  /** The head hash, hex (as stored in audit_log.hash); 64 zeros for an empty log. */
  head: string
  /** Sequence number of the newest entry covered; 0 for an empty log. */
  lastSeq: number
  time: Date
}

/** Where a checkpoint was read from, so a report can send the operator to it. */
export interface LocatedCheckpoint extends Checkpoint {
  source: string
}

export function checkpointText(c: Checkpoint): string {
  return [
    c.origin,
    String(c.size),
    Buffer.from(c.head, 'hex').toString('base64'),
    `seq ${c.lastSeq}`,
    `time ${c.time.toISOString()}`,
    '',
  ].join('\n')
}

export function signCheckpoint(c: Checkpoint, privateKey: KeyObject): string {
  return signNote(checkpointText(c), c.origin, privateKey)
}

export type CheckpointProblem = 'format' | 'signature' | 'origin'

/** Verifies the signature first, then reads the fields; anything unexpected is refused, never guessed. */
export function openCheckpoint(
  note: string,
  v: NoteVerifier,
): { ok: true; checkpoint: Checkpoint } | { ok: false; problem: CheckpointProblem } {
  const opened = openNote(note, v)
  if (!opened.ok) return opened
  const lines = opened.text.split('\n')
  const [origin, size, head, seq, time] = lines
  const seqM = /^seq (\d{1,15})$/.exec(seq ?? '')
  const timeM = /^time (\S+)$/.exec(time ?? '')
  const headBytes = Buffer.from(head ?? '', 'base64')
  if (
    lines.length !== 6 ||
    !/^\d{1,15}$/.test(size ?? '') ||
    headBytes.length !== 32 ||
    headBytes.toString('base64') !== head ||
    !seqM ||
    !timeM ||
    Number.isNaN(Date.parse(timeM[1]!))
  )
    return { ok: false, problem: 'format' }
  if (origin !== v.name) return { ok: false, problem: 'origin' }
  return {
    ok: true,
    checkpoint: {
      origin,
      size: Number(size),
      head: headBytes.toString('hex'),
      lastSeq: Number(seqM[1]),
      time: new Date(timeM[1]!),
    },
  }
}

export type LoadedCheckpoints =
  | { ok: true; checkpoints: LocatedCheckpoint[] }
  | { ok: false; problem: CheckpointProblem; source: string }

/** Opens every note found; the first one that does not verify stops the load (none may be skipped silently). */
export function openCheckpoints(
  notes: readonly { note: string; source: string }[],
  v: NoteVerifier,
): LoadedCheckpoints {
  const checkpoints: LocatedCheckpoint[] = []
  for (const { note, source } of notes) {
    const opened = openCheckpoint(note, v)
    if (!opened.ok) return { ok: false, problem: opened.problem, source }
    checkpoints.push({ ...opened.checkpoint, source })
  }
  return { ok: true, checkpoints }
}

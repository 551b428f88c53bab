import { sealPending } from '../../platform/audit/audit-sealer.ts'
import { type ChainReport, verifyAuditChain } from '../../platform/audit/audit-verify.ts'
import { openCheckpoints } from '../../platform/audit/checkpoint.ts'
import { readNotes } from '../../platform/audit/checkpoint-file.ts'
import { type NoteVerifier, verifierOf } from '../../platform/audit/signed-note.ts'
import { readSigningKey } from '../../platform/audit/signing-key.ts'
import type { Db } from '../../platform/db/database.ts'
import type { CheckpointSettings } from './checkpoint-settings.ts'

/**
 * Verifies the chain and the log against every checkpoint it is given: those in the configured directory and any
 * other file or directory of copies (an operator's off-machine archive: every `*.txt` in it). Checkpoints are checked with the verifier key given
 * (`passage audit key` printed it), else with the public half of the configured signing key. A checkpoint that
 * cannot be checked fails the verification: it is never skipped. Unless told not to (`seal: false`, e.g. a
 * read-only copy), it first seals what is committed but not yet chained, as the sealer would, so the report covers
 * the newest entries too; whatever is still unsealed after that (written meanwhile) is counted in the report.
 */
export async function verifyAuditLog(o: {
  db: Db
  seal?: boolean
  settings: CheckpointSettings
  /** More checkpoint files or directories to check against. */
  sources?: readonly string[]
  /** Only the checkpoints of `sources`, not those of the configured directory. */
  onlySources?: boolean
  verifier?: NoteVerifier
}): Promise<ChainReport> {
  const notes = [
    ...(o.onlySources ? [] : readNotes(o.settings.dir)),
    ...(o.sources ?? []).flatMap((s) => readNotes(s, true)),
  ]
  let verifier = o.verifier
  if (!verifier) {
    const key = readSigningKey(o.settings.keyFile)
    if (key) verifier = verifierOf(o.settings.origin, key)
  }
  if (notes.length > 0 && !verifier)
    return {
      ok: false,
      entries: 0,
      checkpoints: notes.length,
      reason: 'checkpoint_invalid',
      problem: 'no_key',
      checkpoint: { source: notes[0]!.source },
    }
  const loaded = verifier ? openCheckpoints(notes, verifier) : { ok: true as const, checkpoints: [] }
  if (loaded.ok && o.seal !== false) await sealPending(o.db)
  if (!loaded.ok)
    return {
      ok: false,
      entries: 0,
      checkpoints: notes.length,
      reason: 'checkpoint_invalid',
      problem: loaded.problem,
      checkpoint: { source: loaded.source },
    }
  return verifyAuditChain(o.db, loaded.checkpoints)
}

const running = new WeakMap<object, Promise<ChainReport>>()

/**
 * One verification at a time per database in this process: callers that ask while one runs share its answer,
 * so repeated requests cannot pile full walks of the log onto the database.
 */
export function verifyAuditLogShared(o: { db: Db; settings: CheckpointSettings }): Promise<ChainReport> {
  const current = running.get(o.db)
  if (current) return current
  const started = verifyAuditLog(o).finally(() => running.delete(o.db))
  running.set(o.db, started)
  return started
}

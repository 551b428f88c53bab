import type { Executor } from '../db/database.ts'
import { auditRowHash, GENESIS_HASH } from './audit-hash.ts'
import { readUnsealed } from './audit-log.ts'
import type { CheckpointProblem, LocatedCheckpoint } from './checkpoint.ts'

/** A checkpoint as a report names it. */
export interface CheckpointRef {
  size: number
  lastSeq: number
  time: string
  source: string
}

/**
 * Committed entries the sealer has not yet chained: counted by every report, because the chain cannot vouch for
 * them yet (docs/security.md, "What sealing leaves open").
 */
export interface UnsealedPart {
  unsealed?: number
  /** When the oldest of them was written: how far behind the sealer is. */
  oldestUnsealedAt?: string | null
}

export type ChainReport = UnsealedPart &
  (
    | { ok: true; entries: number; checkpoints: number; latest?: CheckpointRef }
    | {
        ok: false
        entries: number
        checkpoints: number
        reason: 'hash_mismatch' | 'link_mismatch'
        brokenAt: number
      }
    /** The entry at a checkpoint's size is not the one it signed: the log was rewritten or replaced. */
    | {
        ok: false
        entries: number
        checkpoints: number
        reason: 'checkpoint_mismatch'
        brokenAt: number
        checkpoint: CheckpointRef
      }
    /** The log is shorter than a checkpoint: its newest entries were removed (or the whole log emptied). */
    | {
        ok: false
        entries: number
        checkpoints: number
        reason: 'entries_missing'
        missing: number
        checkpoint: CheckpointRef
      }
    /** A checkpoint could not be trusted: unsigned, signed by another key, for another log, or malformed. */
    | {
        ok: false
        entries: number
        checkpoints: number
        reason: 'checkpoint_invalid'
        problem: CheckpointProblem | 'no_key'
        checkpoint: { source: string }
      }
  )

const refOf = (c: LocatedCheckpoint): CheckpointRef => ({
  size: c.size,
  lastSeq: c.lastSeq,
  time: c.time.toISOString(),
  source: c.source,
})

/**
 * Walks the whole sealed chain in position order, in pages, and names (by its `seq`) the first entry that does
 * not verify. Each checkpoint is
 * checked where the walk reaches its size — the hash there must be the head it signed — and after the walk none
 * may be larger than the log. The chain alone catches an edit or a removal in the middle; the checkpoints catch
 * what it cannot: the newest entries removed, the log emptied, or replaced by a freshly chained fake.
 */
export async function verifyAuditChain(
  db: Executor,
  checkpoints: readonly LocatedCheckpoint[] = [],
  pageSize = 2000,
): Promise<ChainReport> {
  const report = await walkChain(db, checkpoints, pageSize)
  const unsealed = await readUnsealed(db)
  return { ...report, unsealed: unsealed.count, oldestUnsealedAt: unsealed.oldest?.toISOString() ?? null }
}

async function walkChain(
  db: Executor,
  checkpoints: readonly LocatedCheckpoint[],
  pageSize: number,
): Promise<ChainReport> {
  const atSize = new Map<number, LocatedCheckpoint[]>()
  for (const c of checkpoints) atSize.set(c.size, [...(atSize.get(c.size) ?? []), c])
  const counted = checkpoints.length
  let prevHash = GENESIS_HASH
  let after = 0
  let entries = 0
  const mismatch = (seq: number, head: string) => {
    const bad = atSize.get(entries)?.find((c) => c.head !== head)
    return bad
      ? ({
          ok: false,
          entries,
          checkpoints: counted,
          reason: 'checkpoint_mismatch',
          brokenAt: seq,
          checkpoint: refOf(bad),
        } as const)
      : undefined
  }
  const atGenesis = mismatch(0, GENESIS_HASH)
  if (atGenesis) return atGenesis
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('pos', '>', after)
      .orderBy('pos')
      .limit(pageSize)
      .execute()
    for (const row of page) {
      entries++
      if (row.prev_hash !== prevHash)
        return { ok: false, entries, checkpoints: counted, brokenAt: row.seq, reason: 'link_mismatch' }
      const expected = auditRowHash(prevHash, row)
      if (expected !== row.hash || !row.hash)
        return { ok: false, entries, checkpoints: counted, brokenAt: row.seq, reason: 'hash_mismatch' }
      const differs = mismatch(row.seq, row.hash)
      if (differs) return differs
      prevHash = row.hash
      after = Number(row.pos)
    }
    if (page.length < pageSize) break
  }
  const latest = checkpoints.reduce<LocatedCheckpoint | undefined>(
    (a, c) => (!a || c.size > a.size || (c.size === a.size && c.time > a.time) ? c : a),
    undefined,
  )
  if (latest && latest.size > entries)
    return {
      ok: false,
      entries,
      checkpoints: counted,
      reason: 'entries_missing',
      missing: latest.size - entries,
      checkpoint: refOf(latest),
    }
  return { ok: true, entries, checkpoints: counted, ...(latest ? { latest: refOf(latest) } : {}) }
}

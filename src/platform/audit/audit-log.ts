import { sql } from 'kysely'
import type { Executor, Tx } from '../db/database.ts'
import { deferWrite } from '../db/deferred-writes.ts'
import { GENESIS_HASH } from './audit-hash.ts'

/** Who did it and from where; every use case receives one. */
export interface AuditActor {
  id: string | null
  username: string | null
  ip: string | null
}

export interface AuditEvent {
  action: string
  resource: string
  recordId?: string | null
  details?: Record<string, unknown>
}

interface Pending {
  actor: AuditActor
  event: AuditEvent
}

const pendingOf = new WeakMap<Tx, Pending[]>()

/**
 * Appends one entry inside the caller's transaction, so the entry commits or rolls back with the change.
 * The entry is written unsealed: no lock, no read of the chain's head, nothing another writer waits for (issue 13:
 * before, every writer in the country queued on one advisory lock here). The sealer (`audit-sealer.ts`) gives it
 * its place in the hash chain shortly after it commits. A transaction's entries go in one statement at its end,
 * together with the transaction's other deferred writes (`deferred-writes.ts`).
 */
export async function appendAudit(trx: Tx, actor: AuditActor, event: AuditEvent): Promise<void> {
  const pending = pendingOf.get(trx)
  if (pending) {
    pending.push({ actor, event })
    return
  }
  const entries = [{ actor, event }]
  pendingOf.set(trx, entries)
  await deferWrite(trx, 'audit_log', () => unsealedInsert(trx, entries))
}

function unsealedInsert(trx: Tx, entries: Pending[]) {
  pendingOf.delete(trx)
  const at = new Date()
  return trx.insertInto('audit_log').values(
    entries.map(({ actor, event }) => ({
      at,
      actor_id: actor.id,
      actor_username: actor.username,
      action: event.action,
      resource: event.resource,
      record_id: event.recordId ?? null,
      ip: actor.ip,
      details: JSON.stringify(event.details ?? {}),
      prev_hash: null,
      hash: null,
    })),
  )
}

export interface AuditHead {
  /** How many entries the chain holds: the position of its newest sealed entry. */
  size: number
  /** The newest sealed entry's hash; the genesis hash for an empty log. */
  head: string
  /** That entry's `seq`, to name it in a report; 0 for an empty log. */
  lastSeq: number
}

/**
 * The sealed chain's head in one statement. Only the sealer extends the chain, one batch at a time and in
 * position order, so what one snapshot sees is always a whole prefix of the chain. Given an earlier head, the
 * hash now at its position is read back (`earlierHead`): a checkpoint then checks the log still holds what the
 * last one signed, through the position index, without counting the log.
 */
export async function readAuditHead(
  db: Executor,
  from: AuditHead = { size: 0, head: GENESIS_HASH, lastSeq: 0 },
): Promise<AuditHead & { earlierHead: string | null }> {
  const { rows } = await sql<{
    pos: number | null
    hash: string | null
    seq: number | null
    earlier: string | null
  }>`
    SELECT h.pos, h.hash, h.seq, (SELECT hash FROM audit_log WHERE pos = ${from.size}) AS earlier
    FROM (SELECT 1) AS one
    LEFT JOIN (SELECT pos, hash, seq FROM audit_log WHERE pos IS NOT NULL ORDER BY pos DESC LIMIT 1) AS h ON true`.execute(
    db,
  )
  const r = rows[0]!
  return {
    size: Number(r.pos ?? 0),
    head: r.hash ?? GENESIS_HASH,
    lastSeq: Number(r.seq ?? 0),
    earlierHead: from.size === 0 ? GENESIS_HASH : r.earlier,
  }
}

/** How many committed entries wait for the sealer, and since when (the sealer's merge delay, to watch). */
export async function readUnsealed(db: Executor): Promise<{ count: number; oldest: Date | null }> {
  const { rows } = await sql<{ n: number; oldest: Date | null }>`
    SELECT count(*)::int AS n, min(at) AS oldest FROM audit_log WHERE pos IS NULL`.execute(db)
  return { count: Number(rows[0]!.n), oldest: rows[0]!.oldest ? new Date(rows[0]!.oldest) : null }
}

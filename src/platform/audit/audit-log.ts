import { sql } from 'kysely'
import { beforeCommit, type Executor, type Tx } from '../db/database.ts'
import { auditHash, GENESIS_HASH } from './audit-hash.ts'

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

// Any constant works: it names the one lock that serialises appends to the chain across processes.
const CHAIN_LOCK = 72_657_301

interface Pending {
  actor: AuditActor
  event: AuditEvent
}

const pendingOf = new WeakMap<Tx, Pending[]>()

/**
 * Appends one entry inside the caller's transaction, so the entry commits or rolls back with the change.
 * The entries of a transaction are chained just before it commits, under an advisory lock that orders concurrent
 * writers (also across several API processes on one PostgreSQL): the lock is held for those few statements and
 * the commit, not for the whole use case, so writers wait on each other only that long.
 */
export async function appendAudit(trx: Tx, actor: AuditActor, event: AuditEvent): Promise<void> {
  const pending = pendingOf.get(trx)
  if (pending) {
    pending.push({ actor, event })
    return
  }
  const entries = [{ actor, event }]
  if (beforeCommit(trx, () => chain(trx, entries))) pendingOf.set(trx, entries)
  else await chain(trx, entries)
}

async function chain(trx: Tx, entries: Pending[]): Promise<void> {
  pendingOf.delete(trx)
  await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx)
  // A statement of its own after the lock: its snapshot then sees the entries of the writer that held it last.
  const { rows } = await sql<{ hash: string | null; seq: number }>`
    SELECT (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS hash, nextval('audit_log_seq_seq') AS seq
    FROM generate_series(1, ${entries.length})`.execute(trx)
  const seqs = rows.map((r) => Number(r.seq)).sort((a, b) => a - b)
  let prevHash = rows[0]?.hash ?? GENESIS_HASH
  const at = new Date()
  const values = entries.map(({ actor, event }, i) => {
    const fields = {
      seq: seqs[i]!,
      at,
      actorId: actor.id,
      actorUsername: actor.username,
      action: event.action,
      resource: event.resource,
      recordId: event.recordId ?? null,
      ip: actor.ip,
      details: event.details ?? {},
    }
    const hash = auditHash(prevHash, fields)
    const row = {
      seq: fields.seq,
      at,
      actor_id: fields.actorId,
      actor_username: fields.actorUsername,
      action: fields.action,
      resource: fields.resource,
      record_id: fields.recordId,
      ip: fields.ip,
      details: JSON.stringify(fields.details),
      prev_hash: prevHash,
      hash,
    }
    prevHash = hash
    return row
  })
  await trx
    .insertInto('audit_log')
    .values(values as never)
    .execute()
}

export type ChainReport =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number; reason: 'hash_mismatch' | 'link_mismatch' }

/** Walks the whole chain in order, in pages, and names the first entry that does not verify. */
export async function verifyAuditChain(db: Executor, pageSize = 2000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH
  let after = 0
  let entries = 0
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute()
    for (const row of page) {
      entries++
      if (row.prev_hash !== prevHash)
        return { ok: false, entries, brokenAt: row.seq, reason: 'link_mismatch' }
      const expected = auditHash(prevHash, {
        seq: row.seq,
        at: row.at,
        actorId: row.actor_id,
        actorUsername: row.actor_username,
        action: row.action,
        resource: row.resource,
        recordId: row.record_id,
        ip: row.ip,
        details: row.details,
      })
      if (expected !== row.hash) return { ok: false, entries, brokenAt: row.seq, reason: 'hash_mismatch' }
      prevHash = row.hash
      after = row.seq
    }
    if (page.length < pageSize) return { ok: true, entries }
  }
}

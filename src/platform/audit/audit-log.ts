import { sql } from 'kysely'
import type { Executor, Tx } from '../db/database.ts'
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

/**
 * Appends one entry inside the caller's transaction, so the entry commits or rolls back with the change.
 * The advisory lock orders concurrent writers (also across several API processes on one PostgreSQL).
 */
export async function appendAudit(trx: Tx, actor: AuditActor, event: AuditEvent): Promise<number> {
  await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx)
  const last = await trx
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  const { rows } = await sql<{ seq: number }>`SELECT nextval('audit_log_seq_seq') AS seq`.execute(trx)
  const seq = rows[0]!.seq
  const at = new Date()
  const fields = {
    seq,
    at,
    actorId: actor.id,
    actorUsername: actor.username,
    action: event.action,
    resource: event.resource,
    recordId: event.recordId ?? null,
    ip: actor.ip,
    details: event.details ?? {},
  }
  const prevHash = last?.hash ?? GENESIS_HASH
  await trx
    .insertInto('audit_log')
    .values({
      seq,
      at,
      actor_id: fields.actorId,
      actor_username: fields.actorUsername,
      action: fields.action,
      resource: fields.resource,
      record_id: fields.recordId,
      ip: fields.ip,
      details: JSON.stringify(fields.details),
      prev_hash: prevHash,
      hash: auditHash(prevHash, fields),
    } as never)
    .execute()
  return seq
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

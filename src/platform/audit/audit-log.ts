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

export interface AuditHead {
  /** How many entries the log holds, counted along the chain. */
  size: number
  /** The newest entry's hash; the genesis hash for an empty log. */
  head: string
  lastSeq: number
}

/**
 * The log's head in one statement, so size and newest entry come from one snapshot. Appends commit in sequence
 * order (they hold the chain lock until commit), so what one snapshot sees is always a whole prefix of the chain.
 * Given an earlier head, only the entries after it are counted, and that head's entry is read back (`earlierHead`): the
 * periodic checkpoint then costs an index range, not a count of the whole log.
 */
export async function readAuditHead(
  db: Executor,
  from: AuditHead = { size: 0, head: GENESIS_HASH, lastSeq: 0 },
): Promise<AuditHead & { earlierHead: string | null }> {
  const { rows } = await sql<{
    added: number
    hash: string | null
    seq: number | null
    earlier: string | null
  }>`
    SELECT (SELECT count(*) FROM audit_log WHERE seq > ${from.lastSeq})::int AS added, h.hash, h.seq,
      (SELECT hash FROM audit_log WHERE seq = ${from.lastSeq}) AS earlier
    FROM (SELECT 1) AS one
    LEFT JOIN (SELECT hash, seq FROM audit_log ORDER BY seq DESC LIMIT 1) AS h ON true`.execute(db)
  const r = rows[0]!
  return {
    size: from.size + Number(r.added),
    head: r.hash ?? GENESIS_HASH,
    lastSeq: Number(r.seq ?? 0),
    earlierHead: from.lastSeq === 0 ? GENESIS_HASH : r.earlier,
  }
}

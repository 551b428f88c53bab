import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { yieldToOthers } from '../db/yield-to-others.ts'
import { auditRowHash, GENESIS_HASH } from './audit-hash.ts'

// Names the lock that lets one sealer at a time extend the chain, across every API process on one PostgreSQL.
// Transaction-scoped and tried, never waited for: safe behind PgBouncer's transaction pooling, and a process that
// finds another sealing simply leaves the batch to it. Writers never take it.
const SEAL_LOCK = 72_657_303

/** Entries sealed per transaction: bounds how long the sealer holds PGlite's only connection. */
export const SEAL_BATCH = 500

export interface SealRound {
  sealed: number
  /** Another sealer held the lock: nothing was done, that one seals. */
  busy: boolean
}

/**
 * Seals up to `limit` committed entries, oldest first, in one short transaction: each gets the next chain position,
 * the previous entry's hash and its own hash over its stored fields (what `passage audit verify` recomputes).
 * Entries still uncommitted are invisible here and simply go into a later batch: the chain order is the order in
 * which the sealer found entries committed, not their `seq`, so no writer's lock or long transaction is waited for.
 */
export async function sealBatch(db: Db, limit = SEAL_BATCH): Promise<SealRound> {
  return db.transaction().execute(async (trx) => {
    const { rows: got } = await sql<{
      ok: boolean
    }>`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK}) AS ok`.execute(trx)
    if (!got[0]?.ok) return { sealed: 0, busy: true }
    // Statements of their own after the lock: their snapshots see everything the previous sealer committed.
    const head = await trx
      .selectFrom('audit_log')
      .select(['pos', 'hash'])
      .where('pos', 'is not', null)
      .orderBy('pos', 'desc')
      .limit(1)
      .executeTakeFirst()
    const rows = await trx
      .selectFrom('audit_log')
      .selectAll()
      .where('pos', 'is', null)
      .orderBy('seq')
      .limit(limit)
      .execute()
    if (rows.length === 0) return { sealed: 0, busy: false }
    let pos = Number(head?.pos ?? 0)
    let prevHash = head?.hash ?? GENESIS_HASH
    const sealed = rows.map((row) => {
      const hash = auditRowHash(prevHash, row)
      pos++
      const values = sql`(${row.seq}::bigint, ${pos}::bigint, ${prevHash}::text, ${hash}::text)`
      prevHash = hash
      return values
    })
    await sql`
      UPDATE audit_log AS a SET pos = v.pos, prev_hash = v.prev_hash, hash = v.hash
      FROM (VALUES ${sql.join(sealed)}) AS v(seq, pos, prev_hash, hash)
      WHERE a.seq = v.seq AND a.pos IS NULL`.execute(trx)
    return { sealed: rows.length, busy: false }
  })
}

/**
 * Seals everything committed so far, batch after batch, letting other work in between batches (on PGlite the
 * sealer would otherwise keep the only connection). Stops when the backlog is empty or another sealer holds the
 * lock. Returns how many entries this call sealed.
 */
export async function sealPending(db: Db, limit = SEAL_BATCH): Promise<number> {
  let total = 0
  for (;;) {
    const round = await sealBatch(db, limit)
    total += round.sealed
    if (round.busy || round.sealed < limit) return total
    await yieldToOthers()
  }
}

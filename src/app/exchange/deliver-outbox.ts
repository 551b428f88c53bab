import { sql } from 'kysely'
import { backoffMs } from '../../domain/exchange/index.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Db } from '../../platform/db/database.ts'
import { verifyReceipt } from './envelope.ts'
import type { MessageRow } from './exchange.tables.ts'
import { knownKeys } from './keys.ts'

const OUTBOX_ACTOR = { id: null, username: 'exchange', ip: null }
// One deliverer at a time over one database: several API processes share the outbox.
const OUTBOX_LOCK = 20_018
const TIMEOUT_MS = 15_000

export type Post = (url: string, body: string) => Promise<{ status: number; json: unknown }>

/** HTTP(S) POST of a sealed message to a partner's inbox (Node's fetch; TLS as the URL says). */
export const httpPost: Post = async (url, body) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
  return { status: res.status, json: await res.json().catch(() => null) }
}

/**
 * Records what a partner's answer proves: a receipt signed by the partner for this message's id and hash marks it
 * delivered (exactly once applied there, whether it was this try or an earlier one that lost its answer).
 */
export async function takeReceipt(db: Db, m: MessageRow, receipt: string): Promise<boolean> {
  const v = await verifyReceipt(receipt, knownKeys(db))
  if (!v.ok || v.signer !== m.partner_code || v.value.messageId !== m.id) return false
  const refused = v.value.outcome === 'refused'
  if (!refused && v.value.hash !== m.hash) return false
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('exchange_messages')
      .set({
        status: refused ? 'refused' : 'delivered',
        receipt,
        next_attempt_at: null,
        last_error: refused ? (v.value.reason ?? 'refused') : null,
      })
      .where('id', '=', m.id)
      .where('direction', '=', 'out')
      .where('status', '=', 'pending')
      .execute()
    await appendAudit(trx, OUTBOX_ACTOR, {
      action: refused ? 'refused_by_partner' : 'delivered',
      resource: 'exchange_message',
      recordId: m.id,
      details: {
        partner: m.partner_code,
        type: m.type,
        outcome: v.value.outcome,
        reason: v.value.reason ?? null,
      },
    })
  })
  return true
}

async function failed(db: Db, m: MessageRow, error: string, now: Date) {
  const attempts = m.attempts + 1
  await db
    .updateTable('exchange_messages')
    .set({
      attempts,
      last_error: error.slice(0, 200),
      next_attempt_at: new Date(now.getTime() + backoffMs(attempts, Math.random())),
    })
    .where('id', '=', m.id)
    .where('direction', '=', 'out')
    .execute()
}

/**
 * One round of the outbox: for each partner with an endpoint, the due messages oldest first, stopping at that
 * partner's first failure so the chain arrives in order. Delivery is at-least-once (an answer lost after the
 * partner committed means a second try); the partner's inbox makes the effect exactly-once by message id.
 */
export async function deliverDue(o: {
  db: Db
  post?: Post
  now?: Date
  limit?: number
}): Promise<{ delivered: number; failed: number }> {
  const post = o.post ?? httpPost
  const now = o.now ?? new Date()
  const taken = await o.db.transaction().execute(async (trx) => {
    const r = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${OUTBOX_LOCK}) AS ok`.execute(trx)
    if (!r.rows[0]?.ok) return null
    return trx
      .selectFrom('exchange_messages as m')
      .innerJoin('exchange_authorities as a', 'a.code', 'm.partner_code')
      .selectAll('m')
      .select('a.endpoint')
      .where('m.direction', '=', 'out')
      .where('m.status', '=', 'pending')
      .where('a.endpoint', 'is not', null)
      .where('m.next_attempt_at', '<=', now)
      .orderBy('m.partner_code')
      .orderBy('m.sent_at')
      .limit(o.limit ?? 100)
      .execute()
  })
  let delivered = 0
  let failures = 0
  const stopped = new Set<string>()
  for (const m of taken ?? []) {
    if (stopped.has(m.partner_code) || !m.endpoint || !m.sealed) continue
    try {
      const res = await post(m.endpoint, JSON.stringify({ message: m.sealed }))
      const receipt = (res.json as { receipt?: unknown } | null)?.receipt
      if (typeof receipt === 'string' && (await takeReceipt(o.db, m, receipt))) {
        delivered++
        continue
      }
      throw new Error(`HTTP ${res.status}`)
    } catch (err) {
      failures++
      stopped.add(m.partner_code)
      await failed(o.db, m, err instanceof Error ? err.message : String(err), now)
    }
  }
  return { delivered, failed: failures }
}

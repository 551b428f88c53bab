import { sql } from 'kysely'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import type { MessageRow } from './exchange.tables.ts'

/** The outbox and inbox, newest first, without content (no audit entry: nothing personal is shown). */
export async function listMessages(o: {
  db: Db
  actor: RequestActor
  direction?: 'out' | 'in'
  partner?: string
  thread?: string
  limit: number
}): Promise<MessageRow[]> {
  authorize(o.actor, 'read', 'exchange_message')
  let q = o.db.selectFrom('exchange_messages').selectAll()
  if (o.direction) q = q.where('direction', '=', o.direction)
  if (o.partner) q = q.where('partner_code', '=', o.partner)
  if (o.thread) q = q.where('thread_ref', '=', o.thread)
  return q.orderBy('sent_at', 'desc').limit(o.limit).execute()
}

/** One message with its content: every read is audited (who, which message, which partner). */
export async function readMessage(o: {
  db: Db
  actor: RequestActor
  direction: 'out' | 'in'
  id: string
}): Promise<MessageRow> {
  authorize(o.actor, 'read', 'exchange_message')
  return o.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('exchange_messages')
      .selectAll()
      .where('id', '=', o.id)
      .where('direction', '=', o.direction)
      .executeTakeFirst()
    if (!row) throw new AppError('not_found')
    await appendAudit(trx, auditActor(o.actor), {
      action: 'read',
      resource: 'exchange_message',
      recordId: row.id,
      details: { partner: row.partner_code, type: row.type, direction: row.direction },
    })
    return row
  })
}

/**
 * Counts for the GCM objective 23 indicators: messages by partner, type, direction and outcome, and refusals by
 * partner, type and reason from the audit log (a refused message leaves nothing else behind).
 */
export async function exchangeCounts(o: { db: Db; actor: RequestActor }) {
  authorize(o.actor, 'read', 'exchange_agreement')
  const stored = await o.db
    .selectFrom('exchange_messages')
    .select(['partner_code as partner', 'type', 'direction', 'status as outcome'])
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .groupBy(['partner_code', 'type', 'direction', 'status'])
    .execute()
  const refusals = await o.db
    .selectFrom('audit_log')
    .select([
      sql<string | null>`details->>'partner'`.as('partner'),
      sql<string | null>`details->>'type'`.as('type'),
      sql<string>`details->>'reason'`.as('reason'),
      sql<number>`count(*)`.as('count'),
    ])
    .where('resource', '=', 'exchange_message')
    .where('action', '=', 'refuse')
    .groupBy([sql`details->>'partner'`, sql`details->>'type'`, sql`details->>'reason'`])
    .execute()
  return [
    ...stored.map((s) => ({ ...s, count: Number(s.count) })),
    ...refusals.map((r) => ({
      partner: r.partner,
      type: r.type,
      direction: 'in',
      outcome: `refused:${r.reason}`,
      count: Number(r.count),
    })),
  ]
}

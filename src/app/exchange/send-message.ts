import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import {
  consentRefusal,
  contentRefusal,
  isRefusal,
  MESSAGE_TYPES,
  type MessageType,
  minimise,
  type Refusal,
  ruleFor,
} from '../../domain/exchange/index.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { findAgreement } from './agreements.ts'
import { type Envelope, encryptTo, messageHash, signEnvelope } from './envelope.ts'
import type { MessageRow } from './exchange.tables.ts'
import { ownAuthority, ownSigningKey, partnerEncryptionKey } from './keys.ts'

export function refused(r: Refusal): AppError {
  return new AppError('exchange_refused', { reason: r.reason }, [
    { code: `exchange.refusal.${r.reason}`, params: { reason: r.reason, detail: r.detail ?? null } },
  ])
}

/** The content an agreement lets go, or the refusal the sender meets before anything leaves. */
export async function prepareContent(o: {
  trx: Tx
  agreementCode: string
  type: MessageType
  source: Record<string, unknown>
  day: string
}) {
  const agreement = await findAgreement(o.trx, o.agreementCode)
  const rule = ruleFor(agreement, o.type, o.day)
  if (isRefusal(rule) || !agreement) throw refused(isRefusal(rule) ? rule : { reason: 'unknown_agreement' })
  const m = minimise(o.type, o.source, rule)
  const problem = contentRefusal(o.type, m.content) ?? consentRefusal(rule, m.content, o.day)
  if (problem) throw refused(problem)
  return { agreement, rule, ...m }
}

// The chain between two parties is one line: senders to one partner take turns under this lock.
const CHAIN_LOCK = 20_017

/**
 * Puts one message in the outbox: minimised to what the agreement allows, signed by this authority, encrypted to
 * the partner, linked to the previous message sent to that partner. Delivery (online, or in a bundle) follows.
 */
export async function sendMessage(o: SendOptions): Promise<{ row: MessageRow; withheld: string[] }> {
  authorize(o.actor, 'create', 'exchange_message')
  return queueMessage(o)
}

type SendOptions = {
  trx: Tx
  actor: RequestActor
  agreementCode: string
  type: MessageType
  source: Record<string, unknown>
  threadRef: string | null
}

/**
 * `sendMessage` once the caller has authorised it: a use case whose own action implies the message (the border's
 * handover receipt, which the officer recording the handover may not compose freely) calls this directly.
 */
export async function queueMessage(o: SendOptions): Promise<{ row: MessageRow; withheld: string[] }> {
  const { trx, actor } = o
  const day = todayInCambodia()
  const source = o.threadRef ? { ...o.source, xch_RepatriationRef: o.threadRef } : o.source
  const { agreement, content, withheld } = await prepareContent({
    trx,
    agreementCode: o.agreementCode,
    type: o.type,
    source,
    day,
  })
  const self = await ownAuthority(trx)
  const partner = await trx
    .selectFrom('exchange_authorities')
    .select(['code', 'endpoint'])
    .where('code', '=', agreement.partner)
    .executeTakeFirstOrThrow()
  await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK}, hashtext(${partner.code}))`.execute(trx)
  const last = await trx
    .selectFrom('exchange_messages')
    .select('hash')
    .where('partner_code', '=', partner.code)
    .where('direction', '=', 'out')
    .orderBy('sent_at', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  const now = new Date()
  const envelope: Envelope = {
    v: 1,
    id: randomUUID(),
    type: o.type,
    version: MESSAGE_TYPES[o.type].version,
    agreement: agreement.code,
    from: self.code,
    to: partner.code,
    sentAt: now.toISOString(),
    prev: last?.hash ?? null,
    content,
  }
  const jws = await signEnvelope(envelope, await ownSigningKey(trx))
  const sealed = await encryptTo(jws, await partnerEncryptionKey(trx, partner.code))
  const row = await trx
    .insertInto('exchange_messages')
    .values({
      id: envelope.id,
      direction: 'out',
      partner_code: partner.code,
      agreement_code: agreement.code,
      type: o.type,
      thread_ref: typeof content.xch_RepatriationRef === 'string' ? content.xch_RepatriationRef : null,
      content: JSON.stringify(content),
      jws,
      hash: messageHash(jws),
      prev_hash: envelope.prev,
      sent_at: now,
      status: 'pending',
      sealed,
      // A partner reached by files only waits for the next bundle; the outbox never tries it online.
      next_attempt_at: partner.endpoint ? now : null,
      created_by: actor.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  // Field names only: the audit log is read by administrators, and the content is protection data.
  await appendAudit(trx, auditActor(actor), {
    action: 'send',
    resource: 'exchange_message',
    recordId: row.id,
    details: {
      partner: partner.code,
      type: o.type,
      agreement: agreement.code,
      fields: Object.keys(content),
      withheld,
    },
  })
  return { row, withheld }
}

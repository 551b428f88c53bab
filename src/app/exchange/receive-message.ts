import {
  consentRefusal,
  contentRefusal,
  fieldRefusal,
  isMessageType,
  isRefusal,
  MESSAGE_TYPES,
  type Refusal,
  ruleFor,
} from '../../domain/exchange/index.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Db } from '../../platform/db/database.ts'
import { findAgreement } from './agreements.ts'
import { applyMessage } from './apply-message.ts'
import { decrypt, type Envelope, messageHash, type Receipt, signReceipt, verifyEnvelope } from './envelope.ts'
import { knownKeys, ownAuthority, ownDecryptionKeys, ownSigningKey } from './keys.ts'

/** The system that receives on this instance's behalf: no user, the partner's authority named in each entry. */
const INBOX_ACTOR = { id: null, username: 'exchange', ip: null }

// A sender's clock may run a little ahead of ours; more than this and the time it signed cannot be right.
const CLOCK_SKEW_MS = 5 * 60_000

export type Received =
  | { outcome: 'applied' | 'duplicate'; receipt: string; id: string }
  | { outcome: 'refused'; refusal: Refusal; id: string | null; receipt: string | null }

function shapeRefusal(e: Envelope, self: string, signer: string): Refusal | null {
  if (typeof e !== 'object' || e === null || e.v !== 1) return { reason: 'malformed', detail: 'envelope' }
  if (typeof e.id !== 'string' || !/^[0-9a-f-]{36}$/.test(e.id)) return { reason: 'malformed', detail: 'id' }
  if (e.to !== self) return { reason: 'wrong_recipient' }
  if (e.from !== signer) return { reason: 'bad_signature', detail: 'from' }
  if (typeof e.sentAt !== 'string' || Number.isNaN(Date.parse(e.sentAt)))
    return { reason: 'malformed', detail: 'sentAt' }
  if (Date.parse(e.sentAt) > Date.now() + CLOCK_SKEW_MS) return { reason: 'malformed', detail: 'sentAt' }
  if (!isMessageType(e.type)) return { reason: 'type_not_allowed', detail: String(e.type).slice(0, 80) }
  if (e.version !== MESSAGE_TYPES[e.type].version) return { reason: 'malformed', detail: 'version' }
  return null
}

/**
 * The inbox: decrypt, verify the signature, check the envelope, the agreement, the fields and the consent, then
 * apply in one transaction with the message row (its id is the idempotency key: the same message again is
 * acknowledged, not applied again; another message under a used id is a replay). A refusal writes nothing but
 * its audit entry. Every outcome gets an answer the sender can verify: a receipt signed by this authority.
 */
export async function receiveMessage(o: {
  db: Db
  sealed: string
  via: 'online' | 'bundle'
}): Promise<Received> {
  const { db } = o
  const self = await ownAuthority(db)
  let envelope: Envelope | null = null
  let signer: string | null = null
  const refuse = async (refusal: Refusal): Promise<Received> => {
    await db.transaction().execute((trx) =>
      appendAudit(trx, INBOX_ACTOR, {
        action: 'refuse',
        resource: 'exchange_message',
        recordId: null,
        details: {
          partner: signer,
          type: envelope && isMessageType(envelope.type) ? envelope.type : null,
          messageId: envelope?.id ?? null,
          reason: refusal.reason,
          detail: refusal.detail ?? null,
          via: o.via,
        },
      }),
    )
    // Only a sender we could authenticate gets a signed refusal: anyone else learns nothing signed by us.
    const receipt =
      envelope && signer
        ? await signReceipt(
            {
              messageId: envelope.id,
              hash: '',
              outcome: 'refused',
              reason: refusal.reason,
              detail: refusal.detail,
              from: self.code,
              to: signer,
              at: new Date().toISOString(),
            },
            await ownSigningKey(db),
          )
        : null
    return { outcome: 'refused', refusal, id: envelope?.id ?? null, receipt }
  }

  const opened = await decrypt(o.sealed, ownDecryptionKeys(db))
  if (!opened.ok) return refuse(opened.refusal)
  const verified = await verifyEnvelope(opened.jws, knownKeys(db))
  if (!verified.ok) return refuse(verified.refusal)
  envelope = verified.value
  signer = verified.signer
  const shape = shapeRefusal(envelope, self.code, signer)
  if (shape) return refuse(shape)
  const e = envelope
  if (!isMessageType(e.type)) return refuse({ reason: 'type_not_allowed' })
  const type = e.type
  const agreement = await findAgreement(db, String(e.agreement))
  if (agreement && agreement.partner !== signer) return refuse({ reason: 'unknown_agreement' })
  const day = e.sentAt.slice(0, 10)
  const rule = ruleFor(agreement, type, day)
  if (isRefusal(rule)) return refuse(rule)
  const problem =
    contentRefusal(type, e.content) ??
    fieldRefusal(type, e.content, rule) ??
    consentRefusal(rule, e.content, day)
  if (problem) return refuse(problem)

  const hash = messageHash(verified.jws)
  const outcome = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('exchange_messages')
      .values({
        id: e.id,
        direction: 'in',
        partner_code: signer as string,
        agreement_code: e.agreement,
        type,
        thread_ref: typeof e.content.xch_RepatriationRef === 'string' ? e.content.xch_RepatriationRef : null,
        content: JSON.stringify(e.content),
        jws: verified.jws,
        hash,
        prev_hash: e.prev,
        sent_at: e.sentAt,
        status: 'applied',
        sealed: null,
      })
      .onConflict((oc) => oc.columns(['id', 'direction']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!inserted) {
      const existing = await trx
        .selectFrom('exchange_messages')
        .select(['hash', 'partner_code'])
        .where('id', '=', e.id)
        .where('direction', '=', 'in')
        .executeTakeFirstOrThrow()
      return existing.hash === hash && existing.partner_code === signer ? 'duplicate' : 'replay'
    }
    const appliedRef = await applyMessage({
      trx,
      self,
      partner: signer as string,
      id: e.id,
      type,
      content: e.content,
    })
    if (appliedRef)
      await trx
        .updateTable('exchange_messages')
        .set({ applied_ref: appliedRef })
        .where('id', '=', e.id)
        .where('direction', '=', 'in')
        .execute()
    await appendAudit(trx, INBOX_ACTOR, {
      action: 'receive',
      resource: 'exchange_message',
      recordId: e.id,
      details: { partner: signer, type, agreement: e.agreement, fields: Object.keys(e.content), via: o.via },
    })
    return 'applied' as const
  })
  if (outcome === 'replay') return refuse({ reason: 'replay' })
  const receipt: Receipt = {
    messageId: e.id,
    hash,
    outcome,
    from: self.code,
    to: signer,
    at: new Date().toISOString(),
  }
  return { outcome, id: e.id, receipt: await signReceipt(receipt, await ownSigningKey(db)) }
}

import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Db } from '../../platform/db/database.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { takeReceipt } from './deliver-outbox.ts'
import { decodeReceipt, signBundle, verifyBundle } from './envelope.ts'
import { knownKeys, ownAuthority, ownSigningKey } from './keys.ts'
import { receiveMessage } from './receive-message.ts'
import { refused } from './send-message.ts'

/** A bundle's limit, checked on the byte count before anything is parsed (the route's body limit is the same). */
export const BUNDLE_MAX_BYTES = 20 * 1024 * 1024
const FORMAT = 'passage-exchange-bundle/1'

interface Bundle {
  format: string
  from: string
  to: string
  createdAt: string
  messages: { id: string; sealed: string }[]
}

/**
 * For a partner reached by e-mail or USB: every message still pending for it, each already signed and encrypted,
 * in one file signed again by this authority. Messages stay pending until the partner's receipts come back.
 */
export async function exportBundle(o: {
  db: Db
  actor: RequestActor
  partner: string
}): Promise<{ file: string; count: number }> {
  authorize(o.actor, 'create', 'exchange_message')
  const self = await ownAuthority(o.db)
  const rows = await o.db
    .selectFrom('exchange_messages')
    .select(['id', 'sealed'])
    .where('direction', '=', 'out')
    .where('status', '=', 'pending')
    .where('partner_code', '=', o.partner)
    .orderBy('sent_at')
    .execute()
  const bundle: Bundle = {
    format: FORMAT,
    from: self.code,
    to: o.partner,
    createdAt: new Date().toISOString(),
    messages: rows.flatMap((r) => (r.sealed ? [{ id: r.id, sealed: r.sealed }] : [])),
  }
  const file = await signBundle(bundle, await ownSigningKey(o.db))
  await o.db.transaction().execute((trx) =>
    appendAudit(trx, auditActor(o.actor), {
      action: 'export',
      resource: 'exchange_bundle',
      details: { partner: o.partner, messages: bundle.messages.map((m) => m.id) },
    }),
  )
  return { file, count: bundle.messages.length }
}

/**
 * Reads a bundle with the same verification as the online inbox: too large → refused before parsing; not UTF-8,
 * cut short or changed → the bundle's signature fails and nothing in it is applied; then each message on its own
 * through `receiveMessage`. Answers per message, with the receipts to carry back.
 */
export async function importBundle(o: { db: Db; actor: RequestActor; bytes: Buffer }) {
  authorize(o.actor, 'create', 'exchange_message')
  const audit = (details: Record<string, unknown>) =>
    o.db
      .transaction()
      .execute((trx) =>
        appendAudit(trx, auditActor(o.actor), { action: 'import', resource: 'exchange_bundle', details }),
      )
  if (o.bytes.length > BUNDLE_MAX_BYTES) {
    await audit({ outcome: 'refused', reason: 'too_large', bytes: o.bytes.length })
    throw refused({ reason: 'too_large' })
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(o.bytes).trim()
  } catch {
    await audit({ outcome: 'refused', reason: 'malformed' })
    throw refused({ reason: 'malformed', detail: 'encoding' })
  }
  const self = await ownAuthority(o.db)
  const v = await verifyBundle<Bundle>(text, knownKeys(o.db))
  const b = v.ok ? v.value : null
  const problem = !v.ok
    ? v.refusal
    : b?.format !== FORMAT || !Array.isArray(b.messages)
      ? ({ reason: 'malformed', detail: 'format' } as const)
      : b.to !== self.code
        ? ({ reason: 'wrong_recipient' } as const)
        : b.from !== v.signer
          ? ({ reason: 'bad_signature', detail: 'from' } as const)
          : null
  if (problem || !b) {
    await audit({ outcome: 'refused', reason: problem?.reason ?? 'malformed' })
    throw refused(problem ?? { reason: 'malformed' })
  }
  const results: { id: string | null; outcome: string; reason: string | null }[] = []
  const receipts: string[] = []
  for (const m of b.messages) {
    const r = await receiveMessage({
      db: o.db,
      sealed: typeof m?.sealed === 'string' ? m.sealed : '',
      via: 'bundle',
    })
    results.push({ id: r.id, outcome: r.outcome, reason: r.outcome === 'refused' ? r.refusal.reason : null })
    if (r.receipt) receipts.push(r.receipt)
  }
  await audit({ outcome: 'read', from: b.from, messages: results.length })
  return { results, receipts }
}

/** The receipts a file partner sent back: each one, verified, marks its message delivered (or refused). */
export async function importReceipts(o: {
  db: Db
  actor: RequestActor
  receipts: string[]
}): Promise<number> {
  authorize(o.actor, 'create', 'exchange_message')
  let taken = 0
  for (const r of o.receipts) {
    const id = decodeReceipt(r)?.messageId
    if (!id) continue
    const m = await o.db
      .selectFrom('exchange_messages')
      .selectAll()
      .where('id', '=', id)
      .where('direction', '=', 'out')
      .where('status', '=', 'pending')
      .executeTakeFirst()
    if (m && (await takeReceipt(o.db, m, r))) taken++
  }
  return taken
}

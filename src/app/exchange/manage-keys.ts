import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { importKeySet, type PublishedKey, revokeKey, rotateOwnKeys } from './keys.ts'

/** Administrators take a partner's published key set (handed over out of band, like an X-Road trust anchor). */
export async function importPartnerKeys(o: {
  trx: Tx
  actor: RequestActor
  partner: string
  keys: PublishedKey[]
}) {
  authorize(o.actor, 'update', 'exchange_agreement')
  const partner = await o.trx
    .selectFrom('exchange_authorities')
    .select(['code', 'is_self'])
    .where('code', '=', o.partner)
    .executeTakeFirst()
  if (!partner || partner.is_self) throw new AppError('not_found')
  const added = await importKeySet(o.trx, o.partner, o.keys)
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'import_keys',
    resource: 'exchange_key',
    recordId: o.partner,
    details: {
      added,
      kids: o.keys.map((k) => k.kid),
      revoked: o.keys.filter((k) => k.revoked).map((k) => k.kid),
    },
  })
  return added
}

export async function rotateKeys(o: { trx: Tx; actor: RequestActor }) {
  authorize(o.actor, 'update', 'exchange_agreement')
  const kids = await rotateOwnKeys(o.trx)
  await appendAudit(o.trx, auditActor(o.actor), { action: 'rotate', resource: 'exchange_key', details: kids })
  return kids
}

/**
 * Revokes a key (ours when compromised, or a partner's on its word): nothing signed with it at or after `at` is
 * accepted. `at` may lie in the past (the moment the key is known to have leaked), never in the future.
 */
export async function revokeExchangeKey(o: { trx: Tx; actor: RequestActor; kid: string; at?: Date }) {
  authorize(o.actor, 'update', 'exchange_agreement')
  const now = new Date()
  if (o.at && o.at.getTime() > now.getTime())
    throw new AppError('validation_failed', {}, [
      { path: 'body.at', code: 'exchange.errors.revocation_in_future', params: {} },
    ])
  const row = await revokeKey(o.trx, o.kid, o.at ?? now)
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'revoke',
    resource: 'exchange_key',
    recordId: o.kid,
    details: { authority: row.authority_code, use: row.use, at: (o.at ?? now).toISOString() },
  })
  return row
}

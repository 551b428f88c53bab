import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { KEY_ALG, type KeyLike, type KnownKey, SIG_ALG, type SigningKey } from './envelope.ts'
import type { AuthorityRow, KeyRow } from './exchange.tables.ts'

/**
 * Keys per authority: this instance's own (private half kept, see ARCHITECTURE.md for the limit) and each
 * partner's public keys, imported from the key set the partner publishes. The newest unretired key of each use
 * signs or is encrypted to; a retired key still verifies and decrypts (rotation overlap); a revoked key does
 * neither. The `kid` is the RFC 7638 thumbprint, so both sides name a key the same way.
 */
export async function ownAuthority(db: Executor): Promise<AuthorityRow> {
  const row = await db
    .selectFrom('exchange_authorities')
    .selectAll()
    .where('is_self', '=', true)
    .executeTakeFirst()
  if (!row) throw new AppError('rule_violation', { reason: 'exchange_not_configured' })
  return row
}

async function newKey(trx: Tx, authority: string, use: 'sig' | 'enc'): Promise<string> {
  const pair =
    use === 'sig'
      ? await generateKeyPair(SIG_ALG, { extractable: true })
      : await generateKeyPair(KEY_ALG, { crv: 'X25519', extractable: true })
  const pub = await exportJWK(pair.publicKey)
  const kid = await calculateJwkThumbprint(pub)
  await trx
    .insertInto('exchange_keys')
    .values({
      kid,
      authority_code: authority,
      use,
      public_jwk: JSON.stringify({ ...pub, kid, use }),
      private_jwk: JSON.stringify(await exportJWK(pair.privateKey)),
    })
    .execute()
  return kid
}

async function activeKey(db: Executor, authority: string, use: 'sig' | 'enc'): Promise<KeyRow | undefined> {
  return db
    .selectFrom('exchange_keys')
    .selectAll()
    .where('authority_code', '=', authority)
    .where('use', '=', use)
    .where('retired_at', 'is', null)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
}

/** Gives this instance's authority a signing and an encryption key if it has none in force. */
export async function ensureOwnKeys(trx: Tx): Promise<void> {
  const self = await ownAuthority(trx)
  for (const use of ['sig', 'enc'] as const)
    if (!(await activeKey(trx, self.code, use))) await newKey(trx, self.code, use)
}

/** New keys of both uses; the old ones retire (still verify and decrypt what was sent to them). */
export async function rotateOwnKeys(trx: Tx): Promise<{ sig: string; enc: string }> {
  const self = await ownAuthority(trx)
  await trx
    .updateTable('exchange_keys')
    .set({ retired_at: new Date() })
    .where('authority_code', '=', self.code)
    .where('retired_at', 'is', null)
    .execute()
  return { sig: await newKey(trx, self.code, 'sig'), enc: await newKey(trx, self.code, 'enc') }
}

export async function ownSigningKey(db: Executor): Promise<SigningKey> {
  const self = await ownAuthority(db)
  const row = await activeKey(db, self.code, 'sig')
  if (!row?.private_jwk) throw new AppError('rule_violation', { reason: 'exchange_no_key' })
  return { kid: row.kid, key: (await importJWK(row.private_jwk as JWK, SIG_ALG)) as KeyLike }
}

export async function partnerEncryptionKey(
  db: Executor,
  partner: string,
): Promise<{ kid: string; key: KeyLike }> {
  const row = await activeKey(db, partner, 'enc')
  if (!row) throw new AppError('rule_violation', { reason: 'exchange_partner_no_key' })
  return { kid: row.kid, key: (await importJWK(row.public_jwk as JWK, KEY_ALG)) as KeyLike }
}

/** Lookup for verifying a signature: any authority's signing key, revoked or not (the caller refuses revoked). */
export function knownKeys(db: Executor): (kid: string) => Promise<KnownKey | null> {
  return async (kid) => {
    const row = await db
      .selectFrom('exchange_keys')
      .selectAll()
      .where('kid', '=', kid)
      .where('use', '=', 'sig')
      .executeTakeFirst()
    if (!row) return null
    const revoked = row.revoked_at !== null && new Date(row.revoked_at) <= new Date()
    return {
      authority: row.authority_code,
      key: (await importJWK(row.public_jwk as JWK, SIG_ALG)) as KeyLike,
      revoked,
    }
  }
}

/** Lookup for decrypting: only this instance's own encryption keys that are not revoked. */
export function ownDecryptionKeys(db: Executor): (kid: string) => Promise<KeyLike | null> {
  return async (kid) => {
    const row = await db
      .selectFrom('exchange_keys as k')
      .innerJoin('exchange_authorities as a', 'a.code', 'k.authority_code')
      .select(['k.private_jwk'])
      .where('k.kid', '=', kid)
      .where('k.use', '=', 'enc')
      .where('a.is_self', '=', true)
      .where('k.revoked_at', 'is', null)
      .executeTakeFirst()
    if (!row?.private_jwk) return null
    return (await importJWK(row.private_jwk as JWK, KEY_ALG)) as KeyLike
  }
}

export interface PublishedKey {
  kid: string
  use: 'sig' | 'enc'
  jwk: Record<string, unknown>
  retired: boolean
  revoked: boolean
}

/** The key set an authority publishes for its partners: public halves only, revocations included. */
export async function keySet(db: Executor, authority: string): Promise<PublishedKey[]> {
  const rows = await db
    .selectFrom('exchange_keys')
    .selectAll()
    .where('authority_code', '=', authority)
    .orderBy('created_at')
    .execute()
  return rows.map((r) => ({
    kid: r.kid,
    use: r.use,
    jwk: r.public_jwk,
    retired: r.retired_at !== null,
    revoked: r.revoked_at !== null,
  }))
}

const OKP: Record<'sig' | 'enc', string> = { sig: 'Ed25519', enc: 'X25519' }

/**
 * Takes a partner's published key set: new keys are added (only public OKP keys of the right curve, the kid checked
 * against the thumbprint), known ones keep their row, and a key the set marks revoked or retired is marked here too.
 */
export async function importKeySet(trx: Tx, partner: string, keys: PublishedKey[]): Promise<number> {
  let added = 0
  for (const k of keys) {
    const jwk = k.jwk as JWK
    if (
      jwk.kty !== 'OKP' ||
      jwk.crv !== OKP[k.use] ||
      'd' in jwk ||
      (await calculateJwkThumbprint(jwk)) !== k.kid
    )
      throw new AppError('validation_failed', {}, [
        { path: 'body.keys', code: 'exchange.errors.bad_key', params: { kid: k.kid } },
      ])
    const known = await trx
      .selectFrom('exchange_keys')
      .select(['authority_code'])
      .where('kid', '=', k.kid)
      .executeTakeFirst()
    if (known && known.authority_code !== partner)
      throw new AppError('validation_failed', {}, [
        { path: 'body.keys', code: 'exchange.errors.bad_key', params: { kid: k.kid } },
      ])
    if (!known) {
      await trx
        .insertInto('exchange_keys')
        .values({
          kid: k.kid,
          authority_code: partner,
          use: k.use,
          public_jwk: JSON.stringify(jwk),
          private_jwk: null,
        })
        .execute()
      added++
    }
    if (k.retired)
      await trx
        .updateTable('exchange_keys')
        .set({ retired_at: new Date() })
        .where('kid', '=', k.kid)
        .where('retired_at', 'is', null)
        .execute()
    if (k.revoked)
      await trx
        .updateTable('exchange_keys')
        .set({ revoked_at: new Date() })
        .where('kid', '=', k.kid)
        .where('revoked_at', 'is', null)
        .execute()
  }
  return added
}

export async function revokeKey(trx: Tx, kid: string, at: Date): Promise<KeyRow> {
  const row = await trx
    .updateTable('exchange_keys')
    .set({ revoked_at: at })
    .where('kid', '=', kid)
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new AppError('not_found')
  return row
}

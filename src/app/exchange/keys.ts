import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { KEY_ALG, type KeyLike, type KnownKey, SIG_ALG, type SigningKey } from './envelope.ts'
import type { AuthorityRow, KeyRow } from './exchange.tables.ts'
import { keyStore } from './key-store.ts'

/**
 * Keys per authority: this instance's own (public half here, private half in the key store, `key-store.ts`) and
 * each partner's public keys, imported from the key set the partner publishes. The newest unretired key of each
 * use signs or is encrypted to; a retired key still verifies what was signed before its end date (rotation
 * overlap); a revoked key verifies nothing signed after its revocation. The `kid` is the RFC 7638 thumbprint, so
 * both sides name a key the same way.
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

/** Public JWK (with kid and use) and thumbprint of a private JWK. */
async function publicOf(priv: JWK, use: 'sig' | 'enc'): Promise<{ kid: string; pub: JWK }> {
  const { d: _d, kid: _k, use: _u, ...pub } = priv
  const kid = await calculateJwkThumbprint(pub)
  return { kid, pub: { ...pub, kid, use } }
}

/** A new own key: the private half goes to the key store (a 0600 file), only the public half to the database. */
async function newKey(db: Executor, authority: string, use: 'sig' | 'enc'): Promise<string> {
  const pair =
    use === 'sig'
      ? await generateKeyPair(SIG_ALG, { extractable: true })
      : await generateKeyPair(KEY_ALG, { crv: 'X25519', extractable: true })
  const priv = await exportJWK(pair.privateKey)
  const { kid, pub } = await publicOf(priv, use)
  // The file first: a key row whose private half was never written could not sign.
  keyStore().write(kid, priv)
  await db
    .insertInto('exchange_keys')
    .values({ kid, authority_code: authority, use, public_jwk: JSON.stringify(pub), private_jwk: null })
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

const OWN_KEY_OVERLAP_DAYS = 30

async function retireOwn(db: Executor, authority: string, use: 'sig' | 'enc' | null, now: Date) {
  let q = db
    .updateTable('exchange_keys')
    .set({ retired_at: now, expires_at: new Date(now.getTime() + OWN_KEY_OVERLAP_DAYS * 86_400_000) })
    .where('authority_code', '=', authority)
    .where('retired_at', 'is', null)
  if (use) q = q.where('use', '=', use)
  await q.execute()
}

/**
 * Own keys in force at start: keys given by the environment are registered (public half) and take over from older
 * ones; private keys an older version kept in the database move to the key store; a use without a key gets one.
 */
export async function ensureOwnKeys(db: Executor): Promise<void> {
  const self = await ownAuthority(db)
  await moveLegacyPrivateKeys(db)
  for (const priv of keyStore().fromEnv) {
    const use = priv.crv === 'Ed25519' ? 'sig' : priv.crv === 'X25519' ? 'enc' : null
    if (!use) continue
    const { kid, pub } = await publicOf(priv, use)
    if (priv.kid !== undefined && priv.kid !== kid) continue
    const known = await db.selectFrom('exchange_keys').select('kid').where('kid', '=', kid).executeTakeFirst()
    if (known) continue
    await retireOwn(db, self.code, use, new Date())
    await db
      .insertInto('exchange_keys')
      .values({ kid, authority_code: self.code, use, public_jwk: JSON.stringify(pub), private_jwk: null })
      .execute()
  }
  for (const use of ['sig', 'enc'] as const)
    if (!(await activeKey(db, self.code, use))) await newKey(db, self.code, use)
}

/** Private keys written by the first version (migration 0029) into the database: to the key store, then erased. */
export async function moveLegacyPrivateKeys(db: Executor): Promise<number> {
  const rows = await db
    .selectFrom('exchange_keys')
    .select(['kid', 'private_jwk'])
    .where('private_jwk', 'is not', null)
    .execute()
  for (const r of rows) {
    keyStore().write(r.kid, r.private_jwk as JWK)
    await db.updateTable('exchange_keys').set({ private_jwk: null }).where('kid', '=', r.kid).execute()
  }
  return rows.length
}

/** New keys of both uses; the old ones retire: they still verify and decrypt until their end date. */
export async function rotateOwnKeys(trx: Tx): Promise<{ sig: string; enc: string }> {
  const self = await ownAuthority(trx)
  await retireOwn(trx, self.code, null, new Date())
  return { sig: await newKey(trx, self.code, 'sig'), enc: await newKey(trx, self.code, 'enc') }
}

function privateOf(kid: string): JWK {
  const jwk = keyStore().read(kid)
  // The database names a key this machine does not hold: the key directory was not restored with the database.
  if (!jwk) throw new AppError('rule_violation', { reason: 'exchange_key_missing' })
  return jwk
}

export async function ownSigningKey(db: Executor): Promise<SigningKey> {
  const self = await ownAuthority(db)
  let row = await activeKey(db, self.code, 'sig')
  if (!row) {
    // First use on an instance that was never started with `passage start` (a fresh test database).
    await ensureOwnKeys(db)
    row = await activeKey(db, self.code, 'sig')
  }
  if (!row) throw new AppError('rule_violation', { reason: 'exchange_no_key' })
  return { kid: row.kid, key: (await importJWK(privateOf(row.kid), SIG_ALG)) as KeyLike }
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
    return {
      authority: row.authority_code,
      key: (await importJWK(row.public_jwk as JWK, SIG_ALG)) as KeyLike,
      revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
      expiresAt: row.expires_at ? new Date(row.expires_at) : null,
    }
  }
}

/** Lookup for decrypting: only this instance's own encryption keys that are not revoked. */
export function ownDecryptionKeys(db: Executor): (kid: string) => Promise<KeyLike | null> {
  return async (kid) => {
    const row = await db
      .selectFrom('exchange_keys as k')
      .innerJoin('exchange_authorities as a', 'a.code', 'k.authority_code')
      .select(['k.kid'])
      .where('k.kid', '=', kid)
      .where('k.use', '=', 'enc')
      .where('a.is_self', '=', true)
      .where('k.revoked_at', 'is', null)
      .executeTakeFirst()
    const jwk = row ? keyStore().read(row.kid) : null
    return jwk ? ((await importJWK(jwk, KEY_ALG)) as KeyLike) : null
  }
}

export interface PublishedKey {
  kid: string
  use: 'sig' | 'enc'
  jwk: Record<string, unknown>
  retired: boolean
  revoked: boolean
  /** When the key was revoked: what it signed before still verifies, what it signed after does not. */
  revokedAt?: string | null
  /** A retired key's end date: nothing signed after it verifies. */
  expiresAt?: string | null
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
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
    expiresAt: r.expires_at ? new Date(r.expires_at).toISOString() : null,
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
    // The partner's own dates when its set gives them; otherwise from now (a revocation never waits).
    if (k.retired)
      await trx
        .updateTable('exchange_keys')
        .set({ retired_at: new Date(), expires_at: k.expiresAt ? new Date(k.expiresAt) : null })
        .where('kid', '=', k.kid)
        .where('retired_at', 'is', null)
        .execute()
    if (k.revoked) {
      const at = k.revokedAt ? new Date(k.revokedAt) : new Date()
      await trx
        .updateTable('exchange_keys')
        .set({ revoked_at: at })
        .where('kid', '=', k.kid)
        .where((eb) => eb.or([eb('revoked_at', 'is', null), eb('revoked_at', '>', at)]))
        .execute()
    }
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

import { createHash } from 'node:crypto'
import {
  CompactEncrypt,
  CompactSign,
  type CryptoKey,
  compactDecrypt,
  compactVerify,
  decodeProtectedHeader,
  type JWK,
} from 'jose'
import type { Refusal } from '../../domain/exchange/index.ts'

/**
 * The wire format of every message: a JWS signed by the sending authority (Ed25519), encrypted to the receiving
 * one (JWE, ECDH-ES+A256KW on X25519, A256GCM) — sign then encrypt, so the signature cannot be stripped and the
 * signer is hidden from the link. Algorithms are pinned on every verify and decrypt. Receipts are JWS alone.
 */
export const SIG_ALG = 'Ed25519'
export const KEY_ALG = 'ECDH-ES+A256KW'
export const CONTENT_ENC = 'A256GCM'
const MSG_TYP = 'passage-msg+jws'
const RECEIPT_TYP = 'passage-receipt+jws'
const BUNDLE_TYP = 'passage-bundle+jws'

export interface Envelope {
  v: 1
  id: string
  type: string
  version: number
  agreement: string
  from: string
  to: string
  sentAt: string
  /** The hash of the previous message this sender sent this recipient (null for the first): the chain. */
  prev: string | null
  content: Record<string, unknown>
}

export interface Receipt {
  messageId: string
  hash: string
  outcome: 'applied' | 'duplicate' | 'refused'
  reason?: string
  detail?: string
  from: string
  to: string
  at: string
}

export type KeyLike = CryptoKey | Uint8Array

export interface SigningKey {
  kid: string
  key: KeyLike
}

const enc = new TextEncoder()
const dec = new TextDecoder('utf-8', { fatal: true })

/** The hash that links messages and that receipts name: SHA-256 of the signed envelope's exact bytes. */
export function messageHash(jws: string): string {
  return createHash('sha256').update(jws).digest('hex')
}

export async function signJson(value: unknown, typ: string, by: SigningKey): Promise<string> {
  return new CompactSign(enc.encode(JSON.stringify(value)))
    .setProtectedHeader({ alg: SIG_ALG, typ, kid: by.kid })
    .sign(by.key)
}

export async function signEnvelope(e: Envelope, by: SigningKey): Promise<string> {
  return signJson(e, MSG_TYP, by)
}

export async function encryptTo(jws: string, recipient: { kid: string; key: KeyLike }): Promise<string> {
  return new CompactEncrypt(enc.encode(jws))
    .setProtectedHeader({ alg: KEY_ALG, enc: CONTENT_ENC, cty: 'JWS', kid: recipient.kid })
    .encrypt(recipient.key)
}

/** What the receiver knows about a signing key named by `kid`. */
export interface KnownKey {
  authority: string
  key: KeyLike
  revokedAt: Date | null
  expiresAt: Date | null
}

export type Opened<T> = { ok: true; value: T; jws: string; signer: string } | { ok: false; refusal: Refusal }

/** Verifies a compact JWS of `typ` against the key its header names; any changed byte fails here. */
export async function verifyJson<T>(
  jws: string,
  typ: string,
  keyOf: (kid: string) => Promise<KnownKey | null>,
  signedAt: (value: T) => unknown,
): Promise<Opened<T>> {
  let kid: unknown
  let headerTyp: unknown
  try {
    const h = decodeProtectedHeader(jws)
    kid = h.kid
    headerTyp = h.typ
  } catch {
    return { ok: false, refusal: { reason: 'malformed', detail: 'header' } }
  }
  if (typeof kid !== 'string' || headerTyp !== typ) return { ok: false, refusal: { reason: 'bad_signature' } }
  const known = await keyOf(kid)
  if (!known) return { ok: false, refusal: { reason: 'bad_signature', detail: 'unknown_key' } }
  try {
    const { payload } = await compactVerify(jws, known.key, { algorithms: [SIG_ALG] })
    const value = JSON.parse(dec.decode(payload)) as T
    // Checked after the signature, so the answer never tells a forger whether a revoked key exists. The time is the
    // one the signer signed: a key revoked yesterday still vouches for what it signed the day before.
    const refusal = keyTimeRefusal(known, signedAt(value), kid)
    if (refusal) return { ok: false, refusal }
    return { ok: true, value, jws, signer: known.authority }
  } catch {
    return { ok: false, refusal: { reason: 'bad_signature' } }
  }
}

/** A key revoked or past its end date at the signed time (an unreadable time counts as after). */
function keyTimeRefusal(known: KnownKey, at: unknown, kid: string): Refusal | null {
  if (!known.revokedAt && !known.expiresAt) return null
  const t = typeof at === 'string' ? Date.parse(at) : Number.NaN
  if (known.revokedAt && !(t < known.revokedAt.getTime())) return { reason: 'key_revoked', detail: kid }
  if (known.expiresAt && !(t <= known.expiresAt.getTime())) return { reason: 'key_revoked', detail: kid }
  return null
}

/** Decrypts with this instance's key the header names; a message for another recipient has no such key. */
export async function decrypt(
  jwe: string,
  ownKeyOf: (kid: string) => Promise<KeyLike | null>,
): Promise<{ ok: true; jws: string } | { ok: false; refusal: Refusal }> {
  let kid: unknown
  try {
    kid = decodeProtectedHeader(jwe).kid
  } catch {
    return { ok: false, refusal: { reason: 'malformed', detail: 'header' } }
  }
  if (typeof kid !== 'string') return { ok: false, refusal: { reason: 'malformed', detail: 'kid' } }
  const key = await ownKeyOf(kid)
  if (!key) return { ok: false, refusal: { reason: 'wrong_recipient' } }
  try {
    const { plaintext } = await compactDecrypt(jwe, key, {
      keyManagementAlgorithms: [KEY_ALG],
      contentEncryptionAlgorithms: [CONTENT_ENC],
    })
    return { ok: true, jws: dec.decode(plaintext) }
  } catch {
    // Authenticated encryption: a changed byte of the ciphertext, tag, IV or header fails as a bad signature would.
    return { ok: false, refusal: { reason: 'bad_signature', detail: 'decryption' } }
  }
}

export const verifyEnvelope = (jws: string, keyOf: (kid: string) => Promise<KnownKey | null>) =>
  verifyJson<Envelope>(jws, MSG_TYP, keyOf, (e) => e?.sentAt)
export const signReceipt = (r: Receipt, by: SigningKey) => signJson(r, RECEIPT_TYP, by)
export const verifyReceipt = (jws: string, keyOf: (kid: string) => Promise<KnownKey | null>) =>
  verifyJson<Receipt>(jws, RECEIPT_TYP, keyOf, (r) => r?.at)
export const signBundle = (b: unknown, by: SigningKey) => signJson(b, BUNDLE_TYP, by)
export const verifyBundle = <T>(jws: string, keyOf: (kid: string) => Promise<KnownKey | null>) =>
  verifyJson<T>(jws, BUNDLE_TYP, keyOf, (b) => (b as { createdAt?: unknown } | null)?.createdAt)

export type { JWK }

/** A receipt's claimed message id, read without verifying (to find the message whose partner key verifies it). */
export function decodeReceipt(jws: string): { messageId?: string } | null {
  try {
    const payload = jws.split('.')[1] ?? ''
    const v = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { messageId?: unknown }
    return typeof v.messageId === 'string' && /^[0-9a-f-]{36}$/.test(v.messageId)
      ? { messageId: v.messageId }
      : null
  } catch {
    return null
  }
}

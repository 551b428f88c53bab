import { createPublicKey, type KeyObject, randomBytes, sign, verify } from 'node:crypto'

/**
 * Lets `passage audit verify --url` ask a running server to verify its log without a user session: the request
 * carries a token signed with the checkpoint signing key, which only the service account can read. Whoever holds
 * that key can already sign checkpoints, so this grants nothing more. The token names its purpose and the log,
 * is valid for two minutes either side of the server's clock, and each one is accepted once.
 */
const PURPOSE = 'passage audit verify'
const WINDOW_MS = 2 * 60_000

const message = (origin: string, at: string, nonce: string) =>
  Buffer.from(`${PURPOSE}\n${origin}\n${at}\n${nonce}\n`)

export function operatorToken(origin: string, key: KeyObject, now = new Date()): string {
  const at = now.toISOString()
  const nonce = randomBytes(16).toString('hex')
  return `${at} ${nonce} ${sign(null, message(origin, at, nonce), key).toString('base64')}`
}

/** Nonces of accepted tokens, kept until their token expires. */
export type SeenNonces = Map<string, number>

export function acceptOperatorToken(o: {
  token: string | undefined
  origin: string
  key: KeyObject
  seen: SeenNonces
  now?: Date
}): boolean {
  const parts = (o.token ?? '').split(' ')
  if (parts.length !== 3) return false
  const [at, nonce, signature] = parts as [string, string, string]
  const now = (o.now ?? new Date()).getTime()
  const when = Date.parse(at)
  if (!/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(at) || Number.isNaN(when) || Math.abs(now - when) > WINDOW_MS)
    return false
  if (!/^[0-9a-f]{32}$/.test(nonce) || !/^[A-Za-z0-9+/]{86}==$/.test(signature)) return false
  const publicKey = o.key.type === 'private' ? createPublicKey(o.key) : o.key
  if (!verify(null, message(o.origin, at, nonce), publicKey, Buffer.from(signature, 'base64'))) return false
  for (const [n, expires] of o.seen) if (expires < now) o.seen.delete(n)
  if (o.seen.has(nonce)) return false
  o.seen.set(nonce, when + WINDOW_MS)
  return true
}

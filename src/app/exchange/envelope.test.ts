import fc from 'fast-check'
import { generateKeyPair } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  decrypt,
  type Envelope,
  encryptTo,
  KEY_ALG,
  type KeyLike,
  type KnownKey,
  SIG_ALG,
  signEnvelope,
  verifyEnvelope,
} from './envelope.ts'

const envelope: Envelope = {
  v: 1,
  id: '3f0c6a2e-6f4b-4c59-9d51-6f1a2b3c4d5e',
  type: 'repatriation.referral',
  version: 1,
  agreement: 'KH-TH-MOU-2003',
  from: 'TH-MSDHS',
  to: 'KH-NCCT',
  sentAt: '2026-12-04T08:00:00.000Z',
  prev: null,
  content: { prs_FirstName: 'Sokha', xch_FirstNameNative: 'សុខា' },
}

describe('sign-then-encrypt envelope', () => {
  let sig: { publicKey: KeyLike; privateKey: KeyLike }
  let kem: { publicKey: KeyLike; privateKey: KeyLike }
  let sealed: string
  const known =
    (revokedAt: string | null = null, expiresAt: string | null = null) =>
    async (kid: string): Promise<KnownKey | null> =>
      kid === 'sig-1'
        ? {
            authority: 'TH-MSDHS',
            key: sig.publicKey,
            revokedAt: revokedAt ? new Date(revokedAt) : null,
            expiresAt: expiresAt ? new Date(expiresAt) : null,
          }
        : null
  const own = async (kid: string) => (kid === 'enc-1' ? kem.privateKey : null)
  const open = async (jwe: string) => {
    const d = await decrypt(jwe, own)
    if (!d.ok) return d
    return verifyEnvelope(d.jws, known())
  }

  beforeAll(async () => {
    sig = await generateKeyPair(SIG_ALG)
    kem = await generateKeyPair(KEY_ALG, { crv: 'X25519' })
    sealed = await encryptTo(await signEnvelope(envelope, { kid: 'sig-1', key: sig.privateKey }), {
      kid: 'enc-1',
      key: kem.publicKey,
    })
  })

  it('opens to the exact envelope, signed by the partner that holds the key', async () => {
    const r = await open(sealed)
    expect(r).toMatchObject({ ok: true, value: envelope, signer: 'TH-MSDHS' })
  })

  // Any one character of the five JWE parts changed (header, key, IV, ciphertext, tag): refused, never opened.
  it('detects a change to any byte of the sealed message', async () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: sealed.length - 1 }), fc.constantFrom(...alphabet), async (at, c) => {
        fc.pre(sealed[at] !== c)
        const tampered = sealed.slice(0, at) + c + sealed.slice(at + 1)
        const r = await open(tampered)
        const lastOfPart = at === sealed.length - 1 || sealed[at + 1] === '.'
        if (!lastOfPart) expect(r.ok).toBe(false)
        // Base64url's last character may carry unused bits: a change there decodes to the same bytes, and opens
        // to the same, unchanged envelope — which is not a tampering of any byte.
        if (r.ok) expect(r.value).toEqual(envelope)
        else expect(['bad_signature', 'malformed', 'wrong_recipient']).toContain(r.refusal.reason)
      }),
      { numRuns: 200 },
    )
  })

  it('detects a change to any byte of the signed envelope inside', async () => {
    const jws = await signEnvelope(envelope, { kid: 'sig-1', key: sig.privateKey })
    const bytes = Buffer.from(jws)
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (at, flip) => {
          const changed = Buffer.from(bytes)
          changed[at] = (changed[at] as number) ^ flip
          const r = await verifyEnvelope(changed.toString('latin1'), known())
          const lastOfPart = at === bytes.length - 1 || bytes[at + 1] === 0x2e
          if (!lastOfPart) expect(r.ok).toBe(false)
          if (r.ok) expect(r.value).toEqual(envelope)
          else expect(['bad_signature', 'malformed']).toContain(r.refusal.reason)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('refuses a revoked key, an unknown signer and a message for another recipient', async () => {
    const d = await decrypt(sealed, own)
    if (!d.ok) throw new Error('should open')
    // Signed at 08:00: a key revoked at 07:59 refuses it, one revoked at 08:01 still vouches for it.
    expect(await verifyEnvelope(d.jws, known('2026-12-04T07:59:00Z'))).toMatchObject({
      ok: false,
      refusal: { reason: 'key_revoked' },
    })
    expect(await verifyEnvelope(d.jws, known('2026-12-04T08:00:00Z'))).toMatchObject({ ok: false })
    expect(await verifyEnvelope(d.jws, known('2026-12-04T08:01:00Z'))).toMatchObject({ ok: true })
    // A retired key verifies up to its end date, not after.
    expect(await verifyEnvelope(d.jws, known(null, '2026-12-04T08:00:00Z'))).toMatchObject({ ok: true })
    expect(await verifyEnvelope(d.jws, known(null, '2026-12-04T07:00:00Z'))).toMatchObject({
      ok: false,
      refusal: { reason: 'key_revoked' },
    })
    expect(await verifyEnvelope(d.jws, async () => null)).toMatchObject({
      ok: false,
      refusal: { reason: 'bad_signature' },
    })
    expect(await decrypt(sealed, async () => null)).toMatchObject({
      ok: false,
      refusal: { reason: 'wrong_recipient' },
    })
    const other = await generateKeyPair(KEY_ALG, { crv: 'X25519' })
    // The right kid but another key (a forger guessing the name): decryption fails, nothing is read.
    expect(await decrypt(sealed, async () => other.privateKey)).toMatchObject({
      ok: false,
      refusal: { reason: 'bad_signature' },
    })
  })
})

import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto'

/**
 * The signed-note text format of Go's checksum database and of transparency logs' checkpoints
 * (golang.org/x/mod/sumdb/note, C2SP signed-note): a UTF-8 text ending in a newline, a blank line, then one line
 * `— <key name> <base64(key id ‖ signature)>` per signature. The key id is the first 4 bytes of
 * SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key), 0x01 naming Ed25519. A verifier key is written
 * `<name>+<key id in hex>+<base64(0x01 ‖ public key)>`, so an operator can paste it anywhere.
 * Only Ed25519 (node:crypto) is produced and accepted.
 */

const ED25519 = 0x01
const DASH = '\u2014'

export interface NoteVerifier {
  name: string
  keyId: Buffer
  publicKey: KeyObject
}

function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' })
  if (jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('the signing key must be an Ed25519 key')
  return Buffer.from(jwk.x, 'base64url')
}

function keyIdOf(name: string, raw: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`), Buffer.from([ED25519]), raw]))
    .digest()
    .subarray(0, 4)
}

export function verifierOf(name: string, key: KeyObject): NoteVerifier {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key
  return { name, keyId: keyIdOf(name, rawPublicKey(publicKey)), publicKey }
}

/** `name+hex id+base64 key`: what `passage audit key` prints and `--key` reads. */
export function formatVerifierKey(v: NoteVerifier): string {
  const raw = rawPublicKey(v.publicKey)
  return `${v.name}+${v.keyId.toString('hex')}+${Buffer.concat([Buffer.from([ED25519]), raw]).toString('base64')}`
}

export function parseVerifierKey(text: string): NoteVerifier {
  const m = /^([^\s+]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim())
  const bytes = m ? Buffer.from(m[3]!, 'base64') : Buffer.alloc(0)
  if (!m || bytes.length !== 33 || bytes[0] !== ED25519)
    throw new Error('not an Ed25519 verifier key (name+id+key, as `passage audit key` prints it)')
  const raw = bytes.subarray(1)
  const publicKey = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  })
  const v = { name: m[1]!, keyId: keyIdOf(m[1]!, raw), publicKey }
  if (v.keyId.toString('hex') !== m[2]) throw new Error('the verifier key id does not match its key')
  return v
}

/** Signs `text` (which must end in a newline) with the private key under `name`. */
export function signNote(text: string, name: string, privateKey: KeyObject): string {
  if (!text.endsWith('\n')) throw new Error('a note ends in a newline')
  const id = verifierOf(name, privateKey).keyId
  const signature = sign(null, Buffer.from(text), privateKey)
  return `${text}\n${DASH} ${name} ${Buffer.concat([id, signature]).toString('base64')}\n`
}

export type NoteCheck = { ok: true; text: string } | { ok: false; problem: 'format' | 'signature' }

/**
 * Checks a signed note against one verifier: it must carry a signature line for that key name and id, and the
 * signature must hold over the text. Signatures by other keys are ignored (a witness may cosign), but without a
 * valid one by ours the note is refused.
 */
export function openNote(note: string, v: NoteVerifier): NoteCheck {
  const split = note.lastIndexOf('\n\n')
  if (split < 0) return { ok: false, problem: 'format' }
  const text = note.slice(0, split + 1)
  const lines = note.slice(split + 2).split('\n')
  if (lines.at(-1) === '') lines.pop()
  if (lines.length === 0) return { ok: false, problem: 'format' }
  for (const line of lines) {
    const m = new RegExp(`^${DASH} (\\S+) ([A-Za-z0-9+/=]+)$`).exec(line)
    if (!m) return { ok: false, problem: 'format' }
    const bytes = Buffer.from(m[2]!, 'base64')
    if (m[1] !== v.name || bytes.length < 4 || !bytes.subarray(0, 4).equals(v.keyId)) continue
    if (bytes.length === 68 && verify(null, Buffer.from(text), v.publicKey, bytes.subarray(4)))
      return { ok: true, text }
  }
  // No line by our key, or one whose signature does not hold: either way not a checkpoint of ours.
  return { ok: false, problem: 'signature' }
}

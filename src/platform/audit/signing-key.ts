import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export class SigningKeyError extends Error {}

function read(file: string): KeyObject {
  // Like ssh: a key others can read is no secret any more, so it is refused rather than used.
  if ((statSync(file).mode & 0o077) !== 0)
    throw new SigningKeyError(`${file} must be readable by its owner only (chmod 600 ${file})`)
  const key = createPrivateKey(readFileSync(file, 'utf8'))
  if (key.asymmetricKeyType !== 'ed25519') throw new SigningKeyError(`${file} is not an Ed25519 private key`)
  return key
}

/** The checkpoint signing key, or undefined when it was never created (a verifier then needs `--key`). */
export function readSigningKey(file: string): KeyObject | undefined {
  return existsSync(file) ? read(file) : undefined
}

/**
 * Reads the signing key, creating it on first start: an Ed25519 key in PKCS#8 PEM, mode 0600, in a 0700
 * directory. It is written to a temporary name and hard-linked into place, so two processes starting at once
 * on one machine end up with the same key and neither ever reads a half-written file.
 */
export function loadOrCreateSigningKey(file: string): KeyObject {
  if (existsSync(file)) return read(file)
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  const { privateKey } = generateKeyPairSync('ed25519')
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' })
  try {
    linkSync(tmp, file)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  } finally {
    rmSync(tmp, { force: true })
  }
  return read(file)
}

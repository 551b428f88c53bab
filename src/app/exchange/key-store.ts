import { createHash } from 'node:crypto'
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { JWK } from 'jose'
import type { Config } from '../../platform/config/config.ts'
import { loadConfig } from '../../platform/config/config.ts'

/**
 * Where this instance's own exchange private keys live: never in the database (a dump or a replica must not be
 * able to sign as the ministry). Each key is one file `<kid>.jwk` (the kid is the RFC 7638 thumbprint, so files
 * cannot collide and two instances may even share a directory), mode 0600 in a 0700 directory, written under a
 * temporary name and hard-linked into place like the audit key. Keys may also come from the environment
 * (`PASSAGE_EXCHANGE_PRIVATE_KEYS`, a JSON array of private JWKs) for a secrets manager; those are read-only.
 * The database keeps the public halves and the kids.
 */
export class KeyStoreError extends Error {}

// A thumbprint is base64url: anything else could walk out of the directory.
const KID = /^[A-Za-z0-9_-]{20,100}$/

export interface KeyStore {
  readonly dir: string
  read(kid: string): JWK | null
  write(kid: string, jwk: JWK): void
  /** The keys given by the environment, for `ensureOwnKeys` to register. */
  readonly fromEnv: readonly JWK[]
}

/** RFC 7638 thumbprint of an OKP key (the only kind the exchange uses), computed without awaiting. */
function okpThumbprint(jwk: JWK): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x })
  return createHash('sha256').update(canonical).digest('base64url')
}

function parseEnvKeys(raw: string | undefined): JWK[] {
  if (!raw) return []
  let keys: unknown
  try {
    keys = JSON.parse(raw)
  } catch {
    throw new KeyStoreError('PASSAGE_EXCHANGE_PRIVATE_KEYS is not JSON (a JSON array of private JWKs)')
  }
  const okp = (k: unknown): k is JWK =>
    typeof k === 'object' &&
    k !== null &&
    (k as JWK).kty === 'OKP' &&
    typeof (k as JWK).x === 'string' &&
    typeof (k as JWK).d === 'string'
  if (!Array.isArray(keys) || !keys.every(okp))
    throw new KeyStoreError(
      'PASSAGE_EXCHANGE_PRIVATE_KEYS must be a JSON array of private OKP JWKs (with "d")',
    )
  // Named by thumbprint, as the database names them; a kid given that is not the thumbprint is refused.
  return keys.map((k) => {
    const kid = okpThumbprint(k)
    if (k.kid !== undefined && k.kid !== kid)
      throw new KeyStoreError(`PASSAGE_EXCHANGE_PRIVATE_KEYS: kid ${k.kid} is not the key's thumbprint`)
    return { ...k, kid }
  })
}

export function fileKeyStore(dir: string, envKeys?: string): KeyStore {
  const fromEnv = parseEnvKeys(envKeys)
  const fileOf = (kid: string) => {
    if (!KID.test(kid)) throw new KeyStoreError(`not a key id: ${kid.slice(0, 40)}`)
    return join(dir, `${kid}.jwk`)
  }
  return {
    dir,
    fromEnv,
    read(kid) {
      if (!KID.test(kid)) return null
      const given = fromEnv.find((k) => k.kid === kid)
      if (given) return given
      const file = fileOf(kid)
      if (!existsSync(file)) return null
      // Like ssh: a key others can read is no secret any more, so it is refused rather than used.
      if ((statSync(file).mode & 0o077) !== 0)
        throw new KeyStoreError(`${file} must be readable by its owner only (chmod 600 ${file})`)
      return JSON.parse(readFileSync(file, 'utf8')) as JWK
    },
    write(kid, jwk) {
      const file = fileOf(kid)
      mkdirSync(dir, { recursive: true, mode: 0o700 })
      const tmp = `${file}.${process.pid}.tmp`
      writeFileSync(tmp, `${JSON.stringify({ ...jwk, kid })}\n`, { mode: 0o600, flag: 'wx' })
      try {
        linkSync(tmp, file)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      } finally {
        rmSync(tmp, { force: true })
      }
    },
  }
}

let current: KeyStore | undefined

/**
 * The process's key store, set from the configuration at start (and by `buildServer`); read from the environment
 * on first use otherwise. Process-wide like the audit key: every use case that signs reaches it without a new
 * parameter, and instances sharing a process (tests) share one directory safely (files are named by thumbprint).
 */
export function configureKeyStore(config: Pick<Config, 'exchangeKeyDir' | 'exchangePrivateKeys'>): KeyStore {
  if (current?.dir !== config.exchangeKeyDir || config.exchangePrivateKeys)
    current = fileKeyStore(config.exchangeKeyDir, config.exchangePrivateKeys)
  return current
}

export function keyStore(): KeyStore {
  current ??= configureKeyStore(loadConfig())
  return current
}

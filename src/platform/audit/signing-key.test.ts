import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { formatVerifierKey, verifierOf } from './signed-note.ts'
import { loadOrCreateSigningKey, readSigningKey } from './signing-key.ts'

const dir = mkdtempSync(join(tmpdir(), 'passage-key-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const publicOf = (file: string) => formatVerifierKey(verifierOf('t/audit', loadOrCreateSigningKey(file)))

describe('the checkpoint signing key', () => {
  it('is created once, owner-only, and the same key is read back by everyone after', () => {
    const file = join(dir, 'keys', 'signing.pem')
    expect(readSigningKey(file)).toBeUndefined()
    const keys = Array.from({ length: 5 }, () => publicOf(file))
    expect(new Set(keys).size).toBe(1)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(statSync(join(dir, 'keys')).mode & 0o777).toBe(0o700)
  })

  it('is refused when others can read it, and when it is not an Ed25519 key', () => {
    const file = join(dir, 'keys', 'signing.pem')
    chmodSync(file, 0o644)
    expect(() => loadOrCreateSigningKey(file)).toThrow(/chmod 600/)
    const notAKey = join(dir, 'rsa.pem')
    writeFileSync(notAKey, 'not a key', { mode: 0o600 })
    expect(() => readSigningKey(notAKey)).toThrow()
  })
})

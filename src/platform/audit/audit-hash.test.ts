import { describe, expect, it } from 'vitest'
import { auditHash, canonicalJson, GENESIS_HASH } from './audit-hash.ts'

const entry = {
  seq: 1,
  at: new Date('2026-01-02T03:04:05.678Z'),
  actorId: null,
  actorUsername: 'system',
  action: 'seed',
  resource: 'reference',
  recordId: null,
  ip: null,
  details: { b: 1, a: [{ y: 2, x: 1 }] },
}

describe('audit hashing', () => {
  it('serialises objects with sorted keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }] })).toBe('{"a":[{"x":1,"y":2}],"b":1}')
  })
  it('gives the same hash for the same entry whatever the key order', () => {
    expect(auditHash(GENESIS_HASH, entry)).toBe(
      auditHash(GENESIS_HASH, { ...entry, details: { a: [{ x: 1, y: 2 }], b: 1 } }),
    )
  })
  it('changes the hash when any field or the previous hash changes', () => {
    const base = auditHash(GENESIS_HASH, entry)
    expect(auditHash(GENESIS_HASH, { ...entry, actorUsername: 'admin' })).not.toBe(base)
    expect(auditHash('f'.repeat(64), entry)).not.toBe(base)
  })
})

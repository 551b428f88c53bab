import fc from 'fast-check'
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

  it('writes canonical JSON exactly as the plain definition does, for any value (stored hashes stay valid)', () => {
    // The definition the chain's stored hashes were computed with, before the loops.
    const definition = (value: unknown): string => {
      if (Array.isArray(value)) return `[${value.map(definition).join(',')}]`
      if (value && typeof value === 'object') {
        const entries = Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${definition(v)}`).join(',')}}`
      }
      return JSON.stringify(value ?? null)
    }
    const value = fc.anything({
      maxDepth: 3,
      withSparseArray: true,
      withNullPrototype: true,
      withDate: true,
      withBigInt: false,
      key: fc.string({ unit: 'binary' }),
    })
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(definition(v))
      }),
      { numRuns: 200 },
    )
    expect(canonicalJson({ b: 1, a: [undefined, { d: undefined, c: 'ស្រី' }] })).toBe(
      '{"a":[null,{"c":"ស្រី"}],"b":1}',
    )
  })
})

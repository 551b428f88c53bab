import { describe, expect, it } from 'vitest'
import { DEFAULT_RULE_SET } from './default-rule-set.ts'
import { canonicalJson, fingerprint } from './fingerprint.ts'

describe('fingerprint', () => {
  it('ignores key order and undefined values', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: undefined, c: 'x' }] })).toBe('{"a":[2,{"c":"x"}],"b":1}')
    expect(fingerprint({ b: 1, a: 2 })).toBe(fingerprint({ a: 2, b: 1 }))
  })

  it('changes when any part of a rule set changes', () => {
    const base = fingerprint(DEFAULT_RULE_SET)
    const copy = structuredClone(DEFAULT_RULE_SET)
    expect(fingerprint(copy)).toBe(base)
    copy.indicators[3]!.weight += 1
    expect(fingerprint(copy)).not.toBe(base)
    expect(base).toMatch(/^[0-9a-f]{16}$/)
  })
})

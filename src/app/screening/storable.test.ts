import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { storableJson, storableText } from './storable.ts'

/** The definition: every string value made storable by a replacer (what the fast path must always equal). */
const byReplacer = (value: unknown) =>
  JSON.stringify(value, (_key, v) => (typeof v === 'string' ? storableText(v) : v))

// Strings rich in what PostgreSQL refuses: NUL, lone high and low surrogates, and text that merely looks escaped.
const hostile = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\uD83D\uDE00', '\\u0000', '\\ud800', 'ok', 'ស្រី'),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''))

describe('storable JSON', () => {
  it('equals the replacer definition for any value, hostile strings included, and stores no NUL or lone surrogate', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        hostile,
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(hostile, tie('node'), { maxKeys: 4 }),
      ),
    })).node
    fc.assert(
      fc.property(value, (v) => {
        const out = storableJson(v)
        expect(out).toBe(byReplacer(v))
        // Values are cleaned (keys are the caller's): a string value never carries a NUL once parsed back.
        if (typeof v === 'string') expect(JSON.parse(out)).not.toMatch(/\u0000/)
      }),
      { numRuns: 1000 },
    )
  })

  it('replaces a NUL and a lone surrogate in a nested value, and leaves a pair and Khmer text unchanged', () => {
    expect(JSON.parse(storableJson({ a: ['x\u0000y', { b: 'z\uD800' }], c: '😀 ស្រី' }))).toEqual({
      a: ['x\uFFFDy', { b: 'z\uFFFD' }],
      c: '😀 ស្រី',
    })
  })
})

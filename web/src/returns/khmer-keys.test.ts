import { describe, expect, it } from 'vitest'
import { keyLabel } from './khmer-keys.ts'
import { FLAG_KEYS, NEED_KEYS } from './types.ts'

describe('keyLabel', () => {
  it('shows the Latin capital in English and the key’s Khmer character in Khmer', () => {
    expect(keyLabel('m', 'en')).toBe('M')
    expect(keyLabel('m', 'km')).toBe('ម')
    expect(keyLabel('t', 'km')).toBe('ត')
  })

  it('writes a dependent vowel on a dotted circle', () => {
    expect(keyLabel('u', 'km')).toBe('◌ុ')
    expect(keyLabel('w', 'km')).toBe('◌ឹ')
  })

  it('gives every chip key a Khmer label with no Latin letter in it', () => {
    for (const key of [...Object.values(FLAG_KEYS), ...Object.values(NEED_KEYS)]) {
      expect(keyLabel(key, 'km')).toMatch(/^[\u25cc\u1780-\u17ff]+$/)
    }
  })

  it('falls back to the key itself for a key the layout table does not name', () => {
    expect(keyLabel('1', 'km')).toBe('1')
  })
})

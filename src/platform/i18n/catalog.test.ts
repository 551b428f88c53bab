import { describe, expect, it } from 'vitest'
import { catalogs, format, translate } from './catalog.ts'

describe('message catalogs', () => {
  it('have the same keys in English and Khmer, none empty', () => {
    const { en, km } = catalogs()
    const enKeys = Object.keys(en).sort()
    const kmKeys = Object.keys(km).sort()
    expect(kmKeys.filter((k) => !(k in en))).toEqual([])
    expect(enKeys.filter((k) => !(k in km))).toEqual([])
    for (const [key, value] of [...Object.entries(en), ...Object.entries(km)]) {
      expect(value.trim(), key).not.toBe('')
    }
  })

  it('use the same placeholders in both languages', () => {
    const { en, km } = catalogs()
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const key of Object.keys(en)) expect(names(km[key] ?? ''), key).toEqual(names(en[key] ?? ''))
  })

  it('write Khmer messages in Khmer script', () => {
    const { km } = catalogs()
    const latinOnly = Object.entries(km).filter(([, v]) => !/[\u1780-\u17FF]/.test(v))
    // A few messages are legitimately code-like (e.g. "PGlite"); they must be listed here explicitly.
    expect(latinOnly.map(([k]) => k)).toEqual([])
  })

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(format('Hello {name}, {missing}', { name: 'Sokha' })).toBe('Hello Sokha, {missing}')
  })

  it('falls back to the key for an unknown message', () => {
    expect(translate('km', 'nope.nothing')).toBe('nope.nothing')
  })
})

describe('translate with number parameters', () => {
  it('writes a number in Khmer digits in Khmer, and leaves strings and English alone', () => {
    expect(translate('km', 'statistics.errors.filterIsolatesSmallGroup', { threshold: 10 })).toContain('១០')
    expect(translate('km', 'statistics.errors.filterIsolatesSmallGroup', { threshold: 10 })).not.toMatch(
      /[0-9]/,
    )
    expect(translate('en', 'statistics.errors.filterIsolatesSmallGroup', { threshold: 10 })).toContain('10')
    expect(translate('km', 'statistics.errors.filterIsolatesSmallGroup', { threshold: '10' })).toContain('10')
  })
})

import { describe, expect, it } from 'vitest'
import { compareNames } from './compare-names.ts'

describe('Khmer given names that look or read alike (issue 19)', () => {
  it('compares Khmer with Khmer in the script: another spelling is another name', () => {
    // គន់ and គុណ are both "Kun" in Latin letters; in Khmer they are two names.
    const kun = compareNames('សុខ គន់', 'សុខ គុណ')
    expect(kun.decision).not.toBe('match')
    expect(kun.explanation.parts.find((p) => p.a === 'គន់')?.method).toBe('near-miss')
    // Serey and Srey.
    expect(compareNames('ហួត សិរី', 'ហួត ស្រី').decision).not.toBe('match')
    expect(compareNames('សុខ គន់', 'សុខ គន់').decision).toBe('match')
  })

  it('keeps a vowel slip in a long Khmer name a possible match', () => {
    // The same consonants, one vowel apart, in a name of three: Hun Manet misspelt.
    expect(compareNames('ហ៊ុន ម៉ាណាត', 'ហ៊ុន ម៉ាណែត').decision).toBe('possible')
  })

  it('leaves a Khmer name against a Latin given name that fits several Khmer names at possible', () => {
    const r = compareNames('ហេង គន់', 'Heng Kun')
    expect(r.decision).toBe('possible')
    expect(r.explanation.notes).toContainEqual({ messageKey: 'screening.note.khmerVowelsLost' })
    // Only the names are capped: an agreeing birth date still makes the match.
    const withDate = compareNames(
      { name: 'ហេង គន់', birthDate: '1990-04-12' },
      { name: 'Heng Kun', birthDate: '1990-04-12' },
    )
    expect(withDate.decision).toBe('match')
    // A given name whose Latin spelling keeps its vowels is still a match by name alone.
    expect(compareNames('សុខ ដារ៉ា', 'Sok Dara').decision).toBe('match')
    // Latin against Latin is untouched.
    expect(compareNames('Heng Kun', 'Heng Kun').decision).toBe('match')
  })
})

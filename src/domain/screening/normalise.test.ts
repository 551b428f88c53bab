import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  cleanName,
  foldLatin,
  icaoTransliterate,
  MAX_NAME_LENGTH,
  MAX_NAME_PARTS,
  splitWords,
} from './normalise.ts'

describe('foldLatin', () => {
  it('folds Vietnamese diacritics and Đ, which NFKD alone leaves alone', () => {
    expect(foldLatin('Nguyễn')).toBe('nguyen')
    expect(foldLatin('Đặng')).toBe('dang')
    expect(foldLatin('đỗ')).toBe('do')
  })

  it('folds Western diacritics and special letters to plain ASCII', () => {
    expect(foldLatin('Müller')).toBe('muller')
    expect(foldLatin('Søren')).toBe('soren')
    expect(foldLatin('Straße')).toBe('strasse')
    expect(foldLatin('Łukasz')).toBe('lukasz')
  })

  it('transliterates Cyrillic after the ICAO table', () => {
    expect(foldLatin('Сергей')).toBe('sergei')
    expect(foldLatin('Лавров')).toBe('lavrov')
  })
})

describe('icaoTransliterate', () => {
  it('writes Ä Ö Ü Å ß as two letters, as the MRZ does', () => {
    expect(icaoTransliterate('Müller')).toBe('mueller')
    expect(icaoTransliterate('Åsa')).toBe('aasa')
    expect(icaoTransliterate('Östergård')).toBe('oestergaard')
    expect(icaoTransliterate('Straße')).toBe('strasse')
  })
})

describe('cleanName and splitWords', () => {
  it('drops emoji, control and format characters', () => {
    expect(splitWords('😀 Sok\u0000 \u200BDara\u0007')).toEqual(['Sok', 'Dara'])
  })

  it('splits on hyphens, commas and dots and drops apostrophes', () => {
    expect(splitWords('KIM Jong-un')).toEqual(['KIM', 'Jong', 'un'])
    expect(splitWords("O'Brien, J.")).toEqual(['OBrien', 'J'])
  })

  it('separates Khmer script from Latin and on Khmer punctuation', () => {
    expect(splitWords('ជា សុខា(Chea)')).toEqual(['ជា', 'សុខា', 'Chea'])
    expect(splitWords('សុខ។ដារា')).toEqual(['សុខ', 'ដារា'])
  })

  it('drops honorifics unless nothing else is left', () => {
    expect(splitWords('Mr. Rami Makhlouf')).toEqual(['Rami', 'Makhlouf'])
    expect(splitWords('លោក ហ៊ុន')).toEqual(['ហ៊ុន'])
    expect(splitWords('Mr')).toEqual(['Mr'])
  })

  it('caps a 10,000-character name and its number of parts', () => {
    expect(cleanName('x'.repeat(10_000)).length).toBe(MAX_NAME_LENGTH)
    expect(splitWords('ab '.repeat(5_000)).length).toBe(MAX_NAME_PARTS)
  })

  it('never throws, whatever the script or code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const words = splitWords(s)
        for (const w of words) foldLatin(w)
        expect(words.length).toBeLessThanOrEqual(MAX_NAME_PARTS)
      }),
      { numRuns: 120 },
    )
  })
})

import { describe, expect, it } from 'vitest'
import { burmeseSyllables, readBurmese } from './burmese.ts'
import { compareNames } from './compare-names.ts'
import { parseName } from './name-parts.ts'

describe('Burmese names', () => {
  it('cuts a name written without spaces into its syllables, finals and stacked consonants kept', () => {
    expect(burmeseSyllables('ကျော်ကျော်ခိုင်')).toEqual(['ကျော်', 'ကျော်', 'ခိုင်'])
    // The creaky-tone dot comes between the final and its asat (င့်): still one syllable.
    expect(burmeseSyllables('ဝင်းမြင့်')).toEqual(['ဝင်း', 'မြင့်'])
    // A stacked consonant closes one syllable and opens the next (နန် + ဒာ).
    expect(burmeseSyllables('နန္ဒာ')).toEqual(['နန္', 'ဒာ'])
  })

  it('reads each syllable the way Burmese names are spelt in Latin letters', () => {
    const usual = (w: string) => readBurmese(w)[0]
    expect(usual('ကျော်')).toBe('kyaw')
    expect(usual('မြင့်')).toBe('myint')
    expect(usual('ညွန့်')).toBe('nyunt')
    expect(usual('အောင်')).toBe('aung')
    expect(usual('ရွှေ')).toBe('shwe')
    expect(usual('အေး')).toBe('aye')
    expect(usual('ဦး')).toBe('oo')
    expect(usual('လှိုင်')).toBe('hlaing')
    expect(usual('သိန်း')).toBe('thein')
    expect(readBurmese('ထွန်း')).toEqual(expect.arrayContaining(['htun', 'tun']))
  })

  it('meets the Latin spelling word for word, and says it read Burmese', () => {
    const r = compareNames('ကျော်ကျော်ခိုင်', 'Kyaw Kyaw Khaing')
    expect(r.decision).toBe('match')
    expect(r.explanation.parts[0]).toMatchObject({
      script: 'myanmar',
      messageKey: 'screening.part.script.myanmar',
    })
    expect(compareNames('အောင်ဆန်းစုကြည်', 'Aung San Suu Kyi').decision).toBe('match')
    expect(compareNames('ထွန်းမြင့်အောင်', 'Tun Myint Aung').decision).toBe('match')
  })

  it('keeps different Burmese names apart', () => {
    expect(compareNames('ကျော်ကျော်ခိုင်', 'Zaw Win Naing').decision).toBe('no-match')
    // One syllable of three differs: never a match.
    expect(compareNames('ကျော်ကျော်ခိုင်', 'Kyaw Kyaw Min').decision).not.toBe('match')
  })

  it('refuses marks without a letter and stays bounded on a huge name', () => {
    expect(parseName('\u103A\u1037\u1038').parts).toEqual([])
    expect(compareNames('\u103A\u1037\u1038', 'Aung').score).toBe(0)
    const huge = 'ကျော်'.repeat(2000)
    const r = compareNames(huge, 'Kyaw')
    expect(r.score).toBeLessThan(1)
    expect(parseName(huge).parts.length).toBeLessThanOrEqual(12)
  })
})

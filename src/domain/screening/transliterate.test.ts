import { describe, expect, it } from 'vitest'
import { CandidateIndex } from './candidate-index.ts'
import { compareNames } from './compare-names.ts'
import { parseName } from './name-parts.ts'

const decision = (a: string, b: string) => compareNames(a, b).decision

describe('names in other scripts meet their Latin spellings', () => {
  it('reads Chinese as pinyin in either order, and says which reading matched', () => {
    const result = compareNames('王伟', 'Wei Wang')
    expect(result.decision).toBe('match')
    const wang = result.explanation.parts.find((p) => p.a === '王')!
    expect(wang).toMatchObject({
      script: 'han',
      messageKey: 'screening.part.script.han',
      method: 'transliteration',
    })
    expect(wang.params).toMatchObject({ native: '王', reading: 'Wáng', other: 'Wang' })
    expect(decision('习近平', 'Xi Jinping')).toBe('match')
  })

  it('reads Chinese in Wade–Giles too, and a polyphonic surname by its surname reading', () => {
    expect(decision('毛泽东', 'Mao Tse-tung')).not.toBe('no-match')
    expect(decision('习近平', 'Hsi Chin-ping')).not.toBe('no-match')
    expect(parseName('单').parts[0]!.forms).toContain('shan')
  })

  it('reads Arabic in presentation forms (copied from a PDF) as its letters', () => {
    // ﻤﺤﻤﺪ ﻛﺮﻴﻡ is محمد كريم in the shapes letters take inside a word.
    const shaped = compareNames('ﻤﺤﻤﺪ ﻛﺮﻴﻡ', 'Mohammad Karim')
    expect(shaped.decision).toBe('match')
    expect(shaped.score).toBe(compareNames('محمد كريم', 'Mohammad Karim').score)
  })

  it('drops the joined article from a short Arabic word too (الحق Haq)', () => {
    expect(compareNames('عبد الحق', 'Abdul Haq').decision).not.toBe('no-match')
  })

  it('keeps one syllable apart in Chinese apart', () => {
    expect(decision('王伟', 'Wang Wen')).toBe('no-match')
  })

  it('reads Korean (passport surnames, McCune–Reischauer), Cyrillic, Greek, Thai, Lao and Devanagari', () => {
    expect(decision('김정은', 'Kim Jong Un')).toBe('match')
    expect(decision('Владимир Путин', 'Vladimir Putin')).toBe('match')
    expect(decision('Володимир Зеленський', 'Volodymyr Zelenskyy')).toBe('match')
    expect(decision('Κυριάκος Μητσοτάκης', 'Kyriakos Mitsotakis')).toBe('match')
    expect(decision('ทักษิณ ชินวัตร', 'Thaksin Shinawatra')).toBe('match')
    expect(decision('ທອງລຸນ ສີສຸລິດ', 'Thongloun Sisoulith')).not.toBe('no-match')
    expect(decision('नरेन्द्र मोदी', 'Narendra Modi')).toBe('match')
  })

  it('compares Arabic by consonant skeleton, article dropped', () => {
    expect(decision('صدام حسين التكريتي', 'SADDAM HUSSEIN AL-TIKRITI')).not.toBe('no-match')
    expect(decision('محمد بن سلمان', 'Mohammed bin Salman')).not.toBe('no-match')
    expect(decision('صدام حسين التكريتي', 'Sok Chan')).toBe('no-match')
  })

  it('reads Arabic skeletons from the letters, with Maghreb and article spellings', () => {
    // A Latin reading would join ص+ح of صحراوي into "sh"; the letters give s-h-r like Sahraoui.
    expect(decision('نسيم صحراوي', 'Nessim Sahraoui')).toBe('match')
    expect(decision('جمال قاسمي', 'Djamel Gasmi')).toBe('match')
    expect(decision('عبد الرحمن ياسين', 'Abdul Rahman Yasin')).not.toBe('no-match')
  })

  it('spells Korean syllables one by one, as passports do, and Cyrillic ks as x', () => {
    expect(decision('윤석열', 'Yoon Suk Yeol')).not.toBe('no-match')
    expect(decision('Александр Лукашенко', 'Alexander Lukashenko')).toBe('match')
  })

  it('never compares two Latin spellings by skeleton: Mahmud is not Mohamed', () => {
    const result = compareNames('Mahmud Karimi', 'Mohamed Karimi')
    expect(result.explanation.parts.every((p) => p.method !== 'transliteration')).toBe(true)
    expect(result.decision).not.toBe('match')
  })

  it('keeps different people of different scripts apart', () => {
    expect(decision('ทักษิณ ชินวัตร', 'Somchai Wongsawat')).toBe('no-match')
    expect(decision('김정은', 'Park Geun-hye')).toBe('no-match')
  })
})

describe('Khmer look-alike given names of different people', () => {
  it('a given name one syllable away is a near miss: possible at most, and no hit on a common surname', () => {
    const rare = compareNames('ស៊ុំ សុខុម', 'Sum Sokhorn')
    expect(rare.decision).toBe('possible')
    expect(rare.explanation.parts.find((p) => p.method === 'near-miss')?.messageKey).toBe(
      'screening.part.nearMiss',
    )
    expect(decision('សុខ សុខុម', 'Sok Sokhorn')).toBe('no-match')
    expect(decision('ស៊ុំ សុខុម', 'Sum Sokhom')).toBe('match')
  })

  it('vowel spellings of the same Khmer name still match (ពេជ្រ Pich, វិចិត្រ Vichetr)', () => {
    expect(decision('ជា ពេជ្រ', 'CHEA PICH')).toBe('match')
    expect(decision('សេង វិចិត្រ', 'Seng Vichetr')).toBe('match')
  })
})

describe('hostile names in other scripts', () => {
  it('a name of combining marks only, or symbols only, matches nothing', () => {
    expect(parseName('\u0301\u0302\u0303').parts).toEqual([])
    expect(compareNames('\u0E48\u0E49', '\u0E48\u0E49').score).toBe(0)
    expect(compareNames('\u0301\u0301', 'A').score).toBe(0)
  })

  it('cuts mixed scripts, drops right-to-left overrides and unassigned code points', () => {
    expect(parseName('Wang王伟').parts.map((p) => p.script)).toEqual(['latin', 'foreign', 'foreign'])
    expect(decision('\u202Eمحمد\u202C بن سلمان', 'Mohammed bin Salman')).not.toBe('no-match')
    expect(decision('王\u{E0FFF}伟\u0378', 'Wang Wei')).toBe('match')
  })

  it('a 10,000-character name costs no more than a long one and never matches on nothing', () => {
    const huge = '王'.repeat(10_000)
    const parsed = parseName(huge)
    expect(parsed.parts.length).toBeLessThanOrEqual(12)
    expect(compareNames(huge, 'Wang Wei').decision).not.toBe('match')
    expect(compareNames('ع', 'A').decision).toBe('no-match')
  })
})

describe('the candidate index finds names across scripts', () => {
  it('an Arabic, Chinese or Thai query finds the Latin entry, and a Latin query the Arabic one', () => {
    const index = new CandidateIndex()
    index.add({ id: 'ar', names: ['محمد حمزة زبيدي'] })
    index.add({ id: 'la', names: ['Saddam Hussein al-Tikriti'] })
    index.add({ id: 'cn', names: ['Wang Wei'] })
    index.add({ id: 'th', names: ['Thaksin Shinawatra'] })
    for (let i = 0; i < 100; i++) index.add({ id: `f${i}`, names: [`Filler${i} Person${i % 7}`] })
    expect(index.search({ name: 'صدام حسين التكريتي' }, { limit: 1 }).map((h) => h.id)).toEqual(['la'])
    expect(index.search({ name: '王伟' }, { limit: 1 }).map((h) => h.id)).toEqual(['cn'])
    expect(index.search({ name: 'ทักษิณ ชินวัตร' }, { limit: 1 }).map((h) => h.id)).toEqual(['th'])
    expect(index.search({ name: 'Muhammad Hamza Zubaidi' }, { limit: 1 }).map((h) => h.id)).toEqual(['ar'])
  })
})

/**
 * Khmer script reading tables: consonants with their series and initial/final values, vowels by series.
 * Values follow UNGEGN (1972) without diacritics, with the spellings Cambodian passports use as the
 * alternative (DC-Cam person-name conventions: Chea not Chéa, Sok not Sŏk, Ouch, Borey, Chhay…).
 */

/** a = first series (a-series, "voiced as â"), o = second series ("voiced as ô"). */
export type Series = 'a' | 'o'

export interface Consonant {
  initial: string
  final: string
  series: Series
  /** Sonorants do not impose their series on a cluster they are the subscript of. */
  sonorant: boolean
}

const c = (initial: string, final: string, series: Series, sonorant = false): Consonant => ({
  initial,
  final,
  series,
  sonorant,
})

export const CONSONANTS: Record<string, Consonant> = {
  ក: c('k', 'k', 'a'),
  ខ: c('kh', 'k', 'a'),
  គ: c('k', 'k', 'o'),
  ឃ: c('kh', 'k', 'o'),
  ង: c('ng', 'ng', 'o', true),
  ច: c('ch', 'ch', 'a'),
  ឆ: c('chh', 'ch', 'a'),
  ជ: c('ch', 'ch', 'o'),
  ឈ: c('chh', 'ch', 'o'),
  ញ: c('nh', 'nh', 'o', true),
  ដ: c('d', 't', 'a'),
  ឋ: c('th', 'th', 'a'),
  ឌ: c('d', 't', 'o'),
  ឍ: c('th', 'th', 'o'),
  ណ: c('n', 'n', 'a', true),
  ត: c('t', 't', 'a'),
  ថ: c('th', 'th', 'a'),
  ទ: c('t', 't', 'o'),
  ធ: c('th', 'th', 'o'),
  ន: c('n', 'n', 'o', true),
  ប: c('b', 'p', 'a'),
  ផ: c('ph', 'p', 'a'),
  ព: c('p', 'p', 'o'),
  ភ: c('ph', 'p', 'o'),
  ម: c('m', 'm', 'o', true),
  យ: c('y', 'y', 'o', true),
  រ: c('r', 'r', 'o', true),
  ល: c('l', 'l', 'o', true),
  វ: c('v', 'v', 'o', true),
  ឝ: c('s', 's', 'a'),
  ឞ: c('s', 's', 'a'),
  ស: c('s', 's', 'a'),
  ហ: c('h', 'h', 'a'),
  ឡ: c('l', 'l', 'a', true),
  អ: c('', '', 'a'),
}

/** Independent vowels stand for a whole syllable nucleus with its own onset. */
export const INDEPENDENT_VOWELS: Record<string, [string, string]> = {
  ឣ: ['a', 'a'],
  ឤ: ['a', 'a'],
  ឥ: ['e', 'i'],
  ឦ: ['ei', 'i'],
  ឧ: ['o', 'u'],
  ឨ: ['ok', 'ouk'],
  ឩ: ['ou', 'u'],
  ឪ: ['ov', 'au'],
  ឫ: ['rue', 'ru'],
  ឬ: ['rueu', 'ru'],
  ឭ: ['lue', 'lu'],
  ឮ: ['lueu', 'lu'],
  ឯ: ['ae', 'e'],
  ឰ: ['ai', 'ay'],
  ឱ: ['ao', 'o'],
  ឲ: ['ao', 'o'],
  ឳ: ['au', 'ao'],
}

/** [primary, alternative] per series, for a dependent vowel sign (or a sign plus nikahit/reahmuk). */
export interface Reading {
  a: [string, string]
  o: [string, string]
}

const r = (a1: string, a2: string, o1: string, o2: string): Reading => ({ a: [a1, a2], o: [o1, o2] })

export const INHERENT: Reading = r('a', 'o', 'o', 'a')
/** Bantoc (៉់) shortens the inherent vowel of a closed syllable: គន់ Kon, ស្រស់ Sros. */
export const INHERENT_SHORT: Reading = r('o', 'a', 'o', 'u')

export const VOWELS: Record<string, Reading> = {
  'ា': r('a', 'a', 'ea', 'a'),
  'ិ': r('e', 'i', 'i', 'e'),
  'ី': r('ey', 'i', 'i', 'ey'),
  'ឹ': r('oe', 'eu', 'eu', 'i'),
  'ឺ': r('eu', 'oe', 'eu', 'ueu'),
  'ុ': r('o', 'u', 'u', 'o'),
  'ូ': r('o', 'ou', 'ou', 'u'),
  'ួ': r('uo', 'ou', 'uo', 'ou'),
  'ើ': r('aeu', 'eu', 'eu', 'oeu'),
  'ឿ': r('oeu', 'eu', 'oeu', 'eu'),
  'ៀ': r('ie', 'ea', 'ie', 'ea'),
  'េ': r('e', 'ei', 'e', 'ei'),
  'ែ': r('ae', 'e', 'e', 'ae'),
  'ៃ': r('ay', 'ai', 'ey', 'ai'),
  'ោ': r('ao', 'o', 'o', 'ou'),
  'ៅ': r('au', 'ao', 'ov', 'ou'),
  'ុំ': r('om', 'um', 'um', 'om'),
  'ំ': r('am', 'om', 'um', 'om'),
  'ាំ': r('am', 'am', 'eam', 'oam'),
  'ះ': r('ah', 'a', 'eah', 'ah'),
  'ាះ': r('ah', 'a', 'eah', 'ah'),
  'ុះ': r('oh', 'uh', 'uh', 'oh'),
  'ោះ': r('aoh', 'oh', 'uoh', 'oh'),
  'េះ': r('eh', 'e', 'eh', 'e'),
  '័': r('a', 'ak', 'oa', 'e'),
  'ា់': r('a', 'o', 'oa', 'a'),
}

export const COENG = '\u17D2'
export const TRIISAP = '\u17CA'
export const MUUSIKATOAN = '\u17C9'
export const BANTOC = '\u17CB'
export const TOANDAKHIAT = '\u17CD'
export const NIKAHIT = '\u17C6'
export const REAHMUK = '\u17C7'
export const SAMYOK = '\u17D0'

export function isDependentVowel(ch: string): boolean {
  const code = ch.charCodeAt(0)
  return code >= 0x17b6 && code <= 0x17c5
}

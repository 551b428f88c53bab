import { burmeseSyllables } from './burmese.ts'
import { transliterateCyrillic } from './cyrillic.ts'
import { splitByScript } from './scripts.ts'

/**
 * Longest name we look at, in UTF-16 code units. Real names are far shorter; the cap keeps a hostile
 * 10,000-character input from costing more than a normal one (comparison is quadratic in parts).
 */
export const MAX_NAME_LENGTH = 300
/** More parts than any real name has; the rest are dropped so alignment stays cheap. */
export const MAX_NAME_PARTS = 12

const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/
const KHMER_WORD = /^[\u1780-\u17FF\u19E0-\u19FF]+$/
const LATIN_LETTER = /\p{Script=Latin}/u

/** Letters NFKD does not decompose into a base letter plus marks (Vietnamese Đ is not Ð, and neither splits). */
const SPECIAL_LETTERS: Record<string, string> = {
  đ: 'd',
  ð: 'd',
  ø: 'o',
  ł: 'l',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
  ĸ: 'k',
  ŋ: 'ng',
  ɲ: 'nh',
}

/** ICAO Doc 9303 Part 3 writes these letters with two Latin letters in the MRZ; plain folding drops the second. */
const ICAO_DIGRAPHS: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  å: 'aa',
  æ: 'ae',
  ø: 'oe',
  œ: 'oe',
  ß: 'ss',
  þ: 'th',
  ĳ: 'ij',
}

/** Honorifics that are not part of anyone's name, in Latin and Khmer script. */
const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mme',
  'mlle',
  'dr',
  'prof',
  'herr',
  'frau',
  'monsieur',
  'madame',
  'លោក',
  'លោកស្រី',
  'អ្នកស្រី',
  'កញ្ញា',
  'ឯកឧត្តម',
])

/**
 * Cuts hostile input down and drops what can never be part of a name: control and format characters,
 * private-use and unassigned code points, lone surrogates, emoji and symbols. Keeps letters, marks,
 * digits and separators.
 */
export function cleanName(input: string): string {
  const capped = input.length > MAX_NAME_LENGTH * 2 ? input.slice(0, MAX_NAME_LENGTH * 2) : input
  // Most names are printable ASCII, where only a few symbols need removing: skip the Unicode passes.
  if (PRINTABLE_ASCII.test(capped)) {
    const kept = capped.replace(/[+<=>|~$^`]/g, ' ')
    return kept.length > MAX_NAME_LENGTH ? kept.slice(0, MAX_NAME_LENGTH) : kept
  }
  const kept = capped
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}]/gu, ' ')
    .replace(/[\p{Extended_Pictographic}\p{So}\p{Sm}\p{Sc}]/gu, ' ')
    .normalize('NFC')
  return kept.length > MAX_NAME_LENGTH ? kept.slice(0, MAX_NAME_LENGTH) : kept
}

function foldWith(table: Record<string, string>, word: string): string {
  let out = ''
  for (const ch of word.toLowerCase()) out += table[ch] ?? SPECIAL_LETTERS[ch] ?? ch
  return out
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]/g, '')
}

/** Case and diacritic folding to ASCII letters: "Nguyễn" → "nguyen", "Đặng" → "dang", "Müller" → "muller". */
export function foldLatin(word: string): string {
  return foldWith({}, transliterateCyrillic(word))
}

/** ICAO Doc 9303 transliteration: like `foldLatin` but Ä → AE, Ö → OE, Ü → UE, Å → AA, as in a passport MRZ. */
export function icaoTransliterate(word: string): string {
  return foldWith(ICAO_DIGRAPHS, transliterateCyrillic(word))
}

export function isKhmerWord(word: string): boolean {
  return KHMER_WORD.test(word)
}

export function hasKhmer(text: string): boolean {
  return KHMER.test(text)
}

export function hasLatin(text: string): boolean {
  return LATIN_LETTER.test(text)
}

/**
 * Splits a cleaned name into words: on spaces, punctuation and hyphens (so "Jong-un" meets "Jong Un";
 * joined forms are handled by the comparison merging neighbouring parts), Khmer script split from Latin.
 * Apostrophes vanish ("O'Brien" is one word). A "Surname, Given" comma form keeps its order; the
 * comparison does not depend on order. Honorifics are dropped unless nothing else is left.
 */
export function splitWords(name: string): string[] {
  const words = cleanName(name)
    .replace(/['’ʼ`´‘]/g, '')
    .replace(/([\u1780-\u17FF]+)/g, ' $1 ')
    .split(/[\s\p{P}\p{Z}\u17D4-\u17DA]+/u)
    .filter((w) => w.length > 0)
  // A Chinese rendering of a foreign name separates its parts with a middle dot (贝拉克·奥巴马) and has no surname to cut.
  const foreignInHan = /[·・]/.test(name)
  const pieces = words.flatMap((w) => splitScripts(w, !foreignInHan))
  const named = pieces.filter((w) => !HONORIFICS.has(w.toLowerCase().replace(/\./g, '')))
  const kept = named.length > 0 ? named : pieces
  return kept.length > MAX_NAME_PARTS ? kept.slice(0, MAX_NAME_PARTS) : kept
}

/** Two-character Chinese surnames; every other Chinese or Korean name starts with a one-character surname. */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '歐陽',
  '司马',
  '司馬',
  '诸葛',
  '諸葛',
  '上官',
  '东方',
  '東方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '남궁',
  '선우',
  '황보',
  '제갈',
  '독고',
])

/**
 * A word mixing scripts is cut where the script changes ("Wang王伟" is two readings of one name, not
 * one word). A Chinese or Korean name written without a space (王伟, 김정은) is cut after its surname,
 * so it meets "Wei Wang" or "Kim Jong Un" in any order, like a Latin name.
 */
function splitScripts(word: string, cutSurname: boolean): string[] {
  if (PRINTABLE_ASCII.test(word)) return [word]
  const out: string[] = []
  for (const { text, script } of splitByScript(word)) {
    const chars = [...text]
    if (cutSurname && (script === 'han' || script === 'hangul') && chars.length >= 2 && chars.length <= 4) {
      const cut = chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1
      out.push(chars.slice(0, cut).join(''), chars.slice(cut).join(''))
    } else if (script === 'myanmar') {
      // Burmese writes a name's syllables without spaces; Latin spellings write each as a word.
      out.push(...burmeseSyllables(text))
    } else out.push(text)
  }
  return out
}

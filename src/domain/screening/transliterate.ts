import anyAscii from 'any-ascii'
import { pinyin } from 'pinyin-pro'
import { burmeseSyllables, readBurmese } from './burmese.ts'
import { transliterateCyrillic } from './cyrillic.ts'
import { hangulReadings } from './hangul.ts'
import { type ForeignScript, SKELETON_SCRIPTS } from './scripts.ts'
import { arabicSkeleton, consonantSkeleton } from './skeleton.ts'

/**
 * Latin readings of a word in another script, so it meets the passport spelling of the same name.
 * Libraries do the reading where a well-kept one exists (ARCHITECTURE.md says why these):
 * - Chinese: `pinyin-pro` (surname readings of polyphonic characters, 单 = Shàn), plus Wade–Giles
 *   derived from the pinyin syllables (Mao Tse-tung, Hsi Chin-p'ing);
 * - Burmese: the spelling convention of Burmese names (`burmese.ts`: no library reads them);
 * - every other script: `any-ascii` (Cyrillic, Greek, Armenian, Georgian, Thai, Lao,
 *   Arabic, Hebrew, Devanagari, Bengali, Ge'ez, kana, Hangul);
 * - Cyrillic also by the ICAO Doc 9303 table (`cyrillic.ts`), the passport form;
 * - Korean also by the passport spellings of common surnames and McCune–Reischauer (`hangul.ts`).
 * Abjads and Brahmic scripts do not write the vowels Latin spellings disagree on, so their words are
 * also compared by consonant skeleton (`skeleton.ts`).
 */
export interface Reading {
  /** Folded ASCII readings, the most usual first. */
  forms: string[]
  /** How an officer would read it ("Wáng", "Thaksin"), for the explanation. */
  display: string
  /** Consonant skeleton, for scripts in `SKELETON_SCRIPTS`; empty otherwise. */
  skeleton: string
}

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z]/g, '')

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Pinyin → Wade–Giles, syllable by syllable: the spelling of older and Taiwanese documents. */
const WADE_GILES: [RegExp, string][] = [
  [/^zhi$/, 'chih'],
  [/^chi$/, 'chih'],
  [/^shi$/, 'shih'],
  [/^ri$/, 'jih'],
  [/^zi$/, 'tzu'],
  [/^ci$/, 'tzu'],
  [/^si$/, 'ssu'],
  [/^you$/, 'yu'],
  [/^zh/, 'ch'],
  [/^q/, 'ch'],
  [/^x/, 'hs'],
  [/^j/, 'ch'],
  [/^z/, 'ts'],
  [/^c(?!h)/, 'ts'],
  [/^r/, 'j'],
  [/^b/, 'p'],
  [/^d/, 't'],
  [/^g/, 'k'],
  [/^ke$/, 'ko'],
  [/ong$/, 'ung'],
  [/ian$/, 'ien'],
  [/ie$/, 'ieh'],
  [/^([kh])e$/, '$1o'],
]

function wadeGiles(syllable: string): string {
  let out = syllable
  for (const [from, to] of WADE_GILES) out = out.replace(from, to)
  return out
}

/** A single character may be a surname, read by the surname reading where it differs (单 Shàn, not Dān). */
function readHan(text: string): Reading {
  const surname = [...text].length === 1
  const options = { type: 'array', surname: surname ? 'all' : 'off' } as const
  const plain = pinyin(text, { ...options, toneType: 'none', v: true }).map(fold)
  const toned = pinyin(text, { ...options, toneType: 'symbol' })
  const forms = [plain.join(''), plain.map(wadeGiles).join('')]
  if (surname) forms.push(...pinyin(text, { type: 'array', toneType: 'none', v: true }).map(fold))
  return { forms, display: capitalise(toned.join('')), skeleton: '' }
}

/** Thai and Lao write some vowels before the consonant they follow, and mark silent letters. */
function reorderIndic(text: string, script: 'thai' | 'lao'): string {
  if (script === 'thai') {
    return text
      .replace(/[\u0E01-\u0E2E][\u0E34-\u0E38]?\u0E4C/g, '')
      .replace(/([\u0E40-\u0E44])([\u0E01-\u0E2E])/g, '$2$1')
  }
  return text.replace(/[\u0E81-\u0EAE]\u0ECC/g, '').replace(/([\u0EC0-\u0EC4])([\u0E81-\u0EAE])/g, '$2$1')
}

/** The Arabic article is written joined (التكريتي, الحق); the Latin form writes it apart or leaves it out. */
function dropArticle(text: string): string {
  return text.length >= 4 && text.startsWith('ال') ? text.slice(2) : text
}

/** Kana spell every consonant with a vowel (バラク baraku): the Latin name has none after the last. */
function dropEchoVowel(form: string): string {
  return form.replace(/([bdfgkmprstz])u$/, '$1').replace(/([bdfgkmprstz])u(?=[bdfgkmprstz])/g, '$1')
}

/**
 * Arabic copied from PDFs often arrives as presentation forms (ﻤﺤﻤﺪ, the shapes a letter takes in a
 * word, U+FB50–U+FDFF and U+FE70–U+FEFF): NFKC gives the letters back (محمد), which the skeleton reads.
 */
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]/

export function readForeign(written: string, script: ForeignScript): Reading | undefined {
  const text = PRESENTATION_FORMS.test(written) ? written.normalize('NFKC') : written
  let reading: Reading
  if (script === 'han') reading = readHan(text)
  else if (script === 'myanmar') {
    const display = burmeseSyllables(text)
      .map((s) => capitalise(readBurmese(s)[0] ?? ''))
      .join(' ')
    reading = { forms: readBurmese(text), display, skeleton: '' }
  } else if (script === 'hangul') {
    const { forms, display } = hangulReadings(text)
    reading = { forms, display, skeleton: '' }
  } else {
    let source = text
    if (script === 'thai' || script === 'lao') source = reorderIndic(source, script)
    if (script === 'arabic') source = dropArticle(source)
    const ascii = anyAscii(source)
    const forms = [fold(ascii)]
    if (script === 'cyrillic') forms.unshift(fold(transliterateCyrillic(text)))
    if (script === 'kana') forms.push(dropEchoVowel(forms[0]!))
    reading = { forms, display: capitalise(ascii.replace(/[^\p{L}'`-]/gu, '')), skeleton: '' }
  }
  reading.forms = [...new Set(reading.forms.filter((f) => f.length > 0))]
  if (reading.forms.length === 0) return undefined
  if (script === 'arabic') reading.skeleton = arabicSkeleton(dropArticle(text))
  else if (SKELETON_SCRIPTS.has(script)) reading.skeleton = consonantSkeleton(reading.forms[0]!)
  return reading
}

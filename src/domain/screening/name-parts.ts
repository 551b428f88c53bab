import { romaniseKhmer } from './khmer-romanise.ts'
import { foldLatin, icaoTransliterate, isKhmerWord, splitWords } from './normalise.ts'
import { type ForeignScript, scriptOfWord } from './scripts.ts'
import { latinSkeleton } from './skeleton.ts'
import { readForeign } from './transliterate.ts'
import { variantKey } from './variants.ts'

/** `foreign`: another script, compared through its Latin readings (`transliterate.ts`). */
export type Script = 'latin' | 'khmer' | 'foreign' | 'other'

/** One word of a name, prepared for comparison. */
export interface NamePart {
  /** As written, cleaned. */
  text: string
  /** Folded ASCII spelling (for Khmer script: the primary romanisation; other scripts: lower-cased text). */
  norm: string
  /** Every spelling worth comparing, `norm` first: ICAO digraph form (Mueller), Khmer romanisations. */
  forms: string[]
  /** Variant keys of `forms`, distinct. */
  keys: string[]
  script: Script
  initial: boolean
  /** For `foreign` parts: which script, and how an officer would read it ("Wáng"). */
  foreign?: ForeignScript
  reading?: string
  /** Consonant skeleton (`skeleton.ts`): of a Latin spelling, or of a word in an abjad or Brahmic script. */
  skeleton?: string
  /** Indexed besides `keys` but never compared as variant keys: the namespaced skeleton. */
  extraKeys?: string[]
  /** Looked up besides `keys` when this part is a query: the other side's skeleton namespace. */
  probeKeys?: string[]
}

/** Skeleton keys live in two namespaces so a Latin query only reaches abjad/Brahmic words and back. */
export const LATIN_SKELETON = '~l:'
export const FOREIGN_SKELETON = '~s:'

export interface ParsedName {
  text: string
  parts: NamePart[]
}

/** Digits inside a word of letters are OCR or leetspeak confusions ("Ig0r Sech1n"). */
const DIGIT_AS_LETTER: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '6': 'g',
  '7': 't',
  '8': 'b',
  '9': 'g',
}

function undigit(word: string): string {
  if (!/[0-9]/.test(word) || !/[a-z]/.test(word)) return word
  return word.replace(/[0-9]/g, (d) => DIGIT_AS_LETTER[d] ?? d)
}

const memo = new Map<string, NamePart | null>()
const MEMO_LIMIT = 100_000

function build(word: string): NamePart | null {
  if (isKhmerWord(word)) {
    const forms = romaniseKhmer(word)
    if (forms.length === 0) return null
    return {
      text: word,
      norm: forms[0]!,
      forms,
      keys: distinct(forms.map(variantKey)),
      script: 'khmer',
      initial: false,
    }
  }
  const script = scriptOfWord(word)
  if (script !== 'latin' && script !== 'khmer' && script !== 'unknown') return buildForeign(word, script)
  const folded = undigit(foldLatin(word))
  if (folded.length === 0) {
    const other = word.toLowerCase()
    if (!/\p{L}/u.test(other)) return null
    return { text: word, norm: other, forms: [other], keys: [other], script: 'other', initial: false }
  }
  const icao = undigit(icaoTransliterate(word))
  const forms = icao !== folded && icao.length > 0 ? [folded, icao] : [folded]
  const skeleton = latinSkeleton(folded)
  const indexed = skeleton.length >= 2
  return {
    text: word,
    norm: folded,
    forms,
    keys: distinct(forms.map(variantKey)),
    script: 'latin',
    initial: folded.length === 1,
    skeleton,
    extraKeys: indexed ? [LATIN_SKELETON + skeleton] : [],
    probeKeys: indexed ? [FOREIGN_SKELETON + skeleton] : [],
  }
}

function buildForeign(word: string, script: ForeignScript): NamePart | null {
  const reading = readForeign(word, script)
  if (!reading) return null
  const skeleton = reading.skeleton
  const indexed = skeleton.length >= 2
  return {
    text: word,
    norm: reading.forms[0]!,
    forms: reading.forms,
    keys: distinct(reading.forms.map(variantKey)),
    script: 'foreign',
    initial: false,
    foreign: script,
    reading: reading.display,
    skeleton,
    extraKeys: indexed ? [FOREIGN_SKELETON + skeleton] : [],
    probeKeys: indexed ? [LATIN_SKELETON + skeleton, FOREIGN_SKELETON + skeleton] : [],
  }
}

function distinct(values: string[]): string[] {
  return [...new Set(values)]
}

/** Prepares one word; `undefined` when nothing of it can be compared (punctuation, symbols). */
export function parsePart(word: string): NamePart | undefined {
  let part = memo.get(word)
  if (part === undefined) {
    part = build(word)
    if (memo.size >= MEMO_LIMIT) memo.clear()
    memo.set(word, part)
  }
  return part ?? undefined
}

export function parseName(name: string): ParsedName {
  const parts: NamePart[] = []
  for (const word of splitWords(name)) {
    const part = parsePart(word)
    if (part) parts.push(part)
  }
  return { text: name, parts }
}

import { romaniseKhmer } from './khmer-romanise.ts'
import { foldLatin, icaoTransliterate, isKhmerWord, splitWords } from './normalise.ts'
import { variantKey } from './variants.ts'

export type Script = 'latin' | 'khmer' | 'other'

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
}

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
  const folded = undigit(foldLatin(word))
  if (folded.length === 0) {
    const other = word.toLowerCase()
    if (!/\p{L}/u.test(other)) return null
    return { text: word, norm: other, forms: [other], keys: [other], script: 'other', initial: false }
  }
  const icao = undigit(icaoTransliterate(word))
  const forms = icao !== folded && icao.length > 0 ? [folded, icao] : [folded]
  return {
    text: word,
    norm: folded,
    forms,
    keys: distinct(forms.map(variantKey)),
    script: 'latin',
    initial: folded.length === 1,
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

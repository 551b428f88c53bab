/**
 * Which writing system a word is in. Screening reads Latin and Khmer itself; every other script it
 * transliterates (`transliterate.ts`). A name may mix scripts ("Wang王伟"): words are cut where the
 * script changes, so each piece is read by its own rules.
 */
export type ForeignScript =
  | 'cyrillic'
  | 'greek'
  | 'armenian'
  | 'georgian'
  | 'han'
  | 'hangul'
  | 'kana'
  | 'thai'
  | 'lao'
  | 'myanmar'
  | 'arabic'
  | 'hebrew'
  | 'devanagari'
  | 'bengali'
  | 'ethiopic'
  | 'indic'

export type WordScript = 'latin' | 'khmer' | ForeignScript | 'unknown'

const TESTS: [WordScript, RegExp][] = [
  ['latin', /[\p{Script=Latin}0-9]/u],
  ['khmer', /\p{Script=Khmer}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['armenian', /\p{Script=Armenian}/u],
  ['georgian', /\p{Script=Georgian}/u],
  ['han', /\p{Script=Han}/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}ー]/u],
  ['thai', /\p{Script=Thai}/u],
  ['lao', /\p{Script=Lao}/u],
  ['myanmar', /\p{Script=Myanmar}/u],
  ['arabic', /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}]/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['bengali', /\p{Script=Bengali}/u],
  ['ethiopic', /\p{Script=Ethiopic}/u],
  [
    'indic',
    /[\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Tibetan}]/u,
  ],
]

const MARK = /\p{M}/u

function charScript(ch: string): WordScript {
  for (const [script, test] of TESTS) if (test.test(ch)) return script
  return 'unknown'
}

/**
 * Cuts a word where its script changes. Combining marks stay with the letter before them; a word
 * that is only marks stays `unknown`, which compares to nothing.
 */
export function splitByScript(word: string): { text: string; script: WordScript }[] {
  const out: { text: string; script: WordScript }[] = []
  for (const ch of word) {
    const last = out[out.length - 1]
    // Marks and script-neutral letters (ʻ, ·) belong to the letters around them.
    const own = MARK.test(ch) ? 'unknown' : charScript(ch)
    const script = own === 'unknown' && last ? last.script : own
    if (last && last.script === script) last.text += ch
    else out.push({ text: ch, script })
  }
  return out
}

/** The script of a word already cut by `splitByScript`. */
export function scriptOfWord(word: string): WordScript {
  for (const ch of word) if (!MARK.test(ch)) return charScript(ch)
  return 'unknown'
}

/**
 * Scripts whose spelling leaves vowels out or writes them unreliably against their Latin forms
 * (abjads and Brahmic abugidas): they are compared by consonant skeleton as well as by reading.
 */
export const SKELETON_SCRIPTS: ReadonlySet<ForeignScript> = new Set([
  'arabic',
  'hebrew',
  'thai',
  'lao',
  'devanagari',
  'bengali',
  'ethiopic',
  'indic',
])

/**
 * Consonant skeleton of a folded (ASCII, lower-case) spelling: what an Arabic, Hebrew, Thai or
 * Devanagari spelling and its Latin forms have in common when the vowels differ or are not written.
 * محمد reads "mhmd" and Mohammed, Muhammad, Mohamed all give "mhmd"; ทักษิณ gives "tksn" like Thaksin.
 *
 * Folded together: the Latin digraphs for one letter (kh, sh/ch, th, dh, gh, ph/bh, zh, the French dj),
 * q/k/g (the Maghreb's g for ق), p/b and v/w (Persian and Arabic spellings), doubled letters and a final h
 * (tāʾ marbūṭa: Fatimah/Fatima). Vowels, w, y and the ʿayn/hamza apostrophes are dropped: Arabic
 * writes them as consonants or not at all where Latin spellings write vowels.
 *
 * A skeleton is weaker evidence than a reading: it is only compared when one side is in such a
 * script (never Latin against Latin), and similarity is capped below an exact reading.
 */
const DIGRAPHS: [RegExp, string][] = [
  [/c(?!h)/g, 'k'],
  [/dj/g, 'j'],
  [/kh/g, 'x'],
  [/[sc]h/g, 'c'],
  [/[td]h/g, 't'],
  [/gh/g, 'g'],
  [/[pb]h/g, 'b'],
  [/zh/g, 'j'],
]

/** q, k and g are one class: the Maghreb writes ق as g (Gasmi, Belgacem), the Gulf ج as g as well. */
const CLASSES: Record<string, string> = { q: 'k', g: 'k', p: 'b', v: '', w: '', y: '', d: 't', z: 's' }

export function consonantSkeleton(folded: string): string {
  let s = folded
  for (const [pattern, to] of DIGRAPHS) s = s.replace(pattern, to)
  let out = ''
  for (const ch of s) {
    if ('aeiou'.includes(ch)) continue
    const mapped = CLASSES[ch] ?? ch
    if (mapped.length === 0 || !/[a-z]/.test(mapped)) continue
    if (out.endsWith(mapped)) continue
    out += mapped
  }
  return out.length > 1 && out.endsWith('h') ? out.slice(0, -1) : out
}

/**
 * Arabic letters (with Persian and Urdu ones) → the classes `consonantSkeleton` gives their Latin
 * spellings. Read from the letters, not from a Latin reading: a reading joins ص+ح into "sh", which
 * would then fold as ش. Alif, waw, ya, hamza and ʿayn are vowels or nothing in Latin spellings; tāʾ
 * marbūṭa is the final -a/-ah.
 */
const ARABIC: Record<string, string> = {
  ب: 'b',
  پ: 'b',
  ت: 't',
  ث: 't',
  ج: 'j',
  چ: 'c',
  ح: 'h',
  خ: 'x',
  د: 't',
  ذ: 't',
  ر: 'r',
  ز: 's',
  ژ: 'j',
  س: 's',
  ش: 'c',
  ص: 's',
  ض: 't',
  ط: 't',
  ظ: 's',
  غ: 'k',
  ف: 'f',
  ق: 'k',
  ك: 'k',
  ک: 'k',
  گ: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ھ: 'h',
}

export function arabicSkeleton(text: string): string {
  let out = ''
  for (const ch of text) {
    const mapped = ARABIC[ch]
    if (mapped === undefined || out.endsWith(mapped)) continue
    out += mapped
  }
  return out.length > 1 && out.endsWith('h') ? out.slice(0, -1) : out
}

/** "Abdul", "Abdel": ʿAbd plus the article of the next word, which the Arabic writes with that word. */
export function latinSkeleton(folded: string): string {
  return /^ab[dt](?:u|e|a|ou)l$/.test(folded) ? 'bt' : consonantSkeleton(folded)
}

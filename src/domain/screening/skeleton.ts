/**
 * Consonant skeleton of a folded (ASCII, lower-case) spelling: what an Arabic, Hebrew, Thai or
 * Devanagari spelling and its Latin forms have in common when the vowels differ or are not written.
 * محمد reads "mhmd" and Mohammed, Muhammad, Mohamed all give "mhmd"; ทักษิณ gives "tksn" like Thaksin.
 *
 * Folded together: the Latin digraphs for one letter (kh, sh/ch, th, dh, gh, ph, zh), q/k, g/j (the
 * Egyptian Gamal for Jamal), p/b and v/w (Persian and Arabic spellings), doubled letters and a final h
 * (tāʾ marbūṭa: Fatimah/Fatima). Vowels, w, y and the ʿayn/hamza apostrophes are dropped: Arabic
 * writes them as consonants or not at all where Latin spellings write vowels.
 *
 * A skeleton is weaker evidence than a reading: it is only compared when one side is in such a
 * script (never Latin against Latin), and similarity is capped below an exact reading.
 */
const DIGRAPHS: [RegExp, string][] = [
  [/c(?!h)/g, 'k'],
  [/kh/g, 'x'],
  [/[sc]h/g, 'c'],
  [/[td]h/g, 't'],
  [/gh/g, 'g'],
  [/ph/g, 'f'],
  [/zh/g, 'j'],
]

const CLASSES: Record<string, string> = { q: 'k', g: 'j', p: 'b', v: '', w: '', y: '', d: 't', z: 's' }

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

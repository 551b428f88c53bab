/**
 * What each letter key types on the standard Khmer keyboard (NiDA, as in Windows and Debian's `kh` layout), unshifted.
 * Chips are toggled by the physical key (`KeyboardEvent.code`), so in the Khmer interface a chip shows the character
 * printed for that key on a Khmer keyboard — ម for M — and works whichever layout the machine has switched on.
 */
const NIDA: Record<string, string> = {
  q: 'ឆ',
  w: 'ឹ',
  e: 'េ',
  r: 'រ',
  t: 'ត',
  y: 'យ',
  u: 'ុ',
  i: 'ិ',
  o: 'ោ',
  p: 'ផ',
  a: 'ា',
  s: 'ស',
  d: 'ដ',
  f: 'ថ',
  g: 'ង',
  h: 'ហ',
  j: '្',
  k: 'ក',
  l: 'ល',
  z: 'ឋ',
  x: 'ខ',
  c: 'ច',
  v: 'វ',
  b: 'ប',
  n: 'ន',
  m: 'ម',
}

// A dependent vowel or the coeng cannot stand alone: written on a dotted circle, as keyboard charts print them.
const DEPENDENT = /^[\u17b6-\u17d2]$/

/** The key's label in the reader's script: the Khmer character on that key, or the Latin capital. */
export function keyLabel(letter: string, locale: 'en' | 'km'): string {
  const khmer = locale === 'km' ? NIDA[letter.toLowerCase()] : undefined
  if (!khmer) return letter.toUpperCase()
  return DEPENDENT.test(khmer) ? `\u25cc${khmer}` : khmer
}

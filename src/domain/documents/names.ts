/**
 * ICAO Doc 9303 Part 3: the primary identifier (surname), `<<`, then the secondary identifiers (given names)
 * separated by `<`, padded with `<`. A name that does not fit is truncated so that the field ends on a letter;
 * a field whose last position is a letter is therefore reported as possibly truncated.
 */
export interface MrzName {
  surname: string
  givenNames: string
  truncated: boolean
  /** A character other than A–Z or `<` was found (a digit, usually an OCR slip). */
  invalidCharacters: boolean
}

const FILLER = 60

/** The runs of letters between fillers, joined by single spaces. */
function words(text: string, start: number, end: number): string {
  let out = ''
  let i = start
  while (i < end) {
    while (i < end && text.charCodeAt(i) === FILLER) i++
    if (i === end) break
    let j = i + 1
    while (j < end && text.charCodeAt(j) !== FILLER) j++
    out = out === '' ? text.slice(i, j) : `${out} ${text.slice(i, j)}`
    i = j
  }
  return out
}

export function readName(text: string, start: number, end: number): MrzName {
  let last = end
  while (last > start && text.charCodeAt(last - 1) === FILLER) last--
  let invalidCharacters = false
  let separator = -1
  for (let i = start; i < last; i++) {
    const c = text.charCodeAt(i)
    if (c === FILLER) {
      if (separator < 0 && text.charCodeAt(i + 1) === FILLER) separator = i
    } else if (c < 65 || c > 90) invalidCharacters = true
  }
  const truncated = last === end && last > start
  if (separator < 0)
    return { surname: words(text, start, last), givenNames: '', truncated, invalidCharacters }
  return {
    surname: words(text, start, separator),
    givenNames: words(text, separator + 2, last),
    truncated,
    invalidCharacters,
  }
}

// Doc 9303 Part 3 transliteration for the Latin letters most often met; anything else loses its diacritics.
const TRANSLITERATION: Readonly<Record<string, string>> = {
  Ä: 'AE',
  Æ: 'AE',
  Å: 'AA',
  Ö: 'OE',
  Ø: 'OE',
  Œ: 'OE',
  Ü: 'UE',
  ß: 'SS',
  Þ: 'TH',
  Ð: 'D',
  Đ: 'D',
  Ł: 'L',
  Ĳ: 'IJ',
}

/** Upper-case A–Z words from a Latin-script name: apostrophes dropped, hyphens and spaces become separators. */
export function toMrzWords(name: string): string[] {
  const upper = name.toUpperCase()
  let out = ''
  for (const ch of upper) out += TRANSLITERATION[ch] ?? ch
  const plain = out.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
  return plain
    .replace(/['’`]/g, '')
    .split(/[^A-Z]+/)
    .filter((w) => w.length > 0)
}

export interface WrittenName {
  field: string
  truncated: boolean
}

/** Writes the name field; when too long it is cut so that it still ends on a letter, as ICAO requires. */
export function writeName(surname: string, givenNames: string, length: number): WrittenName {
  const primary = toMrzWords(surname).join('<')
  const secondary = toMrzWords(givenNames).join('<')
  const full = secondary ? `${primary}<<${secondary}` : primary
  if (full.length <= length) return { field: full.padEnd(length, '<'), truncated: false }
  let cut = full.slice(0, length)
  if (cut.endsWith('<')) {
    // Shorten the component before the separator by one letter and end on the initial of the next one.
    const next = full.slice(length).replace(/^<+/, '')[0] ?? ''
    const fillers = cut.length - cut.replace(/<+$/, '').length
    cut = next ? `${cut.slice(0, length - fillers - 1)}${'<'.repeat(fillers)}${next}` : cut
  }
  return { field: cut, truncated: true }
}

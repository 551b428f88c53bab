import {
  BANTOC,
  COENG,
  CONSONANTS,
  INDEPENDENT_VOWELS,
  INHERENT,
  INHERENT_SHORT,
  isDependentVowel,
  MUUSIKATOAN,
  NIKAHIT,
  REAHMUK,
  type Reading,
  SAMYOK,
  type Series,
  TOANDAKHIAT,
  TRIISAP,
  VOWELS,
} from './khmer-script.ts'

/** Spellings kept per Khmer word; the comparison tries each, so the cap bounds its cost. */
export const MAX_KHMER_FORMS = 8

/** A written cluster: a base letter, its subscripts (after coeng), series shifters, vowel signs, marks. */
interface Cluster {
  base: string
  subs: string[]
  shift?: Series
  vowel: string
  bantoc: boolean
  silent: boolean
}

interface Syllable {
  onset: string
  series: Series
  vowel: string
  /** Letters closing the syllable: the base of the next cluster, plus its subscripts at a word end. */
  coda: string[]
  short: boolean
  /** The subscripts of a split cluster opened this syllable (candidates for a silent Pali ending). */
  fromSplit: boolean
  independent?: [string, string]
}

function parseClusters(word: string): Cluster[] {
  const chars = [...word]
  const out: Cluster[] = []
  let i = 0
  while (i < chars.length) {
    const ch = chars[i]!
    if (!CONSONANTS[ch] && !INDEPENDENT_VOWELS[ch]) {
      i++
      continue
    }
    const cl: Cluster = { base: ch, subs: [], vowel: '', bantoc: false, silent: false }
    i++
    while (i < chars.length) {
      const m = chars[i]!
      if (m === COENG && chars[i + 1] && CONSONANTS[chars[i + 1]!]) {
        cl.subs.push(chars[i + 1]!)
        i += 2
      } else if (m === TRIISAP) {
        cl.shift = 'o'
        i++
      } else if (m === MUUSIKATOAN) {
        cl.shift = 'a'
        i++
      } else if (isDependentVowel(m) || m === NIKAHIT || m === REAHMUK || m === SAMYOK) {
        cl.vowel += m
        i++
      } else if (m === BANTOC) {
        cl.bantoc = true
        i++
      } else if (m === TOANDAKHIAT) {
        cl.silent = true
        i++
      } else if (
        m.charCodeAt(0) >= 0x17b4 &&
        m.charCodeAt(0) <= 0x17dd &&
        !CONSONANTS[m] &&
        !INDEPENDENT_VOWELS[m]
      ) {
        i++
      } else break
    }
    if (!cl.silent) out.push(cl)
  }
  return out
}

/** A cluster's series is its base's, unless a non-sonorant subscript carries its own (ស្ត, but ស្រ stays a). */
function seriesOf(letters: string[], shift?: Series): Series {
  if (shift) return shift
  const base = CONSONANTS[letters[0]!]
  const sub = letters.slice(1).find((l) => !CONSONANTS[l]!.sonorant)
  return sub ? CONSONANTS[sub]!.series : (base?.series ?? 'a')
}

function onsetOf(letters: string[]): string {
  return letters.map((l) => CONSONANTS[l]!.initial).join('')
}

function syllables(clusters: Cluster[]): Syllable[] {
  const out: Syllable[] = []
  let cur: Syllable | undefined
  const open = (letters: string[], cl: Cluster, fromSplit: boolean): Syllable => {
    // Of two subscripts opening a syllable, the first is silent unless the second makes a liquid cluster (ទ្រ).
    const kept =
      fromSplit && letters.length > 1 && !'រល'.includes(letters.at(-1)!) ? letters.slice(-1) : letters
    const independent = INDEPENDENT_VOWELS[cl.base]
    const syl: Syllable = {
      // ប with muusikatoan (ប៉) writes the sound p, as in ប៉ុល Pol.
      onset:
        independent && !fromSplit
          ? ''
          : onsetOf(kept).replace(/^b/, cl.shift === 'a' && cl.base === 'ប' ? 'p' : 'b'),
      series: seriesOf(kept, cl.shift),
      vowel: cl.vowel,
      coda: [],
      short: false,
      fromSplit,
      ...(independent && !fromSplit ? { independent } : {}),
    }
    out.push(syl)
    return syl
  }
  clusters.forEach((cl, k) => {
    const last = k === clusters.length - 1
    const closable =
      cur !== undefined && cur.coda.length === 0 && !/[ំះ]/.test(cur.vowel) && !INDEPENDENT_VOWELS[cl.base]
    if (!closable || !cur) {
      cur = open([cl.base, ...cl.subs], cl, false)
      return
    }
    if (cl.vowel === '') {
      if (last || cl.subs.length === 0) {
        cur.coda = [cl.base, ...cl.subs]
        cur.short = cl.bantoc
        if (!last) cur = undefined
        return
      }
      cur.coda = [cl.base]
      cur = open(cl.subs, cl, true)
      return
    }
    if (cl.subs.length > 0) {
      cur.coda = [cl.base]
      cur = open(cl.subs, cl, true)
      return
    }
    cur = open([cl.base], cl, false)
  })
  return out
}

function codaForms(coda: string[]): string[] {
  if (coda.length === 0) return ['']
  const base = CONSONANTS[coda[0]!]!
  if (coda[1] === coda[0] && 'nlm'.includes(base.final)) return [base.final + base.final, base.final]
  if (coda.slice(1).some((l) => CONSONANTS[l]!.final === 'th')) return ['th', 't']
  switch (base.final) {
    case 't':
      return ['t', 'th']
    case 'p':
      return ['p', 'b']
    case 's':
      return ['s', 'h']
    case 'v':
      return ['v', 'u']
    default:
      return [base.final]
  }
}

function vowelForms(syl: Syllable): [string, string] {
  if (syl.independent) return syl.independent
  let reading: Reading | undefined
  if (syl.vowel === '') reading = syl.short ? INHERENT_SHORT : INHERENT
  else if (syl.vowel === 'ា' && syl.short) reading = VOWELS['ា់']
  else reading = VOWELS[syl.vowel] ?? VOWELS[syl.vowel.slice(0, 1)]
  return reading ? reading[syl.series] : ['', '']
}

/** Options for one syllable, primary first. A word-final Pali ending (ទ្ធិ, ត្តិ) is usually not written. */
function syllableForms(syl: Syllable, prev: Syllable | undefined, isLast: boolean): string[] {
  const vowels = [...new Set(vowelForms(syl))]
  const codas = codaForms(syl.coda)
  const forms: string[] = []
  for (const v of vowels) for (const cd of codas) forms.push(syl.onset + v + cd)
  if (isLast && prev && syl.fromSplit && syl.coda.length === 0 && /^[ិុ]$/.test(syl.vowel)) forms.unshift('')
  return forms
}

/** Joins syllables, writing a geminate or aspirated pair once where passports do (បុប្ផា Bopha, វិជ្ជា Vichea). */
function join(parts: string[], codas: string[]): string {
  let out = ''
  parts.forEach((p, i) => {
    const coda = codas[i - 1]
    if (i > 0 && coda && coda.length > 1 && p.startsWith(coda) && out.endsWith(coda))
      out = out.slice(0, -coda.length)
    else if (i > 0 && coda && p.startsWith(`${coda}h`) && out.endsWith(coda)) out = out.slice(0, -coda.length)
    out += p
  })
  return out
}

/**
 * Romanises one Khmer word into Latin spellings, primary (UNGEGN-like) first, then the spellings a
 * passport is likely to carry. Returns [] for text without Khmer letters.
 */
export function romaniseKhmer(word: string): string[] {
  const syls = syllables(parseClusters(word))
  if (syls.length === 0) return []
  const options = syls.map((s, i) => syllableForms(s, syls[i - 1], i === syls.length - 1))
  const codaLetters = syls.map((s) => (s.coda.length ? CONSONANTS[s.coda[0]!]!.final : ''))
  // Enumerate combinations in order of how many alternatives they use, so the cap keeps the likely ones.
  let combos: number[][] = [[]]
  for (const opts of options) {
    const next: number[][] = []
    for (const combo of combos) for (let j = 0; j < opts.length; j++) next.push([...combo, j])
    next.sort((x, y) => x.reduce((s, n) => s + n, 0) - y.reduce((s, n) => s + n, 0))
    combos = next.slice(0, 64)
  }
  const forms = new Set<string>()
  for (const combo of combos) {
    const parts = combo.map((j, i) => options[i]![j]!)
    const codas = parts.map((part, i) => (part.endsWith(codaLetters[i]!) ? codaLetters[i]! : ''))
    const form = join(parts, codas)
    if (form) forms.add(form)
    if (forms.size >= MAX_KHMER_FORMS) break
  }
  return [...forms]
}

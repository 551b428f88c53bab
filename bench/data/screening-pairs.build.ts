/**
 * Builds `screening-pairs.jsonl`, the labelled evaluation set of the screening bench, deterministically.
 * Run from the repository root: `npx tsx bench/data/screening-pairs.build.ts [path/to/kname-khmer_names.json]`.
 * The Khmer names come from the kname file (MIT), the repository's copy in `src/test/fixtures/` by default.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as S from './screening-pairs.sources.ts'

export interface LabelledPair {
  id: string
  a: string
  b: string
  aBirthDate?: string
  bBirthDate?: string
  match: boolean
  category: string
  source: string
  /** `dev` pairs may be looked at while tuning the matcher; `test` pairs are held out. */
  split: 'dev' | 'test'
}

const here = dirname(fileURLToPath(import.meta.url))
const KNAME = process.argv[2] ?? join(here, '..', '..', 'src', 'test', 'fixtures', 'kname-khmer_names.json')

let seed = 20260401
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
const chance = (p: number) => random() < p

function hash(text: string): number {
  let h = 2166136261
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0
  return h
}
/** About 30 % dev, decided by a stable key so related pairs fall on the same side. */
const splitOf = (key: string): 'dev' | 'test' => (hash(key) % 10 < 3 ? 'dev' : 'test')

const pairs: LabelledPair[] = []
const seen = new Set<string>()
function add(p: Omit<LabelledPair, 'id' | 'split'>, splitKey: string): void {
  const key = [p.a, p.b].sort().join('\u0000') + (p.aBirthDate ?? '') + (p.bBirthDate ?? '')
  if (p.a === p.b && !p.aBirthDate && p.category !== 'nomenklatura') return
  if (seen.has(key)) return
  seen.add(key)
  const n = pairs.filter((x) => x.category === p.category).length + 1
  pairs.push({ id: `${p.category}-${n}`, ...p, split: splitOf(splitKey) })
}

const fold = (s: string) => s.replace(/Đ/g, 'D').replace(/đ/g, 'd').normalize('NFKD').replace(/\p{M}/gu, '')

/** One keyboard-plausible typo in one part of five letters or more. */
function typo(name: string): string | undefined {
  const parts = name.split(' ')
  const long = parts.map((p, i) => [p, i] as const).filter(([p]) => p.length >= 5)
  if (long.length === 0) return undefined
  const [word, i] = pick(long)
  const pos = 1 + Math.floor(random() * (word.length - 2))
  const letters = 'aeioulnrstmkh'
  let out: string
  switch (Math.floor(random() * 4)) {
    case 0:
      out = word.slice(0, pos) + word.slice(pos + 1)
      break
    case 1:
      out = word.slice(0, pos) + word[pos + 1] + word[pos] + word.slice(pos + 2)
      break
    case 2:
      out = word.slice(0, pos) + pick([...letters]) + word.slice(pos)
      break
    default:
      out = word.slice(0, pos) + pick([...letters].filter((l) => l !== word[pos])) + word.slice(pos + 1)
  }
  if (out === word) return undefined
  parts[i] = out
  return parts.join(' ')
}

// ---- Khmer (kname, MIT) -------------------------------------------------------------------------------

interface KnameRow {
  givenName: string
  surname: string
  romanizedGiven: string
  romanizedSurname: string
}

/** Romanisation differences documented for Khmer person names (DC-Cam 1998; research §3.1). */
const KHMER_RULES: [RegExp, string][] = [
  [/^Chh/, 'Ch'],
  [/^Ch(?!h)/, 'Chh'],
  [/^Kh/, 'K'],
  [/^K(?!h)/, 'Kh'],
  [/^Th/, 'T'],
  [/^Ph/, 'P'],
  [/^P(?!h)/, 'Ph'],
  [/k$/, 'kh'],
  [/t$/, 'th'],
  [/th$/, 't'],
  [/([aeiou])([nlm])$/, '$1$2$2'],
  [/nn$/, 'n'],
  [/ll$/, 'l'],
  [/ou/, 'u'],
  [/oeu/, 'eu'],
  [/eu/, 'oeu'],
  [/ea/, 'ia'],
  [/ey$/, 'ei'],
  [/y$/, 'i'],
  [/([aeiou])$/, '$1r'],
  [/([ae])$/, '$1h'],
  [/ong$/, 'orng'],
  [/ao/, 'o'],
]

function khmerVariant(word: string): string {
  const rules = KHMER_RULES.filter(([re]) => re.test(word))
  if (rules.length === 0) return word
  const [re, to] = pick(rules)
  return word.replace(re, to)
}

/** Latin spellings that differ by a doubled letter only cannot tell two Khmer names apart. */
const sameLatin = (x: string, y: string) => x.replace(/(.)\1/g, '$1') === y.replace(/(.)\1/g, '$1')

function khmerPairs(): void {
  const rows = JSON.parse(readFileSync(KNAME, 'utf8')) as KnameRow[]
  const people = [...new Map(rows.map((r) => [`${r.surname} ${r.givenName}`, r])).values()]
  const latin = (r: KnameRow) => `${r.romanizedSurname} ${r.romanizedGiven}`
  const khmer = (r: KnameRow) => `${r.surname} ${r.givenName}`
  const source = 'kname'
  for (const r of people.filter(() => chance(0.22))) {
    const form = pick(['surname-first', 'given-first', 'upper', 'joined'])
    const b =
      form === 'given-first'
        ? `${r.romanizedGiven} ${r.romanizedSurname}`
        : form === 'upper'
          ? latin(r).toUpperCase()
          : latin(r)
    const a = form === 'joined' ? `${r.surname}${r.givenName}` : khmer(r)
    add({ a, b, match: true, category: 'khmer-script', source }, r.givenName)
  }
  for (const r of people.filter(() => chance(0.08))) {
    const b = `${khmerVariant(r.romanizedSurname)} ${khmerVariant(r.romanizedGiven)}`
    add({ a: khmer(r), b, match: true, category: 'khmer-script-variant', source }, r.givenName)
  }
  for (const r of people.filter(() => chance(0.45))) {
    const other = people.filter(
      (o) =>
        (o.surname === r.surname && !sameLatin(o.romanizedGiven, r.romanizedGiven)) ||
        (o.givenName === r.givenName && !sameLatin(o.romanizedSurname, r.romanizedSurname)),
    )
    if (other.length === 0) continue
    const o = pick(other)
    const cat = chance(0.5) ? 'khmer-script-different' : 'khmer-romanisation-different'
    const a = cat === 'khmer-script-different' ? khmer(r) : latin(r)
    add({ a, b: latin(o), match: false, category: cat, source }, r.givenName)
  }
  for (const r of people.filter(() => chance(0.25))) {
    let b = `${khmerVariant(r.romanizedSurname)} ${khmerVariant(r.romanizedGiven)}`
    if (chance(0.3)) b = b.split(' ').reverse().join(' ')
    if (b === latin(r)) continue
    add({ a: latin(r), b, match: true, category: 'khmer-romanisation', source }, r.givenName)
  }
}

// ---- Vietnamese -------------------------------------------------------------------------------------

/** Huỳnh/Hoàng and Võ/Vũ are one surname read regionally: neither a clear match nor a clear non-match. */
const viRegional = (x: string, y: string) =>
  [x, y].sort().join() === 'Hoàng,Huỳnh' || [x, y].sort().join() === 'Võ,Vũ'

function vietnamesePairs(): void {
  const source = 'vietnamese-names'
  for (let k = 0; k < 150; k++) {
    const male = chance(0.5)
    const s = pick(S.VI_SURNAMES)
    const m = pick(male ? S.VI_MIDDLE_MALE : S.VI_MIDDLE_FEMALE)
    const g = pick(male ? S.VI_GIVEN_MALE : S.VI_GIVEN_FEMALE)
    const a = `${s} ${m} ${g}`
    const key = `vi${g}`
    switch (k % 7) {
      case 6: {
        const g2 = pick((male ? S.VI_GIVEN_MALE : S.VI_GIVEN_FEMALE).filter((x) => x !== g))
        add({ a, b: `${g2} ${fold(s)}`, match: false, category: 'vietnamese-different', source }, key)
        break
      }
      case 0:
        add({ a, b: fold(a).toUpperCase(), match: true, category: 'vietnamese', source }, key)
        break
      case 1:
        add({ a, b: fold(`${g} ${m} ${s}`), match: true, category: 'vietnamese', source }, key)
        break
      case 2:
        add({ a, b: `${chance(0.5) ? fold(s) : s} ${g}`, match: true, category: 'vietnamese', source }, key)
        break
      case 3: {
        const g2 = pick((male ? S.VI_GIVEN_MALE : S.VI_GIVEN_FEMALE).filter((x) => x !== g))
        add({ a, b: fold(`${s} ${m} ${g2}`), match: false, category: 'vietnamese-different', source }, key)
        break
      }
      case 4: {
        const s2 = pick(S.VI_SURNAMES.filter((x) => x !== s && !viRegional(x, s)))
        add({ a, b: `${s2} ${m} ${g}`, match: false, category: 'vietnamese-different', source }, key)
        break
      }
      default: {
        const [x, y] = pick(S.VI_CLOSE_GIVEN)
        add(
          {
            a: `${s} ${m} ${x}`,
            b: fold(`${s} ${m} ${y}`),
            match: false,
            category: 'vietnamese-different',
            source,
          },
          key,
        )
      }
    }
  }
  for (const g of ['Thanh', 'Minh', 'Hùng']) {
    add(
      {
        a: `Nguyễn Văn ${g}`,
        b: `Nguyen Thi ${fold(g)}`,
        match: false,
        category: 'vietnamese-different',
        source,
      },
      g,
    )
  }
}

// ---- Thai -------------------------------------------------------------------------------------------

function thaiPairs(): void {
  for (const [a, b] of S.TH_PUBLIC)
    add({ a, b, match: true, category: 'thai-rtgs', source: 'wikipedia-rtgs' }, a)
  const source = 'thai-names'
  for (let k = 0; k < 90; k++) {
    const [g, gr] = pick(S.TH_GIVEN)
    const [s, sr] = pick(S.TH_SURNAMES)
    const a = `${g} ${s}`
    const key = `th${g}`
    switch (k % 3) {
      case 0:
        add(
          {
            a,
            b: chance(0.5) ? `${gr} ${sr}` : `${gr} ${sr}`.toUpperCase(),
            match: true,
            category: 'thai',
            source,
          },
          key,
        )
        break
      case 1: {
        const close = S.TH_CLOSE_GIVEN.find(([x]) => x === g)
        const other = close ? close[1] : pick(S.TH_GIVEN.filter(([x]) => x !== g))[1]
        add({ a, b: `${other} ${s}`, match: false, category: 'thai-different', source }, key)
        break
      }
      default: {
        const [, s2] = pick(S.TH_SURNAMES.filter(([x]) => x !== s))
        add({ a, b: `${gr} ${s2}`, match: false, category: 'thai-different', source }, key)
      }
    }
  }
  for (const [x, y] of S.TH_CLOSE_GIVEN) {
    const [s] = pick(S.TH_SURNAMES)
    add({ a: `${x} ${s}`, b: `${y} ${s}`, match: false, category: 'thai-different', source }, x)
  }
}

// ---- Chinese ----------------------------------------------------------------------------------------

function chinesePairs(): void {
  const source = 'chinese-names'
  const given = (g: string, style: 'joined' | 'spaced' | 'hyphen') => {
    const [x, y] = g.split('|')
    if (!y) return x!
    const second = style === 'joined' ? y : y[0]!.toUpperCase() + y.slice(1)
    return style === 'joined' ? x + second : style === 'spaced' ? `${x} ${second}` : `${x}-${y}`
  }
  for (let k = 0; k < 150; k++) {
    const s = pick(S.ZH_SURNAMES)
    const g = pick(S.ZH_GIVEN)
    const a = `${s} ${given(g, 'joined')}`
    const key = `zh${g}`
    switch (k % 4) {
      case 0:
        add(
          {
            a,
            b: `${given(g, pick(['joined', 'spaced', 'hyphen']))} ${s}`,
            match: true,
            category: 'chinese',
            source,
          },
          key,
        )
        break
      case 1:
        add(
          {
            a,
            b: `${s.toUpperCase()} ${given(g, pick(['spaced', 'hyphen']))}`,
            match: true,
            category: 'chinese',
            source,
          },
          key,
        )
        break
      case 2: {
        const close = S.ZH_CLOSE_GIVEN.find(([x]) => x === g.replace('|', ''))
        const other = close ? close[1] : given(pick(S.ZH_GIVEN.filter((x) => x !== g)), 'joined')
        add({ a, b: `${s} ${other}`, match: false, category: 'chinese-different', source }, key)
        break
      }
      default: {
        const s2 = pick(S.ZH_SURNAMES.filter((x) => x !== s))
        add({ a, b: `${given(g, 'joined')} ${s2}`, match: false, category: 'chinese-different', source }, key)
      }
    }
  }
  for (const [x, y] of S.ZH_CLOSE_GIVEN) {
    const s = pick(S.ZH_SURNAMES)
    add({ a: `${s} ${x}`, b: `${s} ${y}`, match: false, category: 'chinese-different', source }, x)
  }
  for (const [a, b] of S.ZH_WADE_GILES)
    add({ a, b, match: true, category: 'chinese-wade-giles', source: 'wade-giles' }, a)
}

// ---- Latin-script variants, typos, order, initials, birth dates --------------------------------------

function latinPairs(): void {
  for (const [a, b] of S.WESTERN_VARIANTS)
    add({ a, b, match: true, category: 'latin-transliteration', source: 'transliteration' }, a)
  for (const [a, b] of S.WESTERN_DIFFERENT)
    add({ a, b, match: false, category: 'latin-different', source: 'western-names' }, a)
  const everyone = [
    ...S.WESTERN_NAMES,
    ...S.TH_PUBLIC.map(([a]) => a),
    ...S.WESTERN_VARIANTS.map(([a]) => a),
    ...S.VI_SURNAMES.map((s) => `${fold(s)} ${fold(pick(S.VI_MIDDLE_MALE))} ${fold(pick(S.VI_GIVEN_MALE))}`),
  ]
  for (const name of everyone) {
    const t = typo(fold(name))
    if (t) add({ a: name, b: t, match: true, category: 'latin-typo', source: 'synthetic-typo' }, name)
  }
  // Same given names, another family: different people whose names share most letters.
  for (const name of S.WESTERN_NAMES) {
    const other = pick(S.WESTERN_NAMES.filter((n) => n !== name))
    const b = [...name.split(' ').slice(0, -1), other.split(' ').at(-1)!].join(' ')
    if (b !== name)
      add({ a: name, b, match: false, category: 'latin-different', source: 'western-names' }, name)
    const c = [...other.split(' ').slice(0, -1), name.split(' ').at(-1)!].join(' ')
    if (c !== name)
      add({ a: name, b: c, match: false, category: 'latin-different', source: 'western-names' }, name)
  }
  for (const name of S.WESTERN_NAMES.filter(() => chance(0.5))) {
    const parts = name.split(' ')
    const surname = parts.at(-1)!
    const b = chance(0.5)
      ? `${surname.toUpperCase()}, ${parts.slice(0, -1).join(' ')}`
      : `${parts
          .slice(0, -1)
          .map((p) => `${p[0]}.`)
          .join(' ')} ${surname}`
    add({ a: name, b, match: true, category: 'latin-order-initials', source: 'western-names' }, name)
  }
}

function birthDatePairs(): void {
  const source = 'synthetic-birth-dates'
  const names = [...S.WESTERN_NAMES, ...S.TH_PUBLIC.map(([a]) => a), ...S.ZH_WADE_GILES.map(([a]) => a)]
  const pad = (n: number) => String(n).padStart(2, '0')
  for (let k = 0; k < 90; k++) {
    const name = pick(names)
    const y = 1950 + Math.floor(random() * 55)
    const m = 1 + Math.floor(random() * 12)
    const d = 1 + Math.floor(random() * 28)
    const full = `${y}-${pad(m)}-${pad(d)}`
    const key = `dob${name}`
    const cat = 'birth-date'
    switch (k % 6) {
      case 0:
        add(
          {
            a: name,
            b: fold(name).toUpperCase(),
            aBirthDate: full,
            bBirthDate: full,
            match: true,
            category: cat,
            source,
          },
          key,
        )
        break
      case 1:
        add(
          {
            a: name,
            b: typo(fold(name)) ?? fold(name),
            aBirthDate: full,
            bBirthDate: String(y),
            match: true,
            category: cat,
            source,
          },
          key,
        )
        break
      case 2: {
        const swapped = d <= 12 && d !== m ? `${y}-${pad(d)}-${pad(m)}` : `${y}-${pad(m)}`
        add(
          { a: name, b: name, aBirthDate: full, bBirthDate: swapped, match: true, category: cat, source },
          key,
        )
        break
      }
      case 3: {
        const other = `${y - 6 - Math.floor(random() * 20)}-${pad(m)}-${pad(d)}`
        add(
          {
            a: name,
            b: fold(name),
            aBirthDate: full,
            bBirthDate: other,
            match: false,
            category: 'birth-date-different',
            source,
          },
          key,
        )
        break
      }
      default: {
        const other = pick(names.filter((n) => n !== name))
        add(
          {
            a: name,
            b: other,
            aBirthDate: full,
            bBirthDate: full,
            match: false,
            category: 'birth-date-different',
            source,
          },
          key,
        )
      }
    }
  }
}

function referencePairs(): void {
  for (const [a, b, match] of S.NOMENKLATURA)
    add({ a, b, match, category: 'nomenklatura', source: 'nomenklatura' }, a + b)
}

khmerPairs()
vietnamesePairs()
thaiPairs()
chinesePairs()
latinPairs()
birthDatePairs()
referencePairs()

const out = join(here, 'screening-pairs.jsonl')
writeFileSync(out, `${pairs.map((p) => JSON.stringify(p)).join('\n')}\n`)
const count = (f: (p: LabelledPair) => boolean) => pairs.filter(f).length
console.log(
  `${pairs.length} pairs (${count((p) => p.match)} matches, ${count((p) => p.split === 'test')} held out) → ${out}`,
)

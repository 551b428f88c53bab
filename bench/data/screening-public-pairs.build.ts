/**
 * Builds `screening-public-pairs.jsonl` (cross-script pairs) and `screening-khmer-lookalikes.jsonl`
 * deterministically from the UN list and kname fixtures and `screening-public-pairs.sources.ts`:
 * `npx tsx bench/data/screening-public-pairs.build.ts`. See `screening-public-pairs.README.md`.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { boundedEditDistance } from '../../src/domain/screening/edit-distance.ts'
import { foldLatin } from '../../src/domain/screening/normalise.ts'
import { scriptOfWord } from '../../src/domain/screening/scripts.ts'
import {
  BURMESE_NAMES,
  NOMENKLATURA_CROSS_SCRIPT,
  PUBLIC_FIGURES,
  THAI_GIVEN_NAMES,
} from './screening-public-pairs.sources.ts'
import { splitOf } from './screening-public-split.ts'

const here = dirname(fileURLToPath(import.meta.url))
const fixtures = join(here, '..', '..', 'src', 'test', 'fixtures')

export interface PublicPair {
  id: string
  a: string
  b: string
  match: boolean
  /** The script of the non-Latin side. */
  script: string
  source: 'un-sc-list' | 'nomenklatura' | 'public-figures' | 'thai-names' | 'burmese-names' | 'kname'
  /**
   * `held-out` pairs are only measured, never looked at while tuning; `dev` pairs may be. Fixed by a hash
   * of the pair's two names (`screening-public-split.ts`), so adding or reordering pairs never moves one.
   */
  split: 'dev' | 'held-out'
}

const scriptOf = (name: string) =>
  name
    .split(/[\s\p{P}]+/u)
    .map(scriptOfWord)
    .find((s) => s !== 'latin' && s !== 'unknown') ?? 'latin'

/** Different people: person i's own-script name against person j's Latin name, j = i + step. */
function shifted(rows: [string, string][], step: number): [string, string][] {
  return rows.map(([native], i) => [native, rows[(i + step) % rows.length]![1]])
}

function unList(): [string, string][] {
  const xml = readFileSync(join(fixtures, 'un-sc-consolidated-list.xml'), 'utf8')
  const tag = (block: string, name: string) =>
    block.match(new RegExp(`<${name}>([^<]*)</${name}>`))?.[1]?.trim() ?? ''
  const rows: [string, string][] = []
  for (const [block] of xml.matchAll(/<INDIVIDUAL>[\s\S]*?<\/INDIVIDUAL>/g)) {
    const native = tag(block, 'NAME_ORIGINAL_SCRIPT')
    const latin = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
      .map((t) => tag(block, t))
      .filter(Boolean)
      .join(' ')
    if (native && latin && scriptOf(native) !== 'latin') rows.push([native, latin])
  }
  return rows
}

const pairs: PublicPair[] = []
const add = (a: string, b: string, match: boolean, source: PublicPair['source']) =>
  pairs.push({
    id: `${source}-${pairs.length + 1}`,
    a,
    b,
    match,
    script: scriptOf(`${a} ${b}`),
    source,
    split: splitOf(a, b),
  })

const un = unList()
for (const [a, b] of un) add(a, b, true, 'un-sc-list')
// Different people listed side by side often share a family or tribal name: hard negatives.
for (const [a, b] of shifted(un, 1)) add(a, b, false, 'un-sc-list')
for (const [a, b, m] of NOMENKLATURA_CROSS_SCRIPT) add(a, b, m, 'nomenklatura')
for (const rows of Object.values(PUBLIC_FIGURES)) {
  const people = rows.filter(([, latin], i) => rows.findIndex(([, l]) => l === latin) === i)
  for (const [a, b] of rows) add(a, b, true, 'public-figures')
  for (const [a, b] of shifted(people, 1))
    if (rows.every(([n, l]) => !(n === a && l === b))) add(a, b, false, 'public-figures')
}
// Thai given names against their RTGS and their everyday spellings; different people = a name a fixed
// number of rows on, against its RTGS spelling (7 on) and its last listed spelling (13 on).
const thai = THAI_GIVEN_NAMES
thai.forEach(([name, rtgs, ...others]) => {
  for (const latin of new Set([rtgs, ...others.slice(-1)])) add(name, latin, true, 'thai-names')
})
thai.forEach(([name], i) => {
  const [, rtgs7] = thai[(i + 7) % thai.length]!
  const row13 = thai[(i + 13) % thai.length]!
  add(name, rtgs7, false, 'thai-names')
  add(name, row13[row13.length - 1]!, false, 'thai-names')
})
for (const [a, b] of BURMESE_NAMES) add(a, b, true, 'burmese-names')
for (const [a, b] of shifted(BURMESE_NAMES, 1)) add(a, b, false, 'burmese-names')
writeFileSync(
  join(here, 'screening-public-pairs.jsonl'),
  `${pairs.map((p) => JSON.stringify(p)).join('\n')}\n`,
)

/**
 * Look-alike Khmer given names of different people: a kname person's Khmer-script name against the
 * Latin spelling of the same surname with another kname given name one syllable apart (Latin
 * spellings at most two letters apart, or one a syllable longer: Sok/Sokha, Srei/Sreyna).
 */
const kname = JSON.parse(readFileSync(join(fixtures, 'kname-khmer_names.json'), 'utf8')) as {
  givenName: string
  surname: string
  romanizedGiven: string
  romanizedSurname: string
}[]
const given = new Map<string, string>()
for (const n of kname) if (!given.has(n.givenName)) given.set(n.givenName, n.romanizedGiven)
const alike = (x: string, y: string) => {
  const [a, b] = [foldLatin(x), foldLatin(y)]
  const budget = Math.min(a.length, b.length) >= 6 ? 2 : 1
  return (
    a !== b &&
    (boundedEditDistance(a, b, budget) <= budget ||
      (a.length >= 3 && b.startsWith(a)) ||
      (b.length >= 3 && a.startsWith(b)))
  )
}
const seen = new Set<string>()
const lookalikes: PublicPair[] = []
const different = (a: string, b: string) => {
  if (seen.has(`${a}|${b}`)) return
  seen.add(`${a}|${b}`)
  const id = `lookalike-${lookalikes.length + 1}`
  lookalikes.push({ id, a, b, match: false, script: 'khmer', source: 'kname', split: splitOf(a, b) })
}
for (const n of kname) {
  for (const [khmer, latin] of given) {
    if (khmer === n.givenName || latin === n.romanizedGiven || !alike(n.romanizedGiven, latin)) continue
    const a = `${n.surname} ${n.givenName}`
    if (seen.has(`${a}|${n.romanizedSurname} ${latin}`)) continue
    different(a, `${n.romanizedSurname} ${latin}`)
    // The same two people with both names in Khmer script: the vowels that the Latin spelling may lose
    // (គន់ and គុណ are both "Kun") are still there to tell them apart.
    different(a, `${n.surname} ${khmer}`)
  }
}
writeFileSync(
  join(here, 'screening-khmer-lookalikes.jsonl'),
  `${lookalikes.map((p) => JSON.stringify(p)).join('\n')}\n`,
)
const count = (xs: PublicPair[], k: (p: PublicPair) => string) => {
  const n = new Map<string, number>()
  for (const x of xs) n.set(k(x), (n.get(k(x)) ?? 0) + 1)
  return [...n].map(([s, v]) => `${s} ${v}`)
}
console.log(`${pairs.length} public pairs: ${count(pairs, (p) => `${p.script}/${p.match}`).join(', ')}`)
console.log(`held out: ${count(pairs, (p) => `${p.split === 'held-out' ? p.script : 'dev'}`).join(', ')}`)
console.log(`${lookalikes.length} look-alike pairs: ${count(lookalikes, (p) => p.split).join(', ')}`)

import { type Alignment, alignParts, type ComparePart } from './align.ts'
import { type NamePart, type ParsedName, parseName } from './name-parts.ts'
import type { MatchMethod } from './part-similarity.ts'
import {
  birthDateQualifier,
  nationalityQualifier,
  type QualifierResult,
  qualifiedScore,
  sexQualifier,
} from './qualifiers.ts'
import type { ForeignScript } from './scripts.ts'
import { EXTRA_PART_WEIGHT, partWeight } from './weights.ts'

/** At or above: the officer is shown a likely match of the same person. */
export const MATCH_THRESHOLD = 0.85
/** At or above (and below `MATCH_THRESHOLD`): a possible match the officer must look at. */
export const POSSIBLE_THRESHOLD = 0.7
/** When only initials agree, the names are at most this similar. */
const INITIALS_ONLY_CAP = 0.5

export type Decision = 'match' | 'possible' | 'no-match'

/** A person as screening sees them: a name in any script and optional qualifiers. */
export interface PersonDetails {
  name: string
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  birthDate?: string
  /** ICAO/ISO country codes, all alpha-2 or all alpha-3. */
  nationality?: string | readonly string[]
  sex?: string
}

export interface PartExplanation {
  a: string
  b: string
  method: MatchMethod
  joined: boolean
  similarity: number
  messageKey: string
  /** For a name read from another script: `native` in that script, `reading` its Latin reading. */
  params: { a: string; b: string; similarity: number; native?: string; reading?: string; other?: string }
  /** The script a transliterated part was read from (`chinese` 王伟 read as Wáng Wěi). */
  script?: ForeignScript
}

export interface UnmatchedPart {
  side: 'a' | 'b'
  text: string
  messageKey: 'screening.part.unmatched'
  params: { part: string }
}

export interface Explanation {
  nameScore: number
  parts: PartExplanation[]
  unmatched: UnmatchedPart[]
  orderSwapped: boolean
  qualifiers: QualifierResult[]
  /** Free-standing remarks for the officer (order swapped, only initials agree, date not used…). */
  notes: { messageKey: string }[]
  decisionKey: string
}

export interface ComparisonResult {
  score: number
  decision: Decision
  explanation: Explanation
}

export function decide(score: number): Decision {
  if (score >= MATCH_THRESHOLD) return 'match'
  if (score >= POSSIBLE_THRESHOLD) return 'possible'
  return 'no-match'
}

const METHOD_KEY: Record<MatchMethod, string> = {
  exact: 'screening.part.exact',
  transliteration: 'screening.part.transliteration',
  'khmer-romanised': 'screening.part.khmerRomanised',
  variant: 'screening.part.variant',
  fuzzy: 'screening.part.fuzzy',
  initial: 'screening.part.initial',
  'near-miss': 'screening.part.nearMiss',
}

function textOf(parts: NamePart[], idx: number[]): string {
  return idx.map((i) => parts[i]!.text).join(' ')
}

function weightOf(parts: NamePart[], idx: number[]): number {
  return idx.reduce((s, i) => s + partWeight(parts[i]!), 0) / idx.length
}

/**
 * Scores two prepared names: the weighted mean similarity of aligned parts, where a part left over on
 * both sides (a conflicting name) weighs fully and a part left over on one side only (a middle name,
 * a dropped patronymic) weighs `EXTRA_PART_WEIGHT`.
 */
export function scoreNames(
  a: ParsedName,
  b: ParsedName,
  compare?: ComparePart,
): { score: number; alignments: Alignment[] } {
  if (a.parts.length === 0 || b.parts.length === 0) return { score: 0, alignments: [] }
  const alignments = alignParts(a.parts, b.parts, compare)
  if (alignments.length === 0) return { score: 0, alignments }
  const usedA = new Set(alignments.flatMap((x) => x.a))
  const usedB = new Set(alignments.flatMap((x) => x.b))
  const leftA = a.parts.filter((_, i) => !usedA.has(i))
  const leftB = b.parts.filter((_, j) => !usedB.has(j))
  const conflict = leftA.length > 0 && leftB.length > 0
  let matched = 0
  let total = 0
  for (const x of alignments) {
    const w = (weightOf(a.parts, x.a) + weightOf(b.parts, x.b)) / 2
    matched += w * x.similarity
    total += w
  }
  for (const p of [...leftA, ...leftB]) total += partWeight(p) * (conflict ? 1 : EXTRA_PART_WEIGHT)
  let score = matched / total
  if (alignments.every((x) => x.method === 'initial')) score = Math.min(score, INITIALS_ONLY_CAP)
  return { score, alignments }
}

/** The script and reading of the foreign side of an alignment, if one side was read from another script. */
function foreignSide(a: NamePart[], b: NamePart[]): { parts: NamePart[]; side: 'a' | 'b' } | undefined {
  if (a.every((p) => p.script === 'foreign')) return { parts: a, side: 'a' }
  if (b.every((p) => p.script === 'foreign')) return { parts: b, side: 'b' }
  return undefined
}

function explainParts(a: ParsedName, b: ParsedName, alignments: Alignment[]): PartExplanation[] {
  return alignments.map((x) => {
    const ta = textOf(a.parts, x.a)
    const tb = textOf(b.parts, x.b)
    const similarity = Math.round(x.similarity * 100)
    const base = { a: ta, b: tb, method: x.method, joined: x.joined, similarity: x.similarity }
    const foreign = foreignSide(
      x.a.map((i) => a.parts[i]!),
      x.b.map((j) => b.parts[j]!),
    )
    if (x.method === 'transliteration' && foreign) {
      // Say which reading made the match: "Chinese 王伟 read as Wáng Wěi".
      const script = foreign.parts[0]!.foreign!
      const native = foreign.side === 'a' ? ta : tb
      const other = foreign.side === 'a' ? tb : ta
      const reading = foreign.parts.map((p) => p.reading ?? p.norm).join(' ')
      return {
        ...base,
        script,
        messageKey: `screening.part.script.${script}`,
        params: { a: ta, b: tb, similarity, native, reading, other },
      }
    }
    return {
      ...base,
      messageKey: x.joined ? 'screening.part.joined' : METHOD_KEY[x.method],
      params: { a: ta, b: tb, similarity },
    }
  })
}

function isOrderSwapped(alignments: Alignment[]): boolean {
  for (let k = 1; k < alignments.length; k++) if (alignments[k]!.b[0]! < alignments[k - 1]!.b[0]!) return true
  return false
}

type Qualifiers = Omit<PersonDetails, 'name'>

/** Below `MATCH_THRESHOLD`: a name whose Latin reading fits several Khmer names is at most `possible`. */
const AMBIGUOUS_READING_CAP = 0.84
/** One closed syllable with a single vowel letter (Kun, Sok, Rith): the spelling of several Khmer vowels. */
const ONE_VOWEL_SYLLABLE = /^(?=.{1,3}$)[^aeiouy]*[ou][^aeiouy]*$/

/**
 * Whether a Khmer-script name met a Latin one only through given names whose Latin spelling cannot
 * tell Khmer vowels apart. Khmer writes more vowels than Latin spellings keep: គន់ and គុណ are both
 * "Kun", so a Khmer គន់ against "Kun" is a true reading of the script and still maybe another person.
 * The first Khmer word is the surname (Khmer order); when every given name of the Khmer side that met a
 * Latin part is one such syllable, the names alone stay `possible` and an agreeing birth date, sex or
 * nationality can still make the match.
 */
function ambiguousKhmerReading(a: ParsedName, b: ParsedName, alignments: Alignment[]): boolean {
  const check = (khmer: ParsedName, latin: ParsedName, side: 'a' | 'b') => {
    if (khmer.parts.length < 2 || khmer.parts[0]!.script !== 'khmer') return false
    const given = alignments.filter((x) => x[side].some((i) => i > 0))
    if (given.length === 0) return false
    return given.every((x) => {
      const k = x[side].map((i) => khmer.parts[i]!)
      const l = x[side === 'a' ? 'b' : 'a'].map((j) => latin.parts[j]!)
      return (
        k.length === 1 &&
        k[0]!.script === 'khmer' &&
        l.length === 1 &&
        l[0]!.script === 'latin' &&
        ONE_VOWEL_SYLLABLE.test(l[0]!.norm)
      )
    })
  }
  return check(a, b, 'a') || check(b, a, 'b')
}

function qualify(nameScore: number, qa: Qualifiers, qb: Qualifiers) {
  const notes: { messageKey: string }[] = []
  const qualifiers = [
    birthDateQualifier(qa.birthDate, qb.birthDate),
    nationalityQualifier(qa.nationality, qb.nationality),
    sexQualifier(qa.sex, qb.sex),
  ].filter((q): q is QualifierResult => q !== undefined)
  // A date, nationality or sex can lower a name's score but only raise one that is already a hit.
  if (nameScore < POSSIBLE_THRESHOLD && qualifiers.some((q) => q.adjustment > 0))
    notes.push({ messageKey: 'screening.note.qualifierNotCounted' })
  return { score: qualifiedScore(nameScore, POSSIBLE_THRESHOLD, qa, qb), qualifiers, notes }
}

/** The names' score, held to `possible` when it rests only on a Khmer reading Latin spelling cannot tell apart. */
function cappedNameScore(a: ParsedName, b: ParsedName, scored: ReturnType<typeof scoreNames>) {
  const ambiguous = scored.score > AMBIGUOUS_READING_CAP && ambiguousKhmerReading(a, b, scored.alignments)
  return { ambiguous, nameScore: ambiguous ? AMBIGUOUS_READING_CAP : scored.score }
}

/**
 * The score and decision of `compareParsed` without its explanation, which is most of its cost (8 µs against about
 * 1 µs on the screening bench's synthetic names): for a caller that shows neither, such as the identity proposals
 * made for every traveller born on a new passport's day. `compare-names.test.ts` holds the two equal.
 */
export function scoreParsed(
  a: ParsedName,
  b: ParsedName,
  qa: Qualifiers = {},
  qb: Qualifiers = {},
): { score: number; decision: Decision } {
  const { nameScore } = cappedNameScore(a, b, scoreNames(a, b))
  const score = qualifiedScore(nameScore, POSSIBLE_THRESHOLD, qa, qb)
  return { score, decision: decide(score) }
}

/** Compares two prepared names with their qualifiers, explained; the index uses this with cached parts. */
export function compareParsed(
  a: ParsedName,
  b: ParsedName,
  qa: Qualifiers = {},
  qb: Qualifiers = {},
  compare?: ComparePart,
): ComparisonResult {
  const scored = scoreNames(a, b, compare)
  const { alignments } = scored
  const { ambiguous, nameScore } = cappedNameScore(a, b, scored)
  const { score, qualifiers, notes } = qualify(nameScore, qa, qb)
  if (ambiguous) notes.push({ messageKey: 'screening.note.khmerVowelsLost' })
  const orderSwapped = isOrderSwapped(alignments)
  if (orderSwapped) notes.push({ messageKey: 'screening.note.orderSwapped' })
  if (alignments.length > 0 && alignments.every((x) => x.method === 'initial')) {
    notes.push({ messageKey: 'screening.note.initialsOnly' })
  }
  const decision = decide(score)
  const used = { a: new Set(alignments.flatMap((x) => x.a)), b: new Set(alignments.flatMap((x) => x.b)) }
  const unmatched: UnmatchedPart[] = []
  for (const side of ['a', 'b'] as const) {
    const parts = (side === 'a' ? a : b).parts
    parts.forEach((p, i) => {
      if (!used[side].has(i))
        unmatched.push({
          side,
          text: p.text,
          messageKey: 'screening.part.unmatched',
          params: { part: p.text },
        })
    })
  }
  return {
    score,
    decision,
    explanation: {
      nameScore,
      parts: explainParts(a, b, alignments),
      unmatched,
      orderSwapped,
      qualifiers,
      notes,
      decisionKey: `screening.decision.${decision === 'no-match' ? 'noMatch' : decision}`,
    },
  }
}

/** Compares two people by name (any script) and, when given, birth date, nationality and sex. */
export function compareNames(a: string | PersonDetails, b: string | PersonDetails): ComparisonResult {
  const pa = typeof a === 'string' ? { name: a } : a
  const pb = typeof b === 'string' ? { name: b } : b
  return compareParsed(parseName(pa.name), parseName(pb.name), pa, pb)
}

import { boundedEditDistance } from './edit-distance.ts'
import { jaroWinkler } from './jaro-winkler.ts'
import type { NamePart } from './name-parts.ts'
import { consonantSkeleton } from './skeleton.ts'

export type MatchMethod =
  | 'exact'
  | 'transliteration'
  | 'khmer-romanised'
  | 'variant'
  | 'fuzzy'
  | 'initial'
  | 'near-miss'

export interface PartSimilarity {
  similarity: number
  method: MatchMethod
}

/** Below this two parts are not the same name and stay unmatched. */
export const PART_MIN_SIMILARITY = 0.75

export const SIMILARITY: Record<Exclude<MatchMethod, 'fuzzy' | 'near-miss'>, number> = {
  exact: 1,
  transliteration: 0.98,
  'khmer-romanised': 0.95,
  variant: 0.92,
  initial: 0.85,
}
const FUZZY_MAX = 0.9
const KHMER_VARIANT = 0.9
/**
 * A Khmer-script name against a Latin spelling that none of its romanisations or variant keys gives,
 * only a letter or two away: Sokhom against Sokhorn, Chantha against Chanthy. Khmer script spells the
 * name exactly, so such a pair is far more often two different names than a misspelling. It stays
 * aligned (the names are alike, the officer sees why) but counts for half, so the surname alone
 * cannot carry the pair to `match`, and a common surname not even to `possible`.
 */
export const NEAR_MISS = 0.5
/** Two Khmer spellings of a long name one vowel apart: at most a possible match with the rest agreeing. */
const KHMER_VOWEL_SLIP = 0.65
/** Readings of another script against a Latin spelling: never as sure as the same letters. */
const FOREIGN_READING = 0.97
const FOREIGN_VARIANT = 0.92
const FOREIGN_FUZZY_MAX = 0.86
/** Consonant skeletons agree (محمد / Mohammed): long ones nearly always mean the same name. */
const SKELETON_SAME = 0.9
const SKELETON_SHORT = 0.8
const SKELETON_NEAR = 0.78

/**
 * Typos allowed for parts of this length. Short parts get none: An/Anh, Sok/Sek, Yong/Yang are different
 * names, and their spelling variants are caught by the variant keys instead.
 */
export function typoBudget(length: number): number {
  if (length <= 4) return 0
  if (length <= 7) return 1
  if (length <= 11) return 2
  return 3
}

const NONE: PartSimilarity = { similarity: 0, method: 'fuzzy' }

function fuzzy(a: string, b: string): number {
  const budget = typoBudget(Math.max(a.length, b.length))
  if (budget === 0) return 0
  const d = boundedEditDistance(a, b, budget)
  if (d > budget) return 0
  return Math.min(FUZZY_MAX, Math.max(PART_MIN_SIMILARITY, jaroWinkler(a, b)))
}

function intersects(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) if (b.includes(x)) return true
  return false
}

/** How alike two name parts are, and by which rule. */
export function comparePart(a: NamePart, b: NamePart): PartSimilarity {
  if (a.script === 'other' || b.script === 'other') {
    return a.norm === b.norm ? { similarity: 1, method: 'exact' } : NONE
  }
  if (a.initial || b.initial) {
    if (a.norm === b.norm) return { similarity: 1, method: 'exact' }
    return a.norm[0] === b.norm[0] ? { similarity: SIMILARITY.initial, method: 'initial' } : NONE
  }
  if (a.script === 'foreign' || b.script === 'foreign') return compareForeign(a, b)
  const khmer = a.script === 'khmer' || b.script === 'khmer'
  if (a.script === 'khmer' && b.script === 'khmer') return compareKhmer(a, b)
  if (a.norm === b.norm)
    return khmer ? { similarity: 0.97, method: 'khmer-romanised' } : { similarity: 1, method: 'exact' }
  if (intersects(a.forms, b.forms)) {
    return khmer
      ? { similarity: SIMILARITY['khmer-romanised'], method: 'khmer-romanised' }
      : { similarity: SIMILARITY.transliteration, method: 'transliteration' }
  }
  if (intersects(a.keys, b.keys)) {
    return khmer
      ? { similarity: KHMER_VARIANT, method: 'khmer-romanised' }
      : { similarity: SIMILARITY.variant, method: 'variant' }
  }
  let best = 0
  for (const x of a.keys) for (const y of b.keys) best = Math.max(best, fuzzy(x, y) * 0.98)
  for (const x of a.forms) for (const y of b.forms) best = Math.max(best, fuzzy(x, y))
  if (best === 0) return NONE
  if (khmer && a.script !== b.script && !sameConsonants(a, b))
    return { similarity: NEAR_MISS, method: 'near-miss' }
  return { similarity: khmer ? Math.min(best, 0.88) : best, method: khmer ? 'khmer-romanised' : 'fuzzy' }
}

/**
 * Both parts in Khmer script. The script spells a name exactly, vowels included, so two different
 * spellings are two names even where their Latin readings meet: គន់ and គុណ are both "Kun", សិរី and
 * ស្រី are Serey and Srey. Alike ones stay aligned as a near miss (the officer sees why), counted for
 * half like a Khmer name against a Latin spelling one letter away.
 */
function compareKhmer(a: NamePart, b: NamePart): PartSimilarity {
  if (a.text === b.text) return { similarity: 1, method: 'exact' }
  const alike =
    intersects(a.forms, b.forms) ||
    intersects(a.keys, b.keys) ||
    a.forms.some((x) => b.forms.some((y) => fuzzy(x, y) > 0))
  if (!alike) return NONE
  // The same three or more consonants with a vowel changed (ម៉ាណាត, ម៉ាណែត) is as often a slip of the pen
  // in a long name as another name; in a short one (គន់, គុណ) a vowel is the whole difference.
  const consonants = (p: NamePart) => p.text.replace(/[^\u1780-\u17A2]/g, '')
  const same = consonants(a) === consonants(b) && consonants(a).length >= 3
  return { similarity: same ? KHMER_VOWEL_SLIP : NEAR_MISS, method: 'near-miss' }
}

/**
 * Whether some reading of one part has the consonants of the other, so only vowels or aspiration
 * differ (Pech/Phich), in as many syllables. A final r is let go: spellings keep the silent subscript ្រ (វិចិត្រ Vichetr).
 */
function sameConsonants(a: NamePart, b: NamePart): boolean {
  // Same consonants and as many syllables: Srey and Serey (ស្រី, សិរី) are two names.
  const skeletons = (p: NamePart) =>
    [...p.forms, ...p.keys].map((f) => {
      const k = consonantSkeleton(f)
      return `${k.length > 2 ? k.replace(/r$/, '') : k}:${f.match(/[aeiouy]+/g)?.length ?? 0}`
    })
  const x = new Set(skeletons(a))
  return skeletons(b).some((k) => x.has(k))
}

function skeletonSimilarity(a: NamePart, b: NamePart): number {
  const x = a.skeleton
  const y = b.skeleton
  if (!x || !y) return 0
  // One consonant is enough for a short name (علي Ali, طه Taha) when the Latin side is short too.
  const short = Math.max(a.norm.length, b.norm.length) <= 5
  if (x === y) return x.length >= 3 ? SKELETON_SAME : x.length === 2 || short ? SKELETON_SHORT : 0
  // Thai and Brahmic spellings keep silent finals (สมัคร Samak, final ร) and clusters Latin drops: one
  // consonant apart is near from three consonants on; abjad skeletons are shorter, so from four.
  const abjad =
    a.foreign === 'arabic' || a.foreign === 'hebrew' || b.foreign === 'arabic' || b.foreign === 'hebrew'
  if (Math.min(x.length, y.length) >= (abjad ? 4 : 3) && boundedEditDistance(x, y, 1) <= 1)
    return SKELETON_NEAR
  return 0
}

/** A part in another script against a Latin (or Khmer, or other foreign) part, through its readings. */
function compareForeign(a: NamePart, b: NamePart): PartSimilarity {
  if (a.text === b.text) return { similarity: 1, method: 'exact' }
  let best = 0
  if (intersects(a.forms, b.forms)) best = FOREIGN_READING
  else if (intersects(a.keys, b.keys)) best = FOREIGN_VARIANT
  else {
    for (const x of a.keys) for (const y of b.keys) best = Math.max(best, fuzzy(x, y) * 0.98)
    for (const x of a.forms) for (const y of b.forms) best = Math.max(best, fuzzy(x, y))
    best = Math.min(best, FOREIGN_FUZZY_MAX)
  }
  // Skeletons only across scripts: two Latin spellings with one skeleton are not one name.
  if (a.script !== b.script || a.foreign !== b.foreign) best = Math.max(best, skeletonSimilarity(a, b))
  return best === 0 ? NONE : { similarity: best, method: 'transliteration' }
}

import { boundedEditDistance } from './edit-distance.ts'
import { jaroWinkler } from './jaro-winkler.ts'
import type { NamePart } from './name-parts.ts'

export type MatchMethod = 'exact' | 'transliteration' | 'khmer-romanised' | 'variant' | 'fuzzy' | 'initial'

export interface PartSimilarity {
  similarity: number
  method: MatchMethod
}

/** Below this two parts are not the same name and stay unmatched. */
export const PART_MIN_SIMILARITY = 0.75

export const SIMILARITY: Record<Exclude<MatchMethod, 'fuzzy'>, number> = {
  exact: 1,
  transliteration: 0.98,
  'khmer-romanised': 0.95,
  variant: 0.92,
  initial: 0.85,
}
const FUZZY_MAX = 0.9
const KHMER_VARIANT = 0.9

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
  const khmer = a.script === 'khmer' || b.script === 'khmer'
  if (a.script === 'khmer' && b.script === 'khmer' && a.text === b.text)
    return { similarity: 1, method: 'exact' }
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
  return { similarity: khmer ? Math.min(best, 0.88) : best, method: khmer ? 'khmer-romanised' : 'fuzzy' }
}

import type { NamePart } from './name-parts.ts'
import { comparePart, type MatchMethod, PART_MIN_SIMILARITY, type PartSimilarity } from './part-similarity.ts'
import { consonantSkeleton } from './skeleton.ts'
import { variantKey } from './variants.ts'

/** One aligned pair: one or two neighbouring parts on each side ("Xiao Ming" ↔ "Xiaoming"). */
export interface Alignment {
  a: number[]
  b: number[]
  similarity: number
  method: MatchMethod
  joined: boolean
}

export type ComparePart = (a: NamePart, b: NamePart) => PartSimilarity

const joinedMemo = new Map<string, NamePart | null>()

function joinParts(x: NamePart, y: NamePart): NamePart | undefined {
  if (x.script === 'other' || y.script === 'other' || x.initial || y.initial) return undefined
  // Readings of two neighbouring words in another script join like Latin ones (近 平 → jinping).
  const script =
    x.script === y.script ? x.script : x.script === 'khmer' || y.script === 'khmer' ? 'khmer' : 'latin'
  const memoKey = `${x.text}\u0001${y.text}`
  const known = joinedMemo.get(memoKey)
  if (known !== undefined) return known ?? undefined
  if (joinedMemo.size > 200_000) joinedMemo.clear()
  const forms = [...new Set(x.forms.slice(0, 2).flatMap((f) => y.forms.slice(0, 2).map((g) => f + g)))]
  const joined: NamePart = {
    text: `${x.text} ${y.text}`,
    norm: forms[0]!,
    forms,
    keys: [...new Set(forms.map(variantKey))],
    script,
    initial: false,
    foreign: script === 'foreign' ? x.foreign : undefined,
    reading: [x.reading ?? x.text, y.reading ?? y.text].join(' '),
    skeleton: x.skeleton !== undefined && y.skeleton !== undefined ? consonantSkeleton(forms[0]!) : undefined,
  }
  joinedMemo.set(memoKey, joined)
  return joined
}

function joinedCandidates(
  joinSide: NamePart[],
  other: NamePart[],
  flip: boolean,
  compare: ComparePart,
  out: Alignment[],
): void {
  for (let i = 0; i + 1 < joinSide.length; i++) {
    const x = joinSide[i]!
    const y = joinSide[i + 1]!
    for (let j = 0; j < other.length; j++) {
      // Cheap tests first: a joined pair can only meet a part of about its length and first letter.
      const o = other[j]!
      // Readings of other scripts differ more in length and first letter (عبد الله / Abdullah): try them all.
      const length = x.norm.length + y.norm.length
      const foreign = o.script === 'foreign' || x.script === 'foreign'
      if (!foreign && !o.forms.some((f) => Math.abs(length - f.length) <= 2 && f[0] === x.norm[0])) continue
      const joined = joinParts(x, y)
      if (!joined) break
      const s = compare(joined, o)
      if (s.similarity < PART_MIN_SIMILARITY || s.method === 'initial') continue
      const pair = { similarity: s.similarity, method: s.method, joined: true }
      out.push(flip ? { a: [j], b: [i, i + 1], ...pair } : { a: [i, i + 1], b: [j], ...pair })
    }
  }
}

/**
 * Pairs parts of two names regardless of order (Khmer, Vietnamese and Chinese names are written
 * surname first, Western ones given name first), greedily from the most similar pair down. Each part
 * is used at most once. Neighbouring parts are also tried joined ("Patr ushev", "Xiao Ming").
 */
export function alignParts(a: NamePart[], b: NamePart[], compare: ComparePart = comparePart): Alignment[] {
  const candidates: Alignment[] = []
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const s = compare(a[i]!, b[j]!)
      // A near miss is kept (below the bar) so it counts against the pair instead of leaving two parts over.
      if (s.similarity >= PART_MIN_SIMILARITY || s.method === 'near-miss')
        candidates.push({ a: [i], b: [j], ...s, joined: false })
    }
  }
  joinedCandidates(a, b, false, compare, candidates)
  joinedCandidates(b, a, true, compare, candidates)
  candidates.sort(
    (x, y) =>
      y.similarity - x.similarity ||
      Number(x.joined) - Number(y.joined) ||
      Math.abs(x.a[0]! - x.b[0]!) - Math.abs(y.a[0]! - y.b[0]!),
  )
  const usedA = new Set<number>()
  const usedB = new Set<number>()
  const chosen: Alignment[] = []
  for (const c of candidates) {
    if (c.a.some((i) => usedA.has(i)) || c.b.some((j) => usedB.has(j))) continue
    for (const i of c.a) usedA.add(i)
    for (const j of c.b) usedB.add(j)
    chosen.push(c)
  }
  return chosen.sort((x, y) => x.a[0]! - y.a[0]!)
}

import type { NamePart } from './name-parts.ts'
import { typoBudget } from './part-similarity.ts'
import { variantKey } from './variants.ts'
import type { Vocabulary } from './vocabulary.ts'

/** A word sharing the query word's variant key but spelt differently gets this much of the key's weight. */
const VARIANT_RETRIEVAL = 0.95
/** A query word that reached an indexed key only by a typo gets this much of the key's weight. */
const FUZZY_RETRIEVAL = 0.7
/** A query word borne by fewer entries than this may be a misspelling: all its typo-neighbours are collected. */
const RARE_WORD = 100
/** Halves of a run-together query word ("Xiaoming" → xiao + ming) each get this much. */
const SPLIT_RETRIEVAL = 0.5
/** Words reached only by consonant skeleton across scripts. */
const SKELETON_RETRIEVAL = 0.8

/**
 * For each query word (with its run-together neighbour), the indexed words to collect and their
 * weight: how rare their key is (idf), times how the word was reached (same spelling, variant, typo,
 * half of a run-together word).
 */
export function expandQuery(
  vocab: Vocabulary,
  liveEntries: number,
  parts: NamePart[],
): Map<number, number>[] {
  const groups: Map<number, number>[] = []
  const live = Math.max(1, liveEntries)
  parts.forEach((part, i) => {
    if (part.initial) return
    const m = new Map<number, number>()
    const exact = vocab.findPart(part.text)
    const idfOf = (df: number) => Math.log(1 + live / Math.max(1, df))
    // A neighbour reached by a typo or a split is never worth more than the word itself would be.
    let cap = Number.POSITIVE_INFINITY
    const addKey = (keyId: number | undefined, reach: number) => {
      if (keyId === undefined) return
      const idf = Math.min(cap, idfOf(vocab.keyFrequency(keyId)))
      const words = vocab.keyParts[keyId]!
      for (let k = 0; k < words.length; k++) {
        const p = words.data[k]!
        const w = idf * reach * (p === exact ? 1 : VARIANT_RETRIEVAL)
        if ((m.get(p) ?? 0) < w) m.set(p, w)
      }
    }
    const keyIds = part.keys.map((k) => vocab.keyId(k))
    let known = 0
    for (const id of keyIds) {
      addKey(id, 1)
      if (id !== undefined) known += vocab.keyFrequency(id)
    }
    if (known > 0) cap = idfOf(known)
    // A word in another script reaches Latin words with its consonant skeleton, and back (محمد ↔ Mohammed).
    for (const probe of part.probeKeys ?? []) addKey(vocab.keyId(probe), SKELETON_RETRIEVAL)
    if (part.script !== 'other') {
      // An unknown word is likely misspelt, perhaps shortened below the length that allows a typo.
      const length = part.norm.length
      const budget =
        known < RARE_WORD
          ? Math.max(typoBudget(length), Math.min(1, typoBudget(length + 1)))
          : typoBudget(length)
      for (const key of part.keys.slice(0, 2)) {
        for (const id of vocab.similarKeys(key, budget)) {
          // A typo-neighbour of a common name is usually another common name (Chhun → Chan), whose
          // bearers are not misspellings of it; only a rare neighbour is likely to be one (Chuhn).
          if (known < RARE_WORD || vocab.keyFrequency(id) * 4 <= known) addKey(id, FUZZY_RETRIEVAL)
        }
      }
      const norm = part.norm
      // A run-together word ("Xiaoming") may be indexed as two ("Xiao Ming"): try its halves.
      for (let cut = 2; keyIds.every((id) => id === undefined) && cut <= norm.length - 2; cut++) {
        const left = vocab.keyId(variantKey(norm.slice(0, cut)))
        const right = vocab.keyId(variantKey(norm.slice(cut)))
        if (left !== undefined && right !== undefined) {
          addKey(left, SPLIT_RETRIEVAL)
          addKey(right, SPLIT_RETRIEVAL)
        }
      }
    }
    const next = parts[i + 1]
    if (next && !next.initial && part.script !== 'other' && next.script !== 'other') {
      addKey(vocab.keyId(variantKey(part.norm + next.norm)), 1)
    }
    if (m.size > 0) groups.push(m)
  })
  return groups
}

import { boundedEditDistance } from './edit-distance.ts'
import { IntList } from './int-list.ts'
import { type NamePart, parsePart } from './name-parts.ts'

/**
 * The distinct words and variant keys of everything indexed. Words are prepared once (a million
 * entries share perhaps a hundred thousand words) and each owns a posting list of entry slots; a key
 * lists the words that have it (Channary and Channnary share one); and keys are themselves indexed by
 * character trigrams, so a misspelt query word finds the keys within its typo budget without scanning
 * the key list.
 */
export class Vocabulary {
  readonly parts: NamePart[] = []
  /** Key ids of each part, parallel to `parts`. */
  readonly partKeys: Int32Array[] = []
  /** Entry slots per word, parallel to `parts`. */
  readonly postings: IntList[] = []
  readonly keys: string[] = []
  /** Words per key, and how many entry postings they hold between them. */
  readonly keyParts: IntList[] = []
  private readonly partIds = new Map<string, number>()
  private readonly keyIds = new Map<string, number>()
  private readonly grams = new Map<string, IntList>()
  private gramHits = new Uint16Array(1024)
  private readonly similarMemo = new Map<string, number[]>()

  /** The id of a word, preparing it on first sight; undefined for a word with nothing to compare. */
  partId(word: string): number | undefined {
    const known = this.partIds.get(word)
    if (known !== undefined) return known
    const part = parsePart(word)
    if (!part) return undefined
    const id = this.parts.length
    this.parts.push(part)
    this.postings.push(new IntList(2))
    const keys = Int32Array.from([...part.keys, ...(part.extraKeys ?? [])].map((k) => this.internKey(k)))
    for (const k of keys) this.keyParts[k]!.push(id)
    this.partKeys.push(keys)
    this.partIds.set(word, id)
    return id
  }

  /** The id of a word already seen, without adding it. */
  findPart(word: string): number | undefined {
    return this.partIds.get(word)
  }

  keyId(key: string): number | undefined {
    return this.keyIds.get(key)
  }

  private internKey(key: string): number {
    const known = this.keyIds.get(key)
    if (known !== undefined) return known
    const id = this.keys.length
    this.keys.push(key)
    this.keyParts.push(new IntList(1))
    this.keyIds.set(key, id)
    // Skeleton keys (`~l:`, `~s:`) are only ever looked up exactly: no typo search over them.
    if (key.startsWith('~')) return id
    if (this.similarMemo.size > 0) this.similarMemo.clear()
    for (const g of trigrams(key)) {
      let list = this.grams.get(g)
      if (!list) {
        list = new IntList(2)
        this.grams.set(g, list)
      }
      list.push(id)
    }
    return id
  }

  /** Entry postings under a key, all its words together: the key's document frequency. */
  keyFrequency(keyId: number): number {
    const parts = this.keyParts[keyId]!
    let n = 0
    for (let i = 0; i < parts.length; i++) n += this.postings[parts.data[i]!]!.length
    return n
  }

  /**
   * Keys within `budget` edits of `key` (itself excluded), by shared trigrams then edit distance. The
   * budget is the caller's: variant keys are shorter than the spellings whose typo budget they carry.
   */
  similarKeys(key: string, budget: number): number[] {
    if (budget === 0) return []
    // Query words repeat (common names); the answer only changes when a key is added.
    const memoKey = `${budget}:${key}`
    const known = this.similarMemo.get(memoKey)
    if (known) return known
    const found = this.findSimilar(key, budget)
    if (this.similarMemo.size >= 20_000) this.similarMemo.clear()
    this.similarMemo.set(memoKey, found)
    return found
  }

  private findSimilar(key: string, budget: number): number[] {
    if (this.gramHits.length < this.keys.length) this.gramHits = new Uint16Array(this.keys.length * 2)
    const hits = this.gramHits
    const touched: number[] = []
    const grams = trigrams(key)
    for (const g of grams) {
      const list = this.grams.get(g)
      if (!list) continue
      for (let i = 0; i < list.length; i++) {
        const id = list.data[i]!
        if (hits[id] === 0) touched.push(id)
        hits[id]!++
      }
    }
    const out: number[] = []
    for (const id of touched) {
      const shared = hits[id]!
      hits[id] = 0
      const other = this.keys[id]!
      if (other === key || Math.abs(other.length - key.length) > budget) continue
      // q-gram lemma: an edit changes at most three trigrams (a transposition four) of the longer key.
      // For two edits the lemma allows a single shared trigram, which would verify half the vocabulary;
      // two edits spread so evenly that only one trigram survives are let go.
      if (shared < Math.max(budget >= 2 ? 2 : 1, Math.max(key.length, other.length) - 3 * budget - 1))
        continue
      if (bagDistance(key, other) > budget) continue
      if (boundedEditDistance(key, other, budget) <= budget) out.push(id)
    }
    return out
  }

  get bytes(): number {
    let total = 0
    for (const p of this.postings) total += p.bytes
    for (const k of this.keyParts) total += k.bytes
    for (const g of this.grams.values()) total += g.bytes
    return total
  }
}

const letterCounts = new Int32Array(128)

/** A lower bound of the edit distance from letter counts alone, far cheaper than the distance itself. */
function bagDistance(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) letterCounts[a.charCodeAt(i) & 127]!++
  for (let i = 0; i < b.length; i++) letterCounts[b.charCodeAt(i) & 127]!--
  let plus = 0
  let minus = 0
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i) & 127
    if (letterCounts[c]! > 0) plus += letterCounts[c]!
    letterCounts[c] = 0
  }
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i) & 127
    if (letterCounts[c]! < 0) minus -= letterCounts[c]!
    letterCounts[c] = 0
  }
  return Math.max(plus, minus)
}

/** Trigrams of a key padded with `^` and `$`, distinct. */
export function trigrams(key: string): string[] {
  const padded = `^${key}$`
  const out = new Set<string>()
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3))
  return [...out]
}

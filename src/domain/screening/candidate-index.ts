import type { ComparePart } from './align.ts'
import { CandidatePool } from './candidate-pool.ts'
import {
  type ComparisonResult,
  compareParsed,
  type PersonDetails,
  POSSIBLE_THRESHOLD,
  scoreNames,
} from './compare-names.ts'
import { EntryStore, type EntryStoreSnapshot } from './entry-store.ts'
import { type NamePart, type ParsedName, parseName } from './name-parts.ts'
import { comparePart, type PartSimilarity } from './part-similarity.ts'
import { adjustedRead, packDate, readQualifiers } from './qualifiers.ts'
import { expandQuery } from './query-expansion.ts'
import { Vocabulary } from './vocabulary.ts'

/** A person on an alert list, as the index needs them. */
export interface IndexEntry {
  id: string
  /** The name and every alias, in any script (Khmer script included). */
  names: readonly string[]
  birthDate?: string
  nationality?: string | readonly string[]
  sex?: string
}

export interface SearchOptions {
  /** Hits returned, best first (default 10). */
  limit?: number
  /** Hits below this score are left out (default: anything above 0). */
  minScore?: number
}

export interface SearchHit extends ComparisonResult {
  id: string
  /** Which of the entry's names matched best (0 = the first). */
  nameIndex: number
}

/** A candidate index as plain data: see `CandidateIndex.toSnapshot`. */
export interface CandidateIndexSnapshot {
  words: string[]
  store: EntryStoreSnapshot
}

/** Compacting costs a pass over everything; wait until removed entries are this share of the slots. */
const COMPACT_SHARE = 0.25

/**
 * In-process candidate index: an inverted index from variant keys to entries, with trigram-indexed
 * keys for typo tolerance. A search collects candidates weighted by how rare the keys they share with
 * the query are (rare names decide, "Nguyen" does not), then scores the best of them with the full,
 * explained comparison. Entries are added, replaced and removed one at a time, so the index can follow
 * every change to an alert list.
 */
export class CandidateIndex {
  private vocab = new Vocabulary()
  private store = new EntryStore()
  private readonly pool = new CandidatePool()

  get size(): number {
    return this.store.live
  }

  has(id: string): boolean {
    return this.store.slotOf(id) >= 0
  }

  /** The slot of a live entry (-1 if absent), and the id in a slot: a snapshot refers to entries by slot. */
  slotOf(id: string): number {
    return this.store.slotOf(id)
  }

  idAt(slot: number): string {
    return this.store.idOf(slot)
  }

  /** Adds an entry, replacing any entry with the same id. */
  add(entry: IndexEntry): void {
    this.remove(entry.id)
    const names: number[][] = []
    for (const name of entry.names) {
      const parts = parseName(name)
        .parts.map((p) => this.vocab.partId(p.text))
        .filter((p) => p !== undefined)
      if (parts.length > 0) names.push(parts)
    }
    const slot = this.store.add(entry.id, names, entry.birthDate, entry.nationality, entry.sex)
    this.post(slot, names)
  }

  /** Replaces an entry (or adds it): an alias added, a date corrected. */
  update(entry: IndexEntry): void {
    this.add(entry)
  }

  /**
   * Removes an entry; returns whether it was there. Its postings stay (skipped) until a quarter of all
   * slots are removed ones, when this call compacts the index: a pass over everything (a few seconds
   * per million entries), so a bulk delete pays it once or twice, not per entry.
   */
  remove(id: string): boolean {
    const slot = this.store.slotOf(id)
    if (slot < 0) return false
    this.store.remove(slot)
    const dead = this.store.size - this.store.live
    if (dead > 1000 && dead > this.store.size * COMPACT_SHARE) this.compact()
    return true
  }

  /** Drops removed entries from every posting list and renumbers the rest. */
  compact(): void {
    const store = this.store.compacted()
    for (const list of this.vocab.postings) list.length = 0
    this.store = store
    for (let slot = 0; slot < store.size; slot++) this.post(slot, store.names(slot))
  }

  /**
   * What it takes to restore this index exactly: its words in the order they were first seen (so each gets
   * the same id again) and its packed entries, removed slots included. Keys, trigrams and posting lists are
   * derived from these on restore, so they cost nothing to store.
   */
  toSnapshot(): CandidateIndexSnapshot {
    return { words: this.vocab.parts.map((p) => p.text), store: this.store.toSnapshot() }
  }

  /**
   * The index a snapshot describes, equal to the one it was taken from: same word ids, same slots, same
   * posting lists, hence the same hits for every query. Undefined when a word no longer gets the id it had
   * (the name code changed without a new NAME_KEY_VERSION) or the arrays disagree: rebuild instead.
   */
  static fromSnapshot(s: CandidateIndexSnapshot): CandidateIndex | undefined {
    const index = new CandidateIndex()
    for (let i = 0; i < s.words.length; i++) if (index.vocab.partId(s.words[i]!) !== i) return undefined
    const store = EntryStore.fromSnapshot(s.store, s.words.length)
    if (!store) return undefined
    index.store = store
    // Posting lists as `add` and `compact` leave them: slots ascending, each once per word, removed ones too.
    const { start, pool } = s.store
    const postings = index.vocab.postings
    for (let slot = 0; slot < start.length; slot++) {
      let at = start[slot]!
      const count = pool[at++]!
      for (let n = 0; n < count; n++) {
        const len = pool[at++]!
        for (let k = 0; k < len; k++) {
          const list = postings[pool[at + k]!]!
          if (list.length === 0 || list.data[list.length - 1] !== slot) list.push(slot)
        }
        at += len
      }
    }
    return index
  }

  private post(slot: number, names: number[][]): void {
    for (const parts of names) {
      for (const p of parts) {
        const list = this.vocab.postings[p]!
        if (list.length === 0 || list.data[list.length - 1] !== slot) list.push(slot)
      }
    }
  }

  /** Top candidates for a person, scored and explained, best first. */
  search(query: PersonDetails, options: SearchOptions = {}): SearchHit[] {
    const limit = Math.max(1, options.limit ?? 10)
    const parsed = parseName(query.name)
    if (parsed.parts.length === 0 || this.size === 0) return []
    const pool = this.pool.begin()
    const groups = expandQuery(this.vocab, this.store.live, parsed.parts)
    for (const group of groups) {
      for (const [partId, w] of group) {
        const list = this.vocab.postings[partId]!
        pool.accumulate(list.data, list.length, w)
      }
      pool.endWord()
    }
    const date = packDate(query.birthDate)
    // Removed entries still sit in posting lists until compaction; they are skipped here.
    const slots = pool
      .top(Math.max(40, limit * 4) + 8, { packed: this.store.birth, years: this.store.birthYears }, date)
      .filter((s) => this.store.isLive(s))
    const compare = memoised()
    const read = readQualifiers(query)
    // Candidates often share a name exactly ("Sok Dara" forty times): score each name once.
    const nameScores = new Map<string, { score: number; entry: ParsedName }>()
    const scored: { slot: number; nameIndex: number; entry: ParsedName; score: number }[] = []
    for (const slot of slots) {
      const qualifiers = this.store.readQualifiersOf(slot)
      let best = { nameIndex: -1, entry: parsed, score: -1 }
      this.store.names(slot).forEach((ids, nameIndex) => {
        const key = ids.join(',')
        let named = nameScores.get(key)
        if (!named) {
          const entry = this.parsedOf(ids)
          named = { score: scoreNames(parsed, entry, compare).score, entry }
          nameScores.set(key, named)
        }
        const adjusted = named.score + adjustedRead(0, named.score, POSSIBLE_THRESHOLD, read, qualifiers)
        const score = named.score === 0 ? 0 : Math.min(1, Math.max(0, adjusted))
        if (score > best.score) best = { nameIndex, entry: named.entry, score }
      })
      if (best.nameIndex >= 0 && best.score > (options.minScore ?? 0)) scored.push({ slot, ...best })
    }
    scored.sort((x, y) => y.score - x.score)
    return scored.slice(0, limit).map((s) => ({
      id: this.store.idOf(s.slot),
      nameIndex: s.nameIndex,
      ...compareParsed(parsed, s.entry, query, this.qualifiersOf(s.slot), compare),
    }))
  }

  private parsedOf(ids: number[]): ParsedName {
    const parts = ids.map((id) => this.vocab.parts[id]!)
    return { text: parts.map((p) => p.text).join(' '), parts }
  }

  private qualifiersOf(slot: number): Omit<PersonDetails, 'name'> {
    return {
      birthDate: this.store.birthDate(slot),
      nationality: this.store.nationalityOf(slot),
      sex: this.store.sexOf(slot),
    }
  }

  /** Approximate bytes held in typed arrays (postings, trigram lists, packed entries). */
  get bytes(): number {
    return this.vocab.bytes + this.store.bytes + this.pool.bytes
  }
}

/** Part comparisons repeat across candidates ("Nguyen" against "Nguyen" a hundred times): remember them. */
function memoised(): ComparePart {
  const cache = new Map<NamePart, Map<NamePart, PartSimilarity>>()
  return (a, b) => {
    let row = cache.get(a)
    if (!row) {
      row = new Map()
      cache.set(a, row)
    }
    let s = row.get(b)
    if (!s) {
      s = comparePart(a, b)
      row.set(b, s)
    }
    return s
  }
}

import {
  addConstant,
  addMax,
  addWithin,
  copyConstant,
  type List,
  maxConstant,
  maxTwoConstant,
} from './posting-merge.ts'
import { yearByte } from './qualifiers.ts'

/** Candidates sharing the query's birth date move up by up to this share of the best candidate's weight. */
const BIRTH_DATE_BONUS = 0.15
const BUCKETS = 256
/**
 * Whether the words left could still matter is asked only when their postings outnumber the candidates collected so
 * far by this much: the question costs two passes over the candidates.
 */
const PRUNE_VOLUME = 2

type Run = { buffer: number; length: number }
/** Birth dates by slot: packed yyyymmdd (0 for none) and the year byte of each (`yearByte`). */
export type BirthDates = { packed: Int32Array; years: Uint8Array }
/** A query word: its posting lists (one per spelling reached), how many postings they hold, their best weight. */
type Word = { lists: List[]; volume: number; best: number }

/**
 * Per-search scratch space for collecting candidates. Posting lists are sorted by slot, so their
 * weighted union is built by merging them into ping-pong buffers: every memory access is sequential,
 * which is what keeps a search over a million entries (posting lists of 50,000 for "Nguyen" or "Sok")
 * within a few milliseconds. Nothing in proportion to the postings is allocated per search.
 *
 * Words are merged rarest first. Once the candidates collected are enough to fill the top and the words left could
 * not lift a newcomer to the top's floor (a common surname of low weight), the words left only add to the
 * candidates already collected, looked up in their lists, instead of bringing in tens of thousands of bearers
 * that would be cut anyway. The top is the same either way (`prune: false` skips this, for tests).
 */
export class CandidatePool {
  /** Four run buffers: one holds the total so far, the others serve the current word's merges. */
  private slots = [0, 1, 2, 3].map(() => new Int32Array(4096))
  private weights = [0, 1, 2, 3].map(() => new Float32Array(4096))
  private picked = new Int32Array(4096)
  private among = new Int32Array(4096)
  private readonly histogram = new Int32Array(BUCKETS + 1)
  private lists: List[] = []
  private words: Word[] = []
  private total: Run = { buffer: 0, length: 0 }

  constructor(private readonly options: { prune: boolean } = { prune: true }) {}

  begin(): this {
    this.lists = []
    this.words = []
    this.total = { buffer: 0, length: 0 }
    return this
  }

  /** Adds weight `w` to every slot in `slots[0..length)` (sorted ascending), for the current query word. */
  accumulate(slots: Int32Array, length: number, w: number): void {
    if (length > 0) this.lists.push({ data: slots, length, w })
  }

  /**
   * Closes the current query word: a slot reached through several of its spellings (an entry with a
   * Latin and a Khmer-script alias) counts once, with its best weight; words then add up.
   */
  endWord(): void {
    const lists = this.lists
    this.lists = []
    if (lists.length === 0) return
    let volume = 0
    let best = 0
    for (const l of lists) {
      volume += l.length
      best = Math.max(best, l.w)
    }
    this.words.push({ lists, volume, best })
  }

  /** Adds up the words, rarest first; `n` and `liftShare` say what the top will take, for pruning. */
  private collect(n: number, liftShare: number): void {
    this.lookedUp = 0
    const words = this.words.sort((a, b) => a.volume - b.volume)
    this.words = []
    // reach[i]: the most that words i and after can give a slot.
    const reach = new Float64Array(words.length + 1)
    const volume = new Float64Array(words.length + 1)
    for (let i = words.length - 1; i >= 0; i--) {
      reach[i] = reach[i + 1]! + words[i]!.best
      volume[i] = volume[i + 1]! + words[i]!.volume
    }
    for (let i = 0; i < words.length; i++) {
      const t = this.total
      if (
        this.options.prune &&
        t.length >= n &&
        volume[i]! > PRUNE_VOLUME * t.length &&
        this.outOfReach(n, reach[i]!, liftShare)
      ) {
        this.lookedUp = words.length - i
        for (const word of words.slice(i)) {
          // In the order `merge` takes them, which rounds all but the largest list's weight to a float first.
          const lists = word.lists.sort((a, b) => a.length - b.length)
          addWithin(this.slots[t.buffer]!, this.weights[t.buffer]!, t.length, lists)
        }
        return
      }
      this.merge(words[i]!.lists)
    }
  }

  /**
   * Whether a slot given at most `reach` by the words left stays below what `top` keeps, however those words
   * raise the others: under the n-th weight so far (which only grows), less the birth date's lift and a histogram
   * bucket of the best weight the words could make.
   */
  private outOfReach(n: number, reach: number, liftShare: number): boolean {
    const t = this.total
    const values = this.weights[t.buffer]!
    let max = 0
    for (let i = 0; i < t.length; i++) if (values[i]! > max) max = values[i]!
    if (max === 0) return false
    this.cut(values, null, t.length, max, n)
    const most = max + reach
    return reach < this.cutLow - (liftShare + 1 / BUCKETS + 1e-6) * most
  }

  /** Merges one word's lists into the total. A run is never copied only to be merged. */
  private merge(unsorted: List[]): void {
    const lists = unsorted.sort((a, b) => a.length - b.length)
    this.ensure(this.total.length + lists.reduce((n, l) => n + l.length, 0))
    const { slots, weights } = this
    const t = this.total
    const [x, y, z] = [0, 1, 2, 3].filter((b) => b !== t.buffer) as [number, number, number]
    // The largest list is merged last, straight into the total, so its postings are copied only once.
    const largest = lists.pop()!
    let rest: Run | null = null
    if (lists.length === 1) rest = { buffer: x, length: copyConstant(lists[0]!, slots[x]!, weights[x]!) }
    else if (lists.length > 1) {
      let length = maxTwoConstant(lists[0]!, lists[1]!, slots[x]!, weights[x]!)
      let at = x
      for (const list of lists.slice(2)) {
        const next = at === x ? y : x
        length = maxConstant(slots[at]!, weights[at]!, length, list, slots[next]!, weights[next]!)
        at = next
      }
      rest = { buffer: at, length }
    }
    if (!rest) {
      this.total = {
        buffer: z,
        length: addConstant(slots[t.buffer]!, weights[t.buffer]!, t.length, largest, slots[z]!, weights[z]!),
      }
      return
    }
    const out = rest.buffer === x ? y : x
    if (t.length === 0) {
      const length = maxConstant(
        slots[rest.buffer]!,
        weights[rest.buffer]!,
        rest.length,
        largest,
        slots[out]!,
        weights[out]!,
      )
      this.total = { buffer: out, length }
      return
    }
    const length = addMax(
      slots[t.buffer]!,
      weights[t.buffer]!,
      t.length,
      slots[rest.buffer]!,
      weights[rest.buffer]!,
      rest.length,
      largest,
      slots[out]!,
      weights[out]!,
    )
    this.total = { buffer: out, length }
  }

  private ensure(n: number): void {
    if (this.slots[0]!.length >= n) return
    const cap = Math.max(n, this.slots[0]!.length * 2)
    const keep = this.total
    const slots = [0, 1, 2, 3].map(() => new Int32Array(cap))
    const weights = [0, 1, 2, 3].map(() => new Float32Array(cap))
    slots[keep.buffer]!.set(this.slots[keep.buffer]!.subarray(0, keep.length))
    weights[keep.buffer]!.set(this.weights[keep.buffer]!.subarray(0, keep.length))
    this.slots = slots
    this.weights = weights
    this.picked = new Int32Array(cap)
    this.among = new Int32Array(cap)
  }

  /** How many words the last `top` looked up among the candidates instead of merging, for diagnostics. */
  lookedUp = 0

  /**
   * Up to `n` slots with the most weight, best first, in linear time: a histogram of the weights gives
   * the cut-off and only slots above it are sorted. When `date` is given (packed yyyymmdd), a slot whose
   * birth date (`birth`) agrees is lifted by a share of the best weight, to break ties between equal names;
   * only slots that the lift could carry over the cut-off are looked at.
   * The words closed since `begin` are added up first (`collect`).
   */
  top(n: number, birth?: BirthDates, date = 0): number[] {
    this.collect(n, birth && date ? BIRTH_DATE_BONUS : 0)
    const slots = this.slots[this.total.buffer]!
    const values = this.weights[this.total.buffer]!
    const count = this.total.length
    let max = 0
    for (let i = 0; i < count; i++) if (values[i]! > max) max = values[i]!
    if (max === 0) return []
    const picked = this.picked
    let m: number
    if (!birth || !date) m = this.pick(values, null, count, max, n, picked)
    else {
      // The first cut only bounds which slots the lift could carry over it: nothing is picked by it.
      this.cut(values, null, count, max, n)
      const lift = BIRTH_DATE_BONUS * max
      const floor = this.cutLow - lift
      const year = Math.floor(date / 10000)
      const byte = yearByte(date)
      const { packed, years } = birth
      const among = this.among
      let k = 0
      for (let i = 0; i < count; i++) {
        if (values[i]! < floor) continue
        const slot = slots[i]!
        const y = years[slot]!
        if (y === byte || y === 255) {
          const b = packed[slot]!
          if (Math.floor(b / 10000) === year) values[i]! += b === date && date % 100 !== 0 ? lift : lift / 2
        }
        among[k++] = i
      }
      m = this.pick(values, among, k, max + lift, n, picked)
    }
    const chosen: number[] = []
    for (let k = 0; k < m; k++) chosen.push(picked[k]!)
    chosen.sort((x, y) => values[y]! - values[x]! || slots[x]! - slots[y]!)
    for (let k = 0; k < chosen.length; k++) chosen[k] = slots[chosen[k]!]!
    return chosen
  }

  private cutLow = 0

  /**
   * Writes into `out` the indices (of `among`, or of all `count` values) of the `n` largest values, to a
   * histogram bucket's precision, and returns how many. Ties at the cut are taken first come.
   */
  private pick(
    values: Float32Array,
    among: Int32Array | null,
    count: number,
    max: number,
    n: number,
    out: Int32Array,
  ): number {
    const above = this.cut(values, among, count, max, n)
    const scale = BUCKETS / max
    const cut = this.cutBucket
    let room = n - above
    let m = 0
    for (let k = 0; k < count; k++) {
      const i = among ? among[k]! : k
      const b = (values[i]! * scale) | 0
      if (b > cut || (b === cut && room-- > 0)) out[m++] = i
    }
    return m
  }

  private cutBucket = 0

  /**
   * The histogram bucket where the `n` largest values end (`cutBucket`, and its weight `cutLow`), and how many
   * values lie above it.
   */
  private cut(values: Float32Array, among: Int32Array | null, count: number, max: number, n: number): number {
    const histogram = this.histogram
    histogram.fill(0)
    const scale = BUCKETS / max
    for (let k = 0; k < count; k++) histogram[(values[among ? among[k]! : k]! * scale) | 0]!++
    let cut = BUCKETS
    let above = 0
    while (cut > 0 && above + histogram[cut]! < n) above += histogram[cut--]!
    this.cutLow = cut / scale
    this.cutBucket = cut
    return above
  }

  get bytes(): number {
    return 4 * (this.slots[0]!.byteLength + this.weights[0]!.byteLength) + 2 * this.picked.byteLength
  }
}

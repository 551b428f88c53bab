import { createHash } from 'node:crypto'
import { FINE } from '../statistics/fold-deltas.ts'
import type { TrafficBatch } from './seed-traffic-batch.ts'

/**
 * The COPY seed counts its own crossings into the five statistics cuboids *in this process*, while it generates
 * them: every row passes through here anyway, so each one costs a few map updates instead of PostgreSQL joining
 * ten million crossings to their travellers and passports, hashing and grouping them before commit (the largest
 * server phase of a seed). The cells are exactly `stat_crossing_cells` (migration 0024) grouped: the crossing's
 * day, post, direction, decision, refusal reason, the traveller's nationality, sex and age on that day, the
 * document's type and the purpose, with the record key (the first 12 bits of SHA-256 of the database's secret
 * followed by the crossing's id, migration 0014). `seed-traffic-copy.test.ts` compares the cuboids with a
 * brute-force count after a seed, on an empty database and on a filled one.
 *
 * Memory: each fine cell is a map entry of one packed number (its dimensions' codes in first-seen order, mixed
 * radix) under its day, plus its count and key sum — about 70 bytes; ten million crossings make nine million
 * cells. Each cuboid's rows are emitted in its primary key's order (the codes ranked by value), so building the
 * primary key again after the copy sorts presorted input.
 */

const COLUMNS = FINE.split(',').map((c) => c.trim())
/** Distinct values each dimension may take during a seed (the day is a partition, not packed). */
const RADIX = [0, 1024, 4, 8, 64, 512, 8, 128, 8, 64]

/** One dimension's values, coded in first-seen order; `rank` gives each code's place in sorted order. */
class Dictionary {
  readonly codes = new Map<string | number, number>()
  readonly values: (string | number)[] = []
  constructor(
    private readonly name: string,
    private readonly limit: number,
  ) {}
  code(value: string | number): number {
    const found = this.codes.get(value)
    if (found !== undefined) return found
    if (this.values.length >= this.limit)
      throw new RangeError(`the seed's count holds at most ${this.limit} values of ${this.name}`)
    this.values.push(value)
    this.codes.set(value, this.values.length - 1)
    return this.values.length - 1
  }
  /** Code → rank in ascending order of value (numbers as numbers, text by code unit, as the C collation). */
  ranks(): { rank: Int32Array; sorted: (string | number)[] } {
    const sorted = [...this.values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    const at = new Map(sorted.map((v, i) => [v, i]))
    return { rank: Int32Array.from(this.values, (v) => at.get(v)!), sorted }
  }
}

/**
 * The age on a day as the statistics view computes it in SQL (migration 0024): years between the dates, one less
 * before the birthday (a year-month birth date counts from the month's first, a bare year from 1 January), kept
 * within -1..100; no birth date is -1.
 */
export function cellAge(birth: string | null | undefined, on: string): number {
  if (!birth) return -1
  const since =
    birth.length === 10 ? birth.slice(5, 10) : birth.length === 7 ? `${birth.slice(5, 7)}-01` : '01-01'
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5, 10) < since ? 1 : 0)
  return Math.min(100, Math.max(-1, years))
}

/** `stat_record_key`: the first 12 bits of SHA-256(secret ‖ id). */
export function recordKey(secret: string, id: string): number {
  const h = createHash('sha256')
    .update(secret + id)
    .digest()
  return h[0]! * 16 + (h[1]! >> 4)
}

/** One cuboid's rows: its key columns' values, the count and the key sum. */
export type CuboidRow = [values: (string | number)[], count: number, keySum: number]

export class SeedCells {
  private readonly dims = COLUMNS.map((name, i) => new Dictionary(name, i === 0 ? 1 << 20 : RADIX[i]!))
  /** Per day code: packed dimensions → slot. */
  private readonly days: Map<number, number>[] = []
  private readonly packed: number[] = []
  private readonly dayOf: number[] = []
  private readonly n: number[] = []
  private readonly k: number[] = []
  crossings = 0

  constructor(private readonly secret: string) {}

  get cells(): number {
    return this.n.length
  }

  /** Counts a batch's crossings into their fine cells. */
  add(batch: TrafficBatch): void {
    const { t, t2, c } = batch
    const [day, post, direction, decision, refusal, nationality, sex, age, type, purpose] = this.dims
    const passport = type!.code('P')
    let p = 0
    let nat = 0
    let sx = 0
    for (let i = 0; i < c.id.length; i++) {
      // A traveller's movements follow one another in the batch: walk the travellers alongside.
      if (i === 0 || c.traveller[i] !== t.id[p]) {
        if (i > 0) p++
        while (t.id[p] !== c.traveller[i]) p++
        nat = nationality!.code(t2.nationality[p]!)
        sx = sex!.code(t2.sex[p]!)
      }
      const on = c.on[i]!
      let key = post!.code(c.post[i]!)
      key = key * 4 + direction!.code(c.direction[i]!)
      key = key * 8 + decision!.code(c.decision[i]!)
      key = key * 64 + refusal!.code(c.refusal[i] ?? '')
      key = key * 512 + nat
      key = key * 8 + sx
      key = key * 128 + age!.code(cellAge(t.birth[p], on))
      key = key * 8 + passport
      key = key * 64 + purpose!.code(c.purpose[i] ?? '')
      const d = day!.code(on)
      let cells = this.days[d]
      if (!cells) {
        cells = new Map()
        this.days[d] = cells
      }
      let slot = cells.get(key)
      if (slot === undefined) {
        slot = this.n.length
        cells.set(key, slot)
        this.packed.push(key)
        this.dayOf.push(d)
        this.n.push(0)
        this.k.push(0)
      }
      this.n[slot]! += 1
      this.k[slot]! += recordKey(this.secret, c.id[i]!)
    }
    this.crossings += c.id.length
  }

  /**
   * The rows of the cuboid keyed by `columns` (names of the fine cell's columns, or `month` for its day's
   * month), in key order, in chunks of at most `chunk` rows.
   */
  *rows(columns: string, chunk = 20_000): Generator<CuboidRow[]> {
    const wanted = columns.split(',').map((c) => c.trim())
    const ranked = this.dims.map((d) => d.ranks())
    // Months: each day code's month, ranked like any dimension.
    const months = new Dictionary('month', 1 << 20)
    const monthOfDay = Int32Array.from(ranked[0]!.sorted, (d) => months.code(`${String(d).slice(0, 7)}-01`))
    const rankedMonths = months.ranks()
    const dayRank = ranked[0]!.rank
    const source = wanted.map((name) => {
      if (name === 'month') return -1
      const i = COLUMNS.indexOf(name)
      if (i < 0) throw new Error(`not a cell column: ${name}`)
      return i
    })
    const sizes = source.map((i) => (i < 0 ? rankedMonths.sorted.length : ranked[i]!.sorted.length))
    // The first column partitions the rows; the others make one number, mixed radix over their value counts.
    const parts: Map<number, number>[] = []
    const outN: number[] = []
    const outK: number[] = []
    const codes = new Array<number>(COLUMNS.length)
    for (let s = 0; s < this.n.length; s++) {
      let x = this.packed[s]!
      for (let i = COLUMNS.length - 1; i > 0; i--) {
        codes[i] = ranked[i]!.rank[x % RADIX[i]!]!
        x = Math.floor(x / RADIX[i]!)
      }
      codes[0] = dayRank[this.dayOf[s]!]!
      const rankOf = (j: number) => {
        const i = source[j]!
        return i < 0 ? rankedMonths.rank[monthOfDay[codes[0]!]!]! : codes[i]!
      }
      let key = 0
      for (let j = 1; j < source.length; j++) key = key * sizes[j]! + rankOf(j)
      const part = rankOf(0)
      let m = parts[part]
      if (!m) {
        m = new Map()
        parts[part] = m
      }
      const slot = m.get(key)
      if (slot === undefined) {
        m.set(key, outN.length)
        outN.push(this.n[s]!)
        outK.push(this.k[s]!)
      } else {
        outN[slot]! += this.n[s]!
        outK[slot]! += this.k[s]!
      }
    }
    const valueOf = (j: number, rank: number) =>
      source[j]! < 0 ? rankedMonths.sorted[rank]! : ranked[source[j]!]!.sorted[rank]!
    let out: CuboidRow[] = []
    for (let part = 0; part < parts.length; part++) {
      const m = parts[part]
      if (!m) continue
      const keys = Float64Array.from(m.keys()).sort()
      for (const key of keys) {
        const values = new Array<string | number>(source.length)
        values[0] = valueOf(0, part)
        let x = key
        for (let j = source.length - 1; j > 0; j--) {
          values[j] = valueOf(j, x % sizes[j]!)
          x = Math.floor(x / sizes[j]!)
        }
        const slot = m.get(key)!
        out.push([values, outN[slot]!, outK[slot]!])
        if (out.length >= chunk) {
          yield out
          out = []
        }
      }
    }
    if (out.length) yield out
  }
}

import { FINE } from '../statistics/fold-deltas.ts'
import type { TrafficBatch } from './seed-traffic-batch.ts'
import { field } from './seed-traffic-copy-text.ts'
import { RecordKeys } from './seed-traffic-record-key.ts'

/**
 * The COPY seed counts its own crossings into the five statistics cuboids *in this process*, while it generates
 * them: every row passes through here anyway, so each costs a few dictionary look-ups and one number appended,
 * instead of PostgreSQL joining ten million crossings to their travellers and passports, hashing and grouping
 * them before commit (the largest server phase of a seed). The cells are exactly `stat_crossing_cells`
 * (migration 0024) grouped: the crossing's day, post, direction, decision, refusal reason, the traveller's
 * nationality, sex and age on that day, the document's type and the purpose, with the record key (the first 12
 * bits of SHA-256 of the database's secret followed by the crossing's id, migration 0014).
 * `seed-traffic-copy.test.ts` compares the cuboids with a brute-force count after a seed, on an empty database and
 * on a filled one.
 *
 * Memory: one 8-byte number per crossing, appended under its day — the nine other dimensions' codes, mixed radix
 * (41 bits), then the record key (12 bits): 53 bits, exact in a double. No map per cell: at the end each day's
 * numbers are sorted (a native sort of a typed array), and equal cells lie side by side. Codes are renumbered in
 * order of value first, so the fine cells come out in the primary key's order, and rebuilding that key after the
 * copy sorts presorted rows. The coarser cuboids are summed from the fine cells in maps, one per value of their
 * first column.
 */

const COLUMNS = FINE.split(',').map((c) => c.trim())
/** Distinct values each dimension may take during one seed (the day partitions, it is not packed). */
const RADIX = [0, 256, 4, 4, 32, 256, 4, 128, 4, 32]
const KEYS = 4096

/** One dimension's values, coded in first-seen order; `ranks` renumbers them in order of value. */
class Dictionary {
  private readonly codes = new Map<string | number, number>()
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
  /** A dictionary holding `values` with their codes, as one handed over from another thread. */
  static of(name: string, limit: number, values: (string | number)[]): Dictionary {
    const d = new Dictionary(name, limit)
    for (const v of values) d.code(v)
    return d
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

/** A coarser cuboid summed from the fine cells: per value of its first column, the rest's number → sums. */
interface Coarse {
  source: number[]
  sizes: number[]
  parts: Map<number, [number, number]>[]
}

/** The cells counted so far, as plain data a thread can hand to another (`SeedCells.state`, `SeedCells.from`). */
export interface SeedCellsState {
  secret: string
  values: (string | number)[][]
  /** Per day code, the crossings' numbers (the buffers are transferred, not copied); null for a code not used. */
  days: (Float64Array | null)[]
  used: number[]
  crossings: number
}

export class SeedCells {
  private dims = COLUMNS.map((name, i) => new Dictionary(name, i === 0 ? 1 << 20 : RADIX[i]!))
  /** Per day code, the crossings' numbers (dimension codes and record key) and how many are used. */
  private days: Float64Array[] = []
  private used: number[] = []
  private ranked: ReturnType<Dictionary['ranks']>[] | null = null
  private months: ReturnType<Dictionary['ranks']> | null = null
  private monthRank: Int32Array | null = null
  private readonly coarse = new Map<string, Coarse>()
  crossings = 0

  private readonly keys: RecordKeys

  constructor(private readonly secret: string) {
    this.keys = new RecordKeys(secret)
  }

  /** Everything counted, for another thread (the seed counts where it generates, and copies the cells elsewhere). */
  state(): SeedCellsState {
    if (this.ranked) throw new Error('the cells were already summed')
    return {
      secret: this.secret,
      values: this.dims.map((d) => d.values),
      days: Array.from(this.days, (d) => d ?? null),
      used: Array.from(this.used, (n) => n ?? 0),
      crossings: this.crossings,
    }
  }

  /** The cells of `state`, as the thread that counted them left them. */
  static from(state: SeedCellsState): SeedCells {
    const cells = new SeedCells(state.secret)
    cells.dims = COLUMNS.map((name, i) =>
      Dictionary.of(name, i === 0 ? 1 << 20 : RADIX[i]!, state.values[i] ?? []),
    )
    cells.days = state.days.map((d) => d ?? undefined) as Float64Array[]
    cells.used = [...state.used]
    cells.crossings = state.crossings
    return cells
  }

  /** Counts a batch's crossings into their fine cells. */
  add(batch: TrafficBatch): void {
    if (this.ranked) throw new Error('the cells were already summed')
    const { t, t2, c } = batch
    const [day, post, direction, decision, refusal, nationality, sex, age, type, purpose] = this.dims
    const passport = type!.code('P')
    let p = 0
    let person = 0
    for (let i = 0; i < c.id.length; i++) {
      // A traveller's movements follow one another in the batch: walk the travellers alongside.
      if (i === 0 || c.traveller[i] !== t.id[p]) {
        if (i > 0) p++
        while (t.id[p] !== c.traveller[i]) p++
        person = nationality!.code(t2.nationality[p]!) * 4 + sex!.code(t2.sex[p]!)
      }
      const on = c.on[i]!
      let x = post!.code(c.post[i]!)
      x = x * 4 + direction!.code(c.direction[i]!)
      x = x * 4 + decision!.code(c.decision[i]!)
      x = x * 32 + refusal!.code(c.refusal[i] ?? '')
      x = x * 1024 + person
      x = x * 128 + age!.code(cellAge(t.birth[p], on))
      x = x * 4 + passport
      x = x * 32 + purpose!.code(c.purpose[i] ?? '')
      x = x * KEYS + this.keys.of(c.id[i]!)
      const d = day!.code(on)
      let numbers = this.days[d]
      const n = this.used[d] ?? 0
      if (!numbers || n === numbers.length) {
        const grown = new Float64Array(Math.max(256, n * 2))
        if (numbers) grown.set(numbers)
        numbers = grown
        this.days[d] = numbers
      }
      numbers[n] = x
      this.used[d] = n + 1
    }
    this.crossings += c.id.length
  }

  /**
   * After the last batch: renumbers every code in order of value, sorts each day's crossings so that equal cells
   * lie together in key order, and sums the coarser cuboids `columns` (each a list of column names, `month` for
   * the day's month) from the fine cells.
   */
  sum(cuboids: string[]): void {
    const ranked = this.dims.map((d) => d.ranks())
    const months = new Dictionary('month', 1 << 20)
    const monthCode = Int32Array.from(ranked[0]!.sorted, (d) => months.code(`${String(d).slice(0, 7)}-01`))
    this.months = months.ranks()
    const monthRanks = this.months.rank
    this.monthRank = monthCode.map((code) => monthRanks[code]!)
    this.ranked = ranked
    for (const columns of cuboids) {
      const source = columns.split(',').map((c) => {
        const name = c.trim()
        const i = name === 'month' ? -1 : COLUMNS.indexOf(name)
        if (i < 0 && name !== 'month') throw new Error(`not a cell column: ${name}`)
        return i
      })
      const sizes = source.map((i) => (i < 0 ? this.months! : ranked[i]!).sorted.length)
      if (sizes.slice(1).reduce((a, b) => a * b, 1) > Number.MAX_SAFE_INTEGER)
        throw new RangeError(`too many distinct cells to number for ${columns}`)
      this.coarse.set(columns, { source, sizes, parts: [] })
    }
    const coarse = [...this.coarse.values()]
    const codes = new Array<number>(COLUMNS.length)
    for (let d = 0; d < this.days.length; d++) {
      const numbers = this.days[d]
      if (!numbers) continue
      const n = this.used[d]!
      for (let i = 0; i < n; i++) {
        const key = numbers[i]! % KEYS
        let x = (numbers[i]! - key) / KEYS
        let r = 0
        let scale = KEYS
        for (let j = COLUMNS.length - 1; j > 0; j--) {
          r += ranked[j]!.rank[x % RADIX[j]!]! * scale
          scale *= RADIX[j]!
          x = Math.floor(x / RADIX[j]!)
        }
        numbers[i] = r + key
      }
      const sorted = numbers.subarray(0, n).sort()
      // Summed into the coarser cuboids a fine cell at a time.
      codes[0] = ranked[0]!.rank[d]!
      this.cellsOf(sorted, codes, (count, keys) => {
        for (const c of coarse) this.addCoarse(c, codes, count, keys)
      })
    }
  }

  /** Calls `cell` for each run of equal cells of a sorted day, with `codes` set to its ranks (day's already set). */
  private cellsOf(sorted: Float64Array, codes: number[], cell: (count: number, keys: number) => void): void {
    let i = 0
    while (i < sorted.length) {
      const first = sorted[i]!
      const cellOf = Math.floor(first / KEYS)
      let count = 0
      let keys = 0
      while (i < sorted.length && Math.floor(sorted[i]! / KEYS) === cellOf) {
        keys += sorted[i]! % KEYS
        count++
        i++
      }
      let x = cellOf
      for (let j = COLUMNS.length - 1; j > 0; j--) {
        codes[j] = x % RADIX[j]!
        x = Math.floor(x / RADIX[j]!)
      }
      cell(count, keys)
    }
  }

  private addCoarse(c: Coarse, codes: number[], count: number, keys: number): void {
    const rankOf = (j: number) => (c.source[j]! < 0 ? this.monthRank![codes[0]!]! : codes[c.source[j]!]!)
    let key = 0
    for (let j = 1; j < c.source.length; j++) key = key * c.sizes[j]! + rankOf(j)
    const part = rankOf(0)
    let m = c.parts[part]
    if (!m) {
      m = new Map()
      c.parts[part] = m
    }
    const sums = m.get(key)
    if (sums) {
      sums[0] += count
      sums[1] += keys
    } else m.set(key, [count, keys])
  }

  /**
   * The rows of the fine cuboid (`FINE`) or of a coarser one summed by `sum`, in key order, as COPY text (the key
   * columns, the count, the key sum), in chunks of at most `chunk` rows. Each value is escaped once, not per row.
   */
  *text(columns: string, chunk = 20_000): Generator<string> {
    const ranked = this.ranked
    if (!ranked) throw new Error('the cells are not summed yet')
    const escaped = ranked.map((r) => r.sorted.map(field))
    const months = this.months!.sorted.map(field)
    let out: string[] = []
    const flush = () => {
      out.push('')
      const text = out.join('\n')
      out = []
      return text
    }
    if (columns === FINE) {
      const codes = new Array<number>(COLUMNS.length)
      const days = ranked[0]!.rank
      const order = Array.from(days.keys()).sort((a, b) => days[a]! - days[b]!)
      const [, post, direction, decision, refusal, nationality, sex, age, type, purpose] = escaped
      for (const d of order) {
        const numbers = this.days[d]
        if (!numbers) continue
        codes[0] = days[d]!
        const day = escaped[0]![codes[0]]!
        const lines: string[] = []
        this.cellsOf(numbers.subarray(0, this.used[d]!), codes, (count, keys) => {
          lines.push(
            `${day}\t${post![codes[1]!]}\t${direction![codes[2]!]}\t${decision![codes[3]!]}\t${refusal![codes[4]!]}\t${nationality![codes[5]!]}\t${sex![codes[6]!]}\t${age![codes[7]!]}\t${type![codes[8]!]}\t${purpose![codes[9]!]}\t${count}\t${keys}`,
          )
        })
        for (const line of lines) {
          out.push(line)
          if (out.length >= chunk) yield flush()
        }
      }
    } else {
      const c = this.coarse.get(columns)
      if (!c) throw new Error(`not summed: ${columns}`)
      const text = c.source.map((i) => (i < 0 ? months : escaped[i]!))
      const fields = new Array<string>(c.source.length + 2)
      for (let part = 0; part < c.parts.length; part++) {
        const m = c.parts[part]
        if (!m) continue
        fields[0] = text[0]![part]!
        for (const key of Float64Array.from(m.keys()).sort()) {
          let x = key
          for (let j = c.source.length - 1; j > 0; j--) {
            fields[j] = text[j]![x % c.sizes[j]!]!
            x = Math.floor(x / c.sizes[j]!)
          }
          const [count, keys] = m.get(key)!
          fields[c.source.length] = String(count)
          fields[c.source.length + 1] = String(keys)
          out.push(fields.join('\t'))
          if (out.length >= chunk) yield flush()
        }
      }
    }
    if (out.length) yield flush()
  }
}

import { IdTable, type IdTableSnapshot } from './id-table.ts'
import { IntList } from './int-list.ts'
import { packDate, type ReadQualifiers, readQualifiers, unpackDate, yearByte } from './qualifiers.ts'

/** Packed sex (0 none, 1 F, 2 M, 3 X) as `readQualifiers` reads it: only F and M say anything. */
const SEX_READ = [undefined, 'F', 'M', undefined] as const

/**
 * Entries by slot number, packed: names as part ids in one shared integer pool, birth dates as one
 * integer, nationalities interned. A slot is never reused; a removed entry leaves a hole until the
 * index compacts.
 */
export class EntryStore {
  private ids = new IdTable()
  /** Per slot: offset into `pool`, where [nameCount, len₁, part…, len₂, part…] starts. */
  start = new Int32Array(1024)
  pool = new IntList(4096)
  /** yyyymmdd with 00 for an unknown month or day; 0 when no date. */
  birth = new Int32Array(1024)
  /**
   * The birth year of each slot in one byte (see `yearByte`), so that a search over thousands of candidates reads 1 MB
   * per million entries at random rather than 4: derived from `birth`, never stored.
   */
  birthYears = new Uint8Array(1024)
  nationality = new Uint16Array(1024)
  sex = new Uint8Array(1024)
  private readonly nationalities: string[] = ['']
  private readonly nationalityIds = new Map<string, number>([['', 0]])
  /** Each interned nationality's codes as `readQualifiers` normalises them, read the first time a search needs them. */
  private readonly nationalityCodes: (readonly string[] | undefined)[] = []
  /** Slots ever used (live and removed). */
  get size(): number {
    return this.ids.slots
  }

  get live(): number {
    return this.ids.live
  }

  slotOf(id: string): number {
    return this.ids.slotOf(id)
  }

  idOf(slot: number): string {
    return this.ids.idOf(slot)
  }

  isLive(slot: number): boolean {
    return this.ids.isLive(slot)
  }

  add(
    id: string,
    names: number[][],
    birthDate?: string,
    nationality?: string | readonly string[],
    sex?: string,
  ): number {
    const s = sex?.trim().toUpperCase()[0]
    return this.addPacked(
      id,
      names,
      packDate(birthDate),
      this.internNationality(nationality),
      s === 'F' ? 1 : s === 'M' ? 2 : s === 'X' ? 3 : 0,
    )
  }

  /** Adds with qualifiers already packed (compaction copies slots this way). */
  addPacked(id: string, names: number[][], birth: number, nationality: number, sex: number): number {
    const slot = this.ids.add(id)
    this.ensure(slot + 1)
    this.start[slot] = this.pool.length
    this.pool.push(names.length)
    for (const parts of names) {
      this.pool.push(parts.length)
      for (const p of parts) this.pool.push(p)
    }
    this.birth[slot] = birth
    this.birthYears[slot] = yearByte(birth)
    this.nationality[slot] = nationality
    this.sex[slot] = sex
    return slot
  }

  /** A store holding only the live slots, renumbered in order, with the same nationality table. */
  compacted(): EntryStore {
    const next = new EntryStore()
    next.nationalities.push(...this.nationalities.slice(1))
    for (const [k, v] of this.nationalityIds) next.nationalityIds.set(k, v)
    for (let slot = 0; slot < this.size; slot++) {
      if (!this.isLive(slot)) continue
      next.addPacked(
        this.idOf(slot),
        this.names(slot),
        this.birth[slot]!,
        this.nationality[slot]!,
        this.sex[slot]!,
      )
    }
    return next
  }

  /** Everything the store holds, trimmed copies, to be persisted. */
  toSnapshot(): EntryStoreSnapshot {
    const n = this.size
    return {
      ids: this.ids.toSnapshot(),
      start: this.start.slice(0, n),
      pool: this.pool.data.slice(0, this.pool.length),
      birth: this.birth.slice(0, n),
      nationality: this.nationality.slice(0, n),
      sex: this.sex.slice(0, n),
      nationalities: this.nationalities.slice(1),
    }
  }

  /**
   * The store a snapshot describes; undefined when its arrays disagree (lengths, an entry running past the
   * pool, a part id at or beyond `partCount`, an unknown nationality), so a bad snapshot is rebuilt, never used.
   */
  static fromSnapshot(s: EntryStoreSnapshot, partCount: number): EntryStore | undefined {
    const ids = IdTable.fromSnapshot(s.ids)
    const n = s.start.length
    if (!ids || ids.slots !== n || s.birth.length !== n || s.nationality.length !== n || s.sex.length !== n)
      return undefined
    const nationalityCount = s.nationalities.length + 1
    for (let slot = 0; slot < n; slot++) {
      if (s.nationality[slot]! >= nationalityCount || s.sex[slot]! > 3) return undefined
      let at = s.start[slot]!
      if (at < 0 || at >= s.pool.length) return undefined
      const count = s.pool[at++]!
      for (let name = 0; name < count; name++) {
        const len = s.pool[at++] ?? -1
        if (len < 0 || at + len > s.pool.length) return undefined
        for (let k = 0; k < len; k++) {
          const part = s.pool[at + k]!
          if (part < 0 || part >= partCount) return undefined
        }
        at += len
      }
    }
    const store = new EntryStore()
    store.ids = ids
    const cap = Math.max(1024, n)
    store.start = new Int32Array(cap)
    store.start.set(s.start)
    store.birth = new Int32Array(cap)
    store.birth.set(s.birth)
    store.birthYears = new Uint8Array(cap)
    for (let slot = 0; slot < n; slot++) store.birthYears[slot] = yearByte(s.birth[slot]!)
    store.nationality = new Uint16Array(cap)
    store.nationality.set(s.nationality)
    store.sex = new Uint8Array(cap)
    store.sex.set(s.sex)
    store.pool = new IntList(Math.max(4096, s.pool.length))
    store.pool.data.set(s.pool)
    store.pool.length = s.pool.length
    for (const key of s.nationalities) {
      store.nationalityIds.set(key, store.nationalities.length)
      store.nationalities.push(key)
    }
    return store
  }

  remove(slot: number): void {
    this.ids.remove(slot)
  }

  /** Part ids of each name of a slot. */
  names(slot: number): number[][] {
    let at = this.start[slot]!
    const data = this.pool.data
    const count = data[at++]!
    const out: number[][] = []
    for (let n = 0; n < count; n++) {
      const len = data[at++]!
      out.push(Array.from(data.subarray(at, at + len)))
      at += len
    }
    return out
  }

  birthDate(slot: number): string | undefined {
    const v = this.birth[slot]!
    if (v === 0) return undefined
    const y = Math.floor(v / 10000)
    const m = Math.floor(v / 100) % 100
    const d = v % 100
    const pad = (n: number) => String(n).padStart(2, '0')
    return m === 0 ? String(y) : d === 0 ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`
  }

  nationalityOf(slot: number): string[] | undefined {
    const v = this.nationalities[this.nationality[slot]!]!
    return v === '' ? undefined : v.split(',')
  }

  sexOf(slot: number): string | undefined {
    return ['', 'F', 'M', 'X'][this.sex[slot]!] || undefined
  }

  /**
   * The slot's qualifiers as `readQualifiers` reads them from `birthDate`, `nationalityOf` and `sexOf`, without going
   * through their text: a search reads them for every candidate it scores.
   */
  readQualifiersOf(slot: number): ReadQualifiers {
    const n = this.nationality[slot]!
    let nationality = this.nationalityCodes[n]
    if (nationality === undefined) {
      nationality = readQualifiers({ nationality: this.nationalityOf(slot) }).nationality
      this.nationalityCodes[n] = nationality
    }
    return { birth: unpackDate(this.birth[slot]!), nationality, sex: SEX_READ[this.sex[slot]!] }
  }

  private internNationality(value: string | readonly string[] | undefined): number {
    const list = typeof value === 'string' ? [value] : (value ?? [])
    const key = list
      .map((v) => v.trim().toUpperCase())
      .filter(Boolean)
      .sort()
      .join(',')
    let id = this.nationalityIds.get(key)
    if (id === undefined && this.nationalities.length < 65535) {
      id = this.nationalities.length
      this.nationalities.push(key)
      this.nationalityIds.set(key, id)
    }
    return id ?? 0
  }

  private ensure(n: number): void {
    if (n <= this.start.length) return
    const cap = Math.max(n, Math.ceil(this.start.length * 1.5))
    const grow = <T extends Int32Array | Uint16Array | Uint8Array>(a: T, make: (c: number) => T): T => {
      const b = make(cap)
      b.set(a)
      return b
    }
    this.start = grow(this.start, (c) => new Int32Array(c))
    this.birth = grow(this.birth, (c) => new Int32Array(c))
    this.birthYears = grow(this.birthYears, (c) => new Uint8Array(c))
    this.nationality = grow(this.nationality, (c) => new Uint16Array(c))
    this.sex = grow(this.sex, (c) => new Uint8Array(c))
  }

  get bytes(): number {
    return (
      this.ids.bytes +
      this.pool.bytes +
      this.start.byteLength +
      this.birth.byteLength +
      this.birthYears.byteLength +
      this.nationality.byteLength +
      this.sex.byteLength
    )
  }
}

/** An `EntryStore` as plain arrays (see the fields of the class); `nationalities` without the empty one. */
export interface EntryStoreSnapshot {
  ids: IdTableSnapshot
  start: Int32Array
  pool: Int32Array
  birth: Int32Array
  nationality: Uint16Array
  sex: Uint8Array
  nationalities: string[]
}

/**
 * Entry ids by slot and slots by id, without a JavaScript object per entry: ids are packed into one
 * array of UTF-16 code units and looked up through an open-addressing hash table of integers. A
 * million ids as strings in a Map would be a million heap objects for the garbage collector to walk
 * on every major collection, which shows up as search latency.
 */
export class IdTable {
  private chars: Uint16Array = new Uint16Array(1 << 16)
  private used = 0
  private offsets = new Int32Array(1024)
  private lengths = new Int32Array(1024)
  private alive = new Uint8Array(1024)
  /** slot + 1 per bucket; 0 = empty, -1 = deleted. */
  private table = new Int32Array(2048)
  private filled = 0
  slots = 0
  live = 0

  /** The packed ids, to be persisted; arrays are trimmed to what is used (copies, not views). */
  toSnapshot(): IdTableSnapshot {
    return {
      chars: this.chars.slice(0, this.used),
      offsets: this.offsets.slice(0, this.slots),
      lengths: this.lengths.slice(0, this.slots),
      alive: this.alive.slice(0, this.slots),
      table: this.table.slice(),
    }
  }

  /**
   * A table holding a snapshot's ids, its own hash table built anew. Undefined when the arrays do not agree
   * with each other (a snapshot from a broken writer): the caller rebuilds from the source instead.
   */
  static fromSnapshot(s: IdTableSnapshot): IdTable | undefined {
    const slots = s.offsets.length
    if (s.lengths.length !== slots || s.alive.length !== slots) return undefined
    let live = 0
    for (let slot = 0; slot < slots; slot++) {
      const o = s.offsets[slot]!
      const l = s.lengths[slot]!
      if (o < 0 || l < 0 || o + l > s.chars.length || s.alive[slot]! > 1) return undefined
      live += s.alive[slot]!
    }
    const t = new IdTable()
    t.chars = s.chars.length > 0 ? s.chars.slice() : new Uint16Array(16)
    t.used = s.chars.length
    const cap = Math.max(1024, slots)
    t.offsets = new Int32Array(cap)
    t.offsets.set(s.offsets)
    t.lengths = new Int32Array(cap)
    t.lengths.set(s.lengths)
    t.alive = new Uint8Array(cap)
    t.alive.set(s.alive)
    t.slots = slots
    t.live = live
    // The hash table as it was saved (no rehash of a million ids at start) when it has the shape of one: a
    // power-of-two size, buckets empty, deleted or naming each live slot, at least one empty so every probe
    // ends. Anything else is built anew. (The file it comes from is checksummed by its reader.)
    if (s.table && validTable(t, s.table)) {
      t.table = s.table.slice()
      let filled = 0
      for (let b = 0; b < t.table.length; b++) if (t.table[b] !== 0) filled++
      t.filled = filled
    } else {
      let size = 2048
      while (size < live * 2 + 2) size *= 2
      t.rehash(size)
    }
    return t
  }

  /** Stores the id of a new slot (the next one) and returns it. */
  add(id: string): number {
    // Grow before the new slot is live: a rehash after it would put the new id in the table, and the insert
    // below a second time, so that removing it later left a bucket still finding the removed slot.
    if ((this.filled + 1) * 2 > this.table.length) this.rehash(this.table.length * 2)
    const slot = this.slots++
    if (slot >= this.offsets.length) this.growSlots()
    while (this.used + id.length > this.chars.length) this.chars = grow16(this.chars)
    for (let i = 0; i < id.length; i++) this.chars[this.used + i] = id.charCodeAt(i)
    this.offsets[slot] = this.used
    this.lengths[slot] = id.length
    this.alive[slot] = 1
    this.used += id.length
    this.live++
    let b = hash(id) & (this.table.length - 1)
    while (this.table[b]! > 0) b = (b + 1) & (this.table.length - 1)
    if (this.table[b] === 0) this.filled++
    this.table[b] = slot + 1
    return slot
  }

  /** The live slot holding `id`, or -1. */
  slotOf(id: string): number {
    const mask = this.table.length - 1
    for (let b = hash(id) & mask; ; b = (b + 1) & mask) {
      const v = this.table[b]!
      if (v === 0) return -1
      if (v > 0 && this.equals(v - 1, id)) return v - 1
    }
  }

  /** Forgets the id of a slot; the slot stays dead until the owner compacts. */
  remove(slot: number): void {
    if (!this.alive[slot]) return
    const mask = this.table.length - 1
    for (let b = this.hashAt(slot) & mask; this.table[b] !== 0; b = (b + 1) & mask) {
      if (this.table[b] === slot + 1) {
        this.table[b] = -1
        break
      }
    }
    this.alive[slot] = 0
    this.live--
  }

  isLive(slot: number): boolean {
    return this.alive[slot] === 1
  }

  idOf(slot: number): string {
    const o = this.offsets[slot]!
    const end = o + this.lengths[slot]!
    let id = ''
    for (let at = o; at < end; at += 4096)
      id += String.fromCharCode(...this.chars.subarray(at, Math.min(end, at + 4096)))
    return id
  }

  /** `hash` of a stored id, read from the packed code units. */
  private hashAt(slot: number): number {
    let h = 0x811c9dc5
    const o = this.offsets[slot]!
    const end = o + this.lengths[slot]!
    for (let i = o; i < end; i++) h = Math.imul(h ^ this.chars[i]!, 0x01000193)
    return h >>> 0
  }

  private equals(slot: number, id: string): boolean {
    if (this.lengths[slot] !== id.length) return false
    const o = this.offsets[slot]!
    for (let i = 0; i < id.length; i++) if (this.chars[o + i] !== id.charCodeAt(i)) return false
    return true
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size)
    this.filled = 0
    const mask = size - 1
    for (let slot = 0; slot < this.slots; slot++) {
      if (!this.alive[slot]) continue
      let b = this.hashAt(slot) & mask
      while (this.table[b] !== 0) b = (b + 1) & mask
      this.table[b] = slot + 1
      this.filled++
    }
  }

  private growSlots(): void {
    const cap = this.offsets.length * 2
    const o = new Int32Array(cap)
    o.set(this.offsets)
    const l = new Int32Array(cap)
    l.set(this.lengths)
    const a = new Uint8Array(cap)
    a.set(this.alive)
    this.offsets = o
    this.lengths = l
    this.alive = a
  }

  get bytes(): number {
    return (
      this.chars.byteLength +
      this.offsets.byteLength +
      this.lengths.byteLength +
      this.alive.byteLength +
      this.table.byteLength
    )
  }
}

/** The ids of an `IdTable` as plain arrays: code units, and per slot its offset, length and liveness. */
export interface IdTableSnapshot {
  chars: Uint16Array
  offsets: Int32Array
  lengths: Int32Array
  alive: Uint8Array
  /** The open-addressing table (slot + 1, 0 empty, -1 deleted); rebuilt when absent. */
  table?: Int32Array
}

/** Cheap checks that a saved hash table indexes exactly the live slots and can end every probe. */
function validTable(t: IdTable, table: Int32Array): boolean {
  const size = table.length
  if (size < 2 || (size & (size - 1)) !== 0 || size < t.live * 2) return false
  let empty = 0
  let entries = 0
  for (let b = 0; b < size; b++) {
    const v = table[b]!
    if (v === 0) empty++
    else if (v > 0) {
      if (v > t.slots || !t.isLive(v - 1)) return false
      entries++
    } else if (v !== -1) return false
  }
  return empty > 0 && entries === t.live
}

function grow16(a: Uint16Array): Uint16Array {
  const b = new Uint16Array(a.length * 2)
  b.set(a)
  return b
}

/** FNV-1a over UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}

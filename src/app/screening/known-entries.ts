import { IdTable, type IdTableSnapshot } from '../../domain/screening/id-table.ts'

/** What an entry id means to the index: its change version, its list, and whether it is screened. */
export interface Known {
  /** The `change_version` of the row this process last applied, so an older read never undoes a newer one. */
  version: number
  listId: string
  live: boolean
}

/**
 * Every entry id the index has applied, with its change version, list and liveness, in columns: no object
 * per entry (a million of them slowed every major garbage collection, and rebuilding them took seconds of a
 * restart), and the columns are persisted as they are.
 */
export class KnownEntries {
  private ids = new IdTable()
  private versions = new Float64Array(1024)
  private lists = new Int32Array(1024)
  private live = new Uint8Array(1024)
  private listNames: string[] = []
  private readonly listIds = new Map<string, number>()

  get size(): number {
    return this.ids.slots
  }

  get(id: string): Known | undefined {
    const slot = this.ids.slotOf(id)
    if (slot < 0) return undefined
    return {
      version: this.versions[slot]!,
      listId: this.listNames[this.lists[slot]!]!,
      live: this.live[slot] === 1,
    }
  }

  set(id: string, k: Known): void {
    let slot = this.ids.slotOf(id)
    if (slot < 0) {
      slot = this.ids.add(id)
      if (slot >= this.versions.length) this.grow()
    }
    let list = this.listIds.get(k.listId)
    if (list === undefined) {
      list = this.listNames.length
      this.listNames.push(k.listId)
      this.listIds.set(k.listId, list)
    }
    this.versions[slot] = k.version
    this.lists[slot] = list
    this.live[slot] = k.live ? 1 : 0
  }

  toSnapshot(): KnownSnapshot {
    const n = this.size
    return {
      ids: this.ids.toSnapshot(),
      versions: this.versions.slice(0, n),
      lists: this.lists.slice(0, n),
      live: this.live.slice(0, n),
      listNames: this.listNames.slice(),
    }
  }

  /** Undefined when the columns disagree with each other (a writer's bug): rebuild instead. */
  static fromSnapshot(s: KnownSnapshot): KnownEntries | undefined {
    const ids = IdTable.fromSnapshot(s.ids)
    const n = s.ids.offsets.length
    if (!ids || ids.live !== n || s.versions.length !== n || s.lists.length !== n || s.live.length !== n)
      return undefined
    for (let i = 0; i < n; i++)
      if (s.lists[i]! < 0 || s.lists[i]! >= s.listNames.length || s.live[i]! > 1) return undefined
    const known = new KnownEntries()
    const cap = Math.max(1024, n)
    known.ids = ids
    known.versions = new Float64Array(cap)
    known.versions.set(s.versions)
    known.lists = new Int32Array(cap)
    known.lists.set(s.lists)
    known.live = new Uint8Array(cap)
    known.live.set(s.live)
    for (const name of s.listNames) {
      known.listIds.set(name, known.listNames.length)
      known.listNames.push(name)
    }
    return known
  }

  private grow(): void {
    const cap = this.versions.length * 2
    const versions = new Float64Array(cap)
    versions.set(this.versions)
    const lists = new Int32Array(cap)
    lists.set(this.lists)
    const live = new Uint8Array(cap)
    live.set(this.live)
    this.versions = versions
    this.lists = lists
    this.live = live
  }
}

export interface KnownSnapshot {
  ids: IdTableSnapshot
  versions: Float64Array
  lists: Int32Array
  live: Uint8Array
  listNames: string[]
}

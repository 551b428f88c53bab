import { sql } from 'kysely'
import { CandidateIndex } from '../../domain/screening/index.ts'
import type { Executor } from '../../platform/db/database.ts'
import { type ScreeningHead, screeningHead } from './watchlists.repository.ts'

/** Rows read per round trip while (re)loading: bounds memory on a list of a million people. */
const PAGE = 5000

interface Known {
  /** The `change_version` of the row this process last applied, so an older read never undoes a newer one. */
  version: number
  listId: string
  live: boolean
}

interface ChangedRow {
  id: string
  list_id: string
  names: string[]
  birth_date: string | null
  nationality: string[]
  sex: string | null
  change_version: number
  live: boolean
}

/** What one build of the index holds, and the screening version (and its token) it reflects. */
interface Build {
  names: CandidateIndex
  known: Map<string, Known>
  /** -1 before the first load. */
  version: number
  token: string | null
}

const emptyBuild = (): Build => ({ names: new CandidateIndex(), known: new Map(), version: -1, token: null })

/**
 * The process's in-memory name index over every active person entry. Built from the database at start and
 * brought up to date before each search by comparing `screening_state.version` with the version it was built
 * from: one indexed read when nothing changed, the changed rows otherwise. Every process sharing one PostgreSQL
 * does the same, so a change made by any of them is seen by all at their next request.
 *
 * A version number alone cannot tell a continuation from another history: after a backup is restored under
 * running processes the number goes back and the next change reuses a number they believe loaded. So the index
 * also keeps the random token the database gave its version, and rebuilds from scratch when the database no
 * longer holds that token at that version (restored, replaced, or pointed at another database).
 */
export class ScreeningIndex {
  private build = emptyBuild()
  private rebuilds = 0
  private rebuilding: { done: Promise<void>; ownConnection: boolean } | null = null

  get names(): CandidateIndex {
    return this.build.names
  }

  /** The screening version this index reflects (-1 before the first load). */
  get loadedVersion(): number {
    return this.build.version
  }

  /** How many times the index was built from scratch (the first load included). */
  get fullLoads(): number {
    return this.rebuilds
  }

  get size(): number {
    return this.build.names.size
  }

  listOf(id: string): string | undefined {
    const k = this.build.known.get(id)
    return k?.live ? k.listId : undefined
  }

  /**
   * Catches up with the database. Safe to call from concurrent requests: rows are applied synchronously after
   * each read and only when newer than what is held, so reads finishing out of order cannot regress an entry.
   * Pass the caller's transaction when inside one (PGlite has a single connection).
   */
  async refresh(ex: Executor, waited = false): Promise<void> {
    const build = this.build
    const head = await screeningHead(ex, build.version)
    const sameHistory = build.version >= 0 && head.loadedToken !== null && head.loadedToken === build.token
    if (sameHistory && head.version === build.version) return
    if (sameHistory && head.version > build.version) return this.catchUp(ex, build, head)
    // First load, or the database no longer holds what this index was built from. One rebuild at a time: the
    // requests that meet a replaced history together wait for it rather than each building a full copy. Only
    // a rebuild inside a transaction has a connection of its own; a caller holding a transaction never waits for
    // one that would need a connection from the pool (PGlite's pool has one: that wait would never end).
    // Another request swapped in a new build while this one read: check against that one instead.
    if (this.build !== build && !waited) return this.refresh(ex, true)
    const flight = this.rebuilding
    if (flight && !waited && (flight.ownConnection || !ex.isTransaction)) {
      await flight.done.catch(() => {})
      return this.refresh(ex, true)
    }
    const done = this.rebuild(ex, build, head)
    if (!flight) this.rebuilding = { done, ownConnection: ex.isTransaction }
    try {
      await done
    } finally {
      if (this.rebuilding?.done === done) this.rebuilding = null
    }
  }

  /** Builds anew beside the old index (which keeps answering meanwhile) and swaps it in. */
  private async rebuild(ex: Executor, stale: Build, head: ScreeningHead): Promise<void> {
    const fresh = emptyBuild()
    await this.catchUp(ex, fresh, head)
    this.rebuilds++
    if (this.build === stale || fresh.version > this.build.version) this.build = fresh
  }

  private async catchUp(ex: Executor, build: Build, head: ScreeningHead): Promise<void> {
    const full = build.version < 0
    // Rows at exactly the loaded version were applied already: start past the largest id of that version.
    let after = { version: build.version, id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' }
    for (;;) {
      const { rows } = await sql<ChangedRow>`
        SELECT p.id, p.list_id, p.names, p.birth_date, p.nationality, p.sex, p.change_version,
               (p.removed_at IS NULL AND l.active) AS live
        FROM watchlist_persons p JOIN watchlists l ON l.id = p.list_id
        WHERE (p.change_version, p.id) > (${after.version}, ${after.id}::uuid)
          AND p.change_version <= ${head.version}
          ${full ? sql`AND p.removed_at IS NULL AND l.active` : sql``}
        ORDER BY p.change_version, p.id
        LIMIT ${PAGE}`.execute(ex)
      for (const row of rows) apply(build, row)
      if (rows.length < PAGE) break
      const last = rows[rows.length - 1]!
      after = { version: Number(last.change_version), id: last.id }
    }
    // Concurrent catch-ups may finish out of order: the version (and its token) only moves forward.
    if (head.version > build.version) {
      build.version = head.version
      build.token = head.token
    }
  }
}

function apply(build: Build, row: ChangedRow): void {
  const version = Number(row.change_version)
  const held = build.known.get(row.id)
  if (held && held.version >= version) return
  build.known.set(row.id, { version, listId: row.list_id, live: row.live })
  if (!row.live) {
    build.names.remove(row.id)
    return
  }
  build.names.update({
    id: row.id,
    names: row.names,
    birthDate: row.birth_date ?? undefined,
    nationality: row.nationality,
    sex: row.sex ?? undefined,
  })
}

const perStore = new WeakMap<object, ScreeningIndex>()

/**
 * The one index of a server: created with its routes at start and shared with any use case that screens (the
 * crossings issue passes it to `screenTraveller`). Keyed by the store, so two servers in one test process keep
 * separate indexes, as two API processes would.
 */
export function screeningIndexFor(store: object): ScreeningIndex {
  let index = perStore.get(store)
  if (!index) {
    index = new ScreeningIndex()
    perStore.set(store, index)
  }
  return index
}

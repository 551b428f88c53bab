import { sql } from 'kysely'
import { CandidateIndex } from '../../domain/screening/index.ts'
import type { ListsHead } from '../../platform/cache/cache-versions.ts'
import type { Executor } from '../../platform/db/database.ts'
import { readSnapshot, type SnapshotRefusal, writeSnapshot } from './index-snapshot.ts'
import { KnownEntries } from './known-entries.ts'
import { type ScreeningHead, screeningHead } from './watchlists.repository.ts'

/** Rows read per round trip while (re)loading: bounds memory on a list of a million people. */
const PAGE = 5000

/**
 * Rows applied by catching up since the index was last persisted before it is persisted again, so that a
 * restart after a busy day replays a bounded number of changes (a few seconds at most).
 */
const SAVE_AFTER_ROWS = 50_000

export interface ScreeningIndexOptions {
  /**
   * Where the index is persisted (`SCREENING_INDEX_DIR`); none: every start reads the whole list. A start
   * loads the file, checks it against the database and catches up, or rebuilds if the file is missing,
   * damaged, built by other name-key code or from another history; a full build then writes it.
   */
  snapshotDir?: string
  /** Operator-facing lines: how the index started, a refused or unwritable snapshot. */
  log?: (message: string) => void
}

/** How the index was last started, for the operator and the tests. */
export type IndexStart =
  | { source: 'snapshot'; version: number; caughtUp: number }
  | { source: 'database'; refused?: SnapshotRefusal | 'other_history' }

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
  known: KnownEntries
  /** -1 before the first load. */
  version: number
  token: string | null
}

const emptyBuild = (): Build => ({
  names: new CandidateIndex(),
  known: new KnownEntries(),
  version: -1,
  token: null,
})

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
  private snapshotTried = false
  private appliedSinceSave = 0
  private saving: Promise<void> | null = null
  /** How the index was last started; undefined before its first load. */
  started: IndexStart | undefined

  constructor(private readonly options: ScreeningIndexOptions = {}) {}

  /** The last write of the snapshot in progress, if any (tests and shutdown wait for it). */
  get pendingSave(): Promise<void> | null {
    return this.saving
  }

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
   * Whether this index holds the lists at `head`, read by the caller (the request's first statement): the same
   * version under the same token is the same history, so `refresh` would find nothing to do. Anything else, or a
   * head without a token, is for `refresh` to decide.
   */
  isCurrent(head: ListsHead): boolean {
    const build = this.build
    return (
      build.version >= 0 &&
      head.token !== null &&
      head.version === build.version &&
      head.token === build.token
    )
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
    if (sameHistory && head.version > build.version) {
      this.appliedSinceSave += await this.catchUp(ex, build, head)
      if (this.appliedSinceSave >= SAVE_AFTER_ROWS) this.save()
      return
    }
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

  /**
   * Builds anew beside the old index (which keeps answering meanwhile) and swaps it in. The first build of a
   * process starts from the persisted index when there is a valid one for this history.
   */
  private async rebuild(ex: Executor, stale: Build, head: ScreeningHead): Promise<void> {
    let refused: SnapshotRefusal | 'other_history' | undefined
    if (stale.version < 0 && this.options.snapshotDir && !this.snapshotTried) {
      this.snapshotTried = true
      const loaded = await this.fromSnapshot(ex)
      if (loaded.build) {
        if (this.build === stale || loaded.build.version > this.build.version) this.build = loaded.build
        this.started = { source: 'snapshot', version: loaded.from, caughtUp: loaded.caughtUp }
        this.options.log?.(
          `screening index loaded from its snapshot at version ${loaded.from}, ${loaded.caughtUp} changes since applied`,
        )
        this.appliedSinceSave = loaded.caughtUp
        if (this.appliedSinceSave >= SAVE_AFTER_ROWS) this.save()
        return
      }
      refused = loaded.refused
      if (refused !== 'missing')
        this.options.log?.(`screening index snapshot not used (${refused}): rebuilding`)
    }
    const fresh = emptyBuild()
    await this.catchUp(ex, fresh, head)
    this.rebuilds++
    this.started = { source: 'database', ...(refused ? { refused } : {}) }
    if (this.build === stale || fresh.version > this.build.version) this.build = fresh
    this.save()
  }

  /** The persisted index, checked against this database's history and brought up to date; or why not. */
  private async fromSnapshot(
    ex: Executor,
  ): Promise<{ build?: Build; from: number; caughtUp: number; refused?: SnapshotRefusal | 'other_history' }> {
    const read = await readSnapshot(this.options.snapshotDir!)
    if (!read.ok) return { from: -1, caughtUp: 0, refused: read.reason }
    const build: Build = { ...read.content }
    const head = await screeningHead(ex, build.version)
    // A file from another database, or from before a restore that reused its version: not this history.
    if (head.loadedToken === null || head.loadedToken !== build.token || head.version < build.version)
      return { from: build.version, caughtUp: 0, refused: 'other_history' }
    const caughtUp = await this.catchUp(ex, build, head)
    return { build, from: read.content.version, caughtUp }
  }

  /**
   * Persists the current build in the background: copied at once (synchronously, so consistent), written to a
   * new file and renamed over the old. One write at a time; a failure is logged and screening goes on.
   */
  private save(): void {
    const dir = this.options.snapshotDir
    const build = this.build
    if (!dir || this.saving || build.version < 0 || build.token === null) return
    this.appliedSinceSave = 0
    const content = { names: build.names, known: build.known, version: build.version, token: build.token }
    this.saving = writeSnapshot(dir, content)
      .catch((err) => this.options.log?.(`screening index snapshot not written: ${String(err)}`))
      .finally(() => {
        this.saving = null
      })
  }

  /** Returns how many rows it applied. */
  private async catchUp(ex: Executor, build: Build, head: ScreeningHead): Promise<number> {
    const full = build.version < 0
    // Rows at exactly the loaded version were applied already: start past the largest id of that version.
    let after = { version: build.version, id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' }
    let applied = 0
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
      applied += rows.length
      if (rows.length < PAGE) break
      const last = rows[rows.length - 1]!
      after = { version: Number(last.change_version), id: last.id }
    }
    // Concurrent catch-ups may finish out of order: the version (and its token) only moves forward.
    if (head.version > build.version) {
      build.version = head.version
      build.token = head.token
    }
    return applied
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
export function screeningIndexFor(store: object, options: ScreeningIndexOptions = {}): ScreeningIndex {
  let index = perStore.get(store)
  if (!index) {
    index = new ScreeningIndex(options)
    perStore.set(store, index)
  }
  return index
}

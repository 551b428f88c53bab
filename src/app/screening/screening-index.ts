import { sql } from 'kysely'
import { CandidateIndex } from '../../domain/screening/index.ts'
import type { Executor } from '../../platform/db/database.ts'
import { currentScreeningVersion } from './watchlists.repository.ts'

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

/**
 * The process's in-memory name index over every active person entry. Built from the database at start and
 * brought up to date before each search by comparing `screening_state.version` with the version it was built
 * from: one indexed read when nothing changed, the changed rows otherwise. Every process sharing one PostgreSQL
 * does the same, so a change made by any of them is seen by all at their next request.
 */
export class ScreeningIndex {
  readonly names = new CandidateIndex()
  private readonly known = new Map<string, Known>()
  private version = -1

  /** The screening version this index reflects (-1 before the first load). */
  get loadedVersion(): number {
    return this.version
  }

  get size(): number {
    return this.names.size
  }

  listOf(id: string): string | undefined {
    const k = this.known.get(id)
    return k?.live ? k.listId : undefined
  }

  /**
   * Catches up with the database. Safe to call from concurrent requests: rows are applied synchronously after
   * each read and only when newer than what is held, so reads finishing out of order cannot regress an entry.
   * Pass the caller's transaction when inside one (PGlite has a single connection).
   */
  async refresh(ex: Executor): Promise<void> {
    const target = await currentScreeningVersion(ex)
    if (target === this.version) return
    const since = Math.max(0, this.version)
    // Rows at exactly `since` were applied already: start past the largest id of that version.
    let after = { version: since, id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' }
    for (;;) {
      const { rows } = await sql<ChangedRow>`
        SELECT p.id, p.list_id, p.names, p.birth_date, p.nationality, p.sex, p.change_version,
               (p.removed_at IS NULL AND l.active) AS live
        FROM watchlist_persons p JOIN watchlists l ON l.id = p.list_id
        WHERE (p.change_version, p.id) > (${after.version}, ${after.id}::uuid)
          AND p.change_version <= ${target}
          ${since === 0 ? sql`AND p.removed_at IS NULL AND l.active` : sql``}
        ORDER BY p.change_version, p.id
        LIMIT ${PAGE}`.execute(ex)
      for (const row of rows) this.apply(row)
      if (rows.length < PAGE) break
      const last = rows[rows.length - 1]!
      after = { version: Number(last.change_version), id: last.id }
    }
    this.version = Math.max(this.version, target)
  }

  private apply(row: ChangedRow): void {
    const version = Number(row.change_version)
    const held = this.known.get(row.id)
    if (held && held.version >= version) return
    this.known.set(row.id, { version, listId: row.list_id, live: row.live })
    if (!row.live) {
      this.names.remove(row.id)
      return
    }
    this.names.update({
      id: row.id,
      names: row.names,
      birthDate: row.birth_date ?? undefined,
      nationality: row.nationality,
      sex: row.sex ?? undefined,
    })
  }
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

import type { Executor } from '../db/database.ts'

interface Entry {
  version: number
  loadedAt: number
  value: unknown
}

/** What a use case is handed: the process's reference lists as of the version its request read. */
export interface ReferenceLists {
  get<T>(key: string, db: Executor, load: (db: Executor) => Promise<T>): Promise<T>
}

/** Reads every time: for callers outside a request (CLI, seeding, tests of a use case alone). */
export const uncachedLists: ReferenceLists = { get: (_key, db, load) => load(db) }

/**
 * Even an unchanged version is trusted only this long: a database restored from a backup can count the same
 * version number again over a different history, and this bounds how long such a coincidence could last.
 */
export const REFERENCE_MAX_AGE_MS = 60_000

/**
 * Reference lists (refusal reasons, the active rule set…) kept in one process and read again only when the
 * `reference` version of migration 0018 differs from the one they were loaded at. Each request reads the version
 * once (the auth hook) and asks for its lists at that version (`at`), so a change committed through any process is
 * seen by every process on its next request. Equality, not "newer than": a version that went back (a restore)
 * reloads too.
 */
export class ReferenceCache {
  readonly #entries = new Map<string, Entry>()

  at(version: number, now: () => number = Date.now): ReferenceLists {
    return {
      get: async <T>(key: string, db: Executor, load: (db: Executor) => Promise<T>): Promise<T> => {
        const hit = this.#entries.get(key)
        const t = now()
        if (hit && hit.version === version && t - hit.loadedAt < REFERENCE_MAX_AGE_MS) return hit.value as T
        // Only a loaded value is kept, never a pending read: a read inside another request's transaction that
        // then fails must not fail this one. Two requests missing at once both read; the lists are small.
        const value = await load(db)
        this.#entries.set(key, { version, loadedAt: t, value })
        return value
      },
    }
  }
}

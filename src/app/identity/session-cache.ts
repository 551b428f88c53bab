import type { UserRow } from '../../platform/db/schema.ts'
import type { SessionRecord } from './sessions.repository.ts'

interface Entry {
  authVersion: number
  cachedAt: number
  user: UserRow
  session: SessionRecord
}

/** Even at an unchanged `auth` version an entry is read again after this (a restored database can reuse numbers). */
export const SESSION_CACHE_MAX_AGE_MS = 30_000
const MAX_ENTRIES = 20_000

/**
 * Resolved sessions of one process, valid only at the `auth` version they were resolved at. Migration 0018 bumps
 * that version in the transaction of every sign-out, revocation, expiry deletion and change to any user (role,
 * scope, post, disabled, password), and every request reads it before trusting an entry, so a revoked session or
 * a changed role is refused or re-read by every process on its next request. Idle and absolute expiry are still
 * judged on each request from the cached times.
 */
export class SessionCache {
  readonly #entries = new Map<string, Entry>()

  find(idHash: string, authVersion: number, now: number): { user: UserRow; session: SessionRecord } | null {
    const e = this.#entries.get(idHash)
    if (!e) return null
    if (e.authVersion !== authVersion || now - e.cachedAt >= SESSION_CACHE_MAX_AGE_MS) {
      this.#entries.delete(idHash)
      return null
    }
    return e
  }

  remember(idHash: string, authVersion: number, now: number, user: UserRow, session: SessionRecord): void {
    // Oldest first out: a Map iterates in insertion order.
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!)
    this.#entries.delete(idHash)
    this.#entries.set(idHash, { authVersion, cachedAt: now, user, session })
  }

  forget(idHash: string): void {
    this.#entries.delete(idHash)
  }

  get size(): number {
    return this.#entries.size
  }
}

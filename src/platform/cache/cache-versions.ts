import { sql } from 'kysely'
import type { Executor } from '../db/database.ts'

/** The alert lists' version and its token, as a screening index holds them (`ScreeningIndex.isCurrent`). */
export interface ListsHead {
  version: number
  token: string | null
}

/** The numbers migration 0018's triggers bump in the transaction of every change a cache depends on. */
export interface CacheVersions {
  reference: number
  auth: number
  /**
   * The alert lists' version and the random token the database gave it (migration 0013): a screening index that
   * holds this very pair is current without a read of its own (`ScreeningIndex.isCurrent`).
   */
  screening: ListsHead
}

/**
 * Every version in one statement over a two-row table and a one-row one: the read every authenticated request
 * makes first. The screening head rides on it so an inspection need not ask again inside its transaction.
 */
export async function readCacheVersions(db: Executor): Promise<CacheVersions> {
  const { rows } = await sql<{
    reference: number
    auth: number
    screening: number | null
    screening_token: string | null
  }>`
    SELECT max(version) FILTER (WHERE name = 'reference')::int8 AS reference,
           max(version) FILTER (WHERE name = 'auth')::int8 AS auth,
           (SELECT s.version FROM screening_state s WHERE s.id = 1)::int8 AS screening,
           (SELECT v.token FROM screening_state s JOIN screening_versions v ON v.version = s.version
             WHERE s.id = 1) AS screening_token
    FROM cache_versions`.execute(db)
  const row = rows[0]
  return {
    reference: Number(row?.reference ?? 0),
    auth: Number(row?.auth ?? 0),
    screening: { version: Number(row?.screening ?? -1), token: row?.screening_token ?? null },
  }
}

/**
 * One version read shared by every request that arrives while it is not yet sent (issue 13: the read was one of a
 * request's six round trips, each a system call on both sides). A request never takes an answer read before it
 * arrived: when a read is already on its way, the request waits for the one sent after it, which every request
 * arriving meanwhile shares. So a session revoked or a list changed before the request arrived is always seen, as
 * with a read of its own; under load, a handful of requests share one read, and alone, a request reads once.
 */
export class SharedVersionReads {
  private sent: Promise<CacheVersions> | null = null
  private next: Promise<CacheVersions> | null = null

  constructor(private readonly read: () => Promise<CacheVersions>) {}

  /** The versions as read by a statement sent after this call. */
  current(): Promise<CacheVersions> {
    if (!this.sent) return this.send()
    // The read on its way may have been answered before this request came: take the one after it.
    this.next ??= this.sent
      .catch(() => undefined)
      .then(() => {
        this.next = null
        return this.send()
      })
    return this.next
  }

  private send(): Promise<CacheVersions> {
    const sent = this.read().finally(() => {
      if (this.sent === sent) this.sent = null
    })
    this.sent = sent
    return sent
  }
}

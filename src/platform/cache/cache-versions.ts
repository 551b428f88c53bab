import { sql } from 'kysely'
import type { Executor } from '../db/database.ts'

/** The numbers migration 0018's triggers bump in the transaction of every change a cache depends on. */
export interface CacheVersions {
  reference: number
  auth: number
}

/** Both versions in one statement over a two-row table: the one read every authenticated request makes first. */
export async function readCacheVersions(db: Executor): Promise<CacheVersions> {
  const { rows } = await sql<{ reference: number; auth: number }>`
    SELECT max(version) FILTER (WHERE name = 'reference')::int8 AS reference,
           max(version) FILTER (WHERE name = 'auth')::int8 AS auth
    FROM cache_versions`.execute(db)
  const row = rows[0]
  return { reference: Number(row?.reference ?? 0), auth: Number(row?.auth ?? 0) }
}

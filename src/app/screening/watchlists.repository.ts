import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { Executor, Tx } from '../../platform/db/database.ts'

/**
 * Bumps the counter every API process compares its index with, and gives the new version its own random token
 * (see `screeningHead`). The row lock also orders concurrent writers, so versions commit in the order they were
 * taken and a reader never skips one.
 */
export async function bumpScreeningVersion(trx: Tx): Promise<number> {
  const row = await trx
    .updateTable('screening_state')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .returning('version')
    .executeTakeFirstOrThrow()
  await trx.insertInto('screening_versions').values({ version: row.version, token: randomUUID() }).execute()
  return row.version
}

export interface ScreeningHead {
  /** The database's screening version now, and its token. */
  version: number
  token: string | null
  /** The token the database holds for the version the caller last loaded: null when it holds none. */
  loadedToken: string | null
}

/**
 * One indexed read: where screening stands, and whether the version an index was built from is still the same
 * one in this database. After a restore of an older backup the numbers go back and are reused with other rows;
 * the tokens of the reused numbers are new, so a process sees it did not build from this history.
 */
export async function screeningHead(ex: Executor, loadedVersion: number): Promise<ScreeningHead> {
  const { rows } = await sql<ScreeningHead>`
    SELECT s.version,
           (SELECT token FROM screening_versions WHERE version = s.version) AS token,
           (SELECT token FROM screening_versions WHERE version = ${loadedVersion}) AS "loadedToken"
    FROM screening_state s WHERE s.id = 1`.execute(ex)
  const row = rows[0]
  if (!row) throw new Error('screening_state has no row')
  return { version: Number(row.version), token: row.token, loadedToken: row.loadedToken }
}

export function findList(ex: Executor, id: string) {
  return ex.selectFrom('watchlists').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findListByName(ex: Executor, name: string) {
  return ex.selectFrom('watchlists').selectAll().where('name', '=', name).executeTakeFirst()
}

/** Takes the next list version; the row lock makes two imports of one list wait for each other. */
export async function takeListVersion(trx: Tx, listId: string): Promise<number> {
  const row = await trx
    .updateTable('watchlists')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', listId)
    .returning('version')
    .executeTakeFirstOrThrow()
  return row.version
}

export async function recordListVersion(
  trx: Tx,
  v: {
    listId: string
    version: number
    source: string
    fileName: string | null
    createdBy: string | null
  } & Counts,
) {
  await trx
    .insertInto('watchlist_versions')
    .values({
      id: randomUUID(),
      list_id: v.listId,
      version: v.version,
      source: v.source,
      file_name: v.fileName,
      added: v.added,
      changed: v.changed,
      removed: v.removed,
      created_by: v.createdBy,
      created_at: new Date(),
    })
    .execute()
}

export interface Counts {
  added: number
  changed: number
  removed: number
}

/** Where an entry row stands in a list: which version of the list and of screening wrote it. */
export interface Stamp {
  listId: string
  listVersion: number
  changeVersion: number
}

/** Entries whose review date has passed, per list: the management screen flags them. */
export async function overdueCounts(ex: Executor, today: string) {
  const rows = await sql<{ list_id: string; n: number }>`
    SELECT list_id, count(*)::int AS n FROM (
      SELECT list_id FROM watchlist_persons WHERE removed_at IS NULL AND review_date < ${today}
      UNION ALL
      SELECT list_id FROM watchlist_documents WHERE removed_at IS NULL AND review_date < ${today}) x
    GROUP BY list_id`.execute(ex)
  return new Map(rows.rows.map((r) => [r.list_id, r.n]))
}

import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { Executor, Tx } from '../../platform/db/database.ts'

/**
 * Bumps the counter every API process compares its index with. The row lock also orders concurrent writers,
 * so versions commit in the order they were taken and a reader never skips one.
 */
export async function bumpScreeningVersion(trx: Tx): Promise<number> {
  const row = await trx
    .updateTable('screening_state')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .returning('version')
    .executeTakeFirstOrThrow()
  return row.version
}

export async function currentScreeningVersion(ex: Executor): Promise<number> {
  const row = await ex
    .selectFrom('screening_state')
    .select('version')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow()
  return row.version
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

import type { Updateable } from 'kysely'
import { sql } from 'kysely'
import type { Executor } from '../../platform/db/database.ts'
import type { InsertableUserRow, UserRow, UserTable } from '../../platform/db/schema.ts'

export function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst()
}

export function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Locks the row for the rest of the transaction, so concurrent sign-ins count failures exactly. */
export function lockUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function insertUser(db: Executor, row: InsertableUserRow): Promise<UserRow> {
  return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function updateUserRow(
  db: Executor,
  id: string,
  changes: Omit<Updateable<UserTable>, 'id' | 'created_at'>,
): Promise<UserRow> {
  return db
    .updateTable('users')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export interface UserFilter {
  agencyCode?: string
  postCode?: string
  role?: string
  search?: string
  limit: number
  offset: number
}

export async function listUsers(db: Executor, f: UserFilter): Promise<{ rows: UserRow[]; total: number }> {
  let q = db.selectFrom('users')
  if (f.agencyCode) q = q.where('agency_code', '=', f.agencyCode)
  if (f.postCode) q = q.where('post_code', '=', f.postCode)
  if (f.role) q = q.where('role', '=', f.role)
  if (f.search) {
    const like = `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    q = q.where((eb) => eb.or([eb('username', 'ilike', like), eb('display_name', 'ilike', like)]))
  }
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('username').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

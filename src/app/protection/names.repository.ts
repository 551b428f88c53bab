import type { Executor } from '../../platform/db/database.ts'
import type { PersonRow, ProviderRow } from './protection.tables.ts'

/** Display names of the users who acted, for timelines and lists (ids alone mean nothing to a reader). */
export async function userNames(db: Executor, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((x): x is string => !!x))]
  if (!wanted.length) return new Map()
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', wanted).execute()
  return new Map(rows.map((r) => [r.id, r.display_name]))
}

export async function personsById(db: Executor, ids: Iterable<string>): Promise<Map<string, PersonRow>> {
  const wanted = [...new Set(ids)]
  if (!wanted.length) return new Map()
  const rows = await db.selectFrom('protection_persons').selectAll().where('id', 'in', wanted).execute()
  return new Map(rows.map((r) => [r.id, r]))
}

export async function providersById(db: Executor, ids: Iterable<string>): Promise<Map<string, ProviderRow>> {
  const wanted = [...new Set(ids)]
  if (!wanted.length) return new Map()
  const rows = await db.selectFrom('protection_providers').selectAll().where('id', 'in', wanted).execute()
  return new Map(rows.map((r) => [r.id, r]))
}

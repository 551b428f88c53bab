import type { Executor } from '../../platform/db/database.ts'
import type { ProviderRow } from './protection.tables.ts'

export function findProvider(db: Executor, id: string): Promise<ProviderRow | undefined> {
  return db.selectFrom('protection_providers').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Locks the row, so two referrals accepted at once cannot both take the last bed. */
export function lockProvider(db: Executor, id: string): Promise<ProviderRow | undefined> {
  return db.selectFrom('protection_providers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export interface ProviderFilter {
  service?: string
  agencyCode?: string
  activeOnly?: boolean
}

export async function listProviders(db: Executor, f: ProviderFilter): Promise<ProviderRow[]> {
  let q = db.selectFrom('protection_providers').selectAll()
  if (f.agencyCode) q = q.where('agency_code', '=', f.agencyCode)
  if (f.activeOnly) q = q.where('active', '=', true)
  const rows = await q.orderBy('name_en').execute()
  return f.service ? rows.filter((r) => r.services.includes(f.service!)) : rows
}

export async function changeOccupancy(db: Executor, id: string, delta: 1 | -1): Promise<void> {
  const row = await lockProvider(db, id)
  if (!row || row.shelter_beds === null) return
  const occupied = Math.min(row.shelter_beds, Math.max(0, row.shelter_occupied + delta))
  await db
    .updateTable('protection_providers')
    .set({ shelter_occupied: occupied, updated_at: new Date() })
    .where('id', '=', id)
    .execute()
}

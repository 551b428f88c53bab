import { randomUUID } from 'node:crypto'
import { syntheticReturnees } from '../../domain/returns/synthetic-returnees.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Db } from '../../platform/db/database.ts'
import { cambodiaDayOf } from '../../platform/time/cambodia-day.ts'
import { syntheticOfficer } from '../crossings/seed-traffic.ts'
import { systemActor } from '../identity/manage-users.ts'
import type { NewReturneeRow } from './returns.tables.ts'

const BATCH = 1_000
const DAY_MS = 86_400_000

/**
 * Demo returnees over the past year, so the returns dashboard and the post board have something to show on a new
 * demo database. Written in batches by the synthetic-traffic account (disabled, so real officers' figures stay
 * apart); the run is audited once.
 */
export async function seedDemoReturnees(o: {
  db: Db
  count: number
  seed?: number
  now?: Date
  onProgress?: (done: number) => void
}): Promise<number> {
  const officerId = await syntheticOfficer(o.db)
  const now = o.now ?? new Date()
  let rows: NewReturneeRow[] = []
  let written = 0
  const flush = async () => {
    if (!rows.length) return
    const batch = rows
    rows = []
    await o.db.insertInto('returnees').values(batch).execute()
    written += batch.length
    o.onProgress?.(written)
  }
  for (const r of syntheticReturnees({ seed: o.seed ?? 1, count: o.count, rangeDays: 365 })) {
    const day = cambodiaDayOf(new Date(now.getTime() - r.daysAgo * DAY_MS))
    const at = new Date(Math.min(now.getTime(), Date.parse(`${day}T00:00:00+07:00`) + r.minuteOfDay * 60_000))
    rows.push({
      id: randomUUID(),
      post_code: r.postCode,
      registered_at: at,
      registered_on: day,
      registered_by: officerId,
      agency_code: 'GDI',
      family_latin: r.familyLatin,
      given_latin: r.givenLatin,
      family_khmer: r.familyKhmer,
      given_khmer: r.givenKhmer,
      sex: r.sex,
      birth_date: null,
      estimated_age: r.age,
      origin_province: r.originProvince,
      origin_district: null,
      return_province: r.returnProvince,
      return_district: null,
      phone: null,
      return_type: r.returnType,
      triage_flags: r.triageFlags,
      needs: r.needs,
      referral_id: null,
      group_id: null,
      import_id: null,
      list_ref: null,
      list_key: null,
    })
    if (rows.length >= BATCH) await flush()
  }
  await flush()
  await o.db.transaction().execute((trx) =>
    appendAudit(trx, systemActor, {
      action: 'seed_returnees',
      resource: 'returnee',
      details: { returnees: written, seed: o.seed ?? 1 },
    }),
  )
  return written
}

import type { Returnee } from '../../domain/returns/index.ts'
import type { Executor } from '../../platform/db/database.ts'
import type { NewReturneeRow, ReturneeRow } from './returns.tables.ts'

/** The province codes a returnee may name, as seeded from `reference/provinces.csv`. */
export async function provinceCodes(db: Executor): Promise<Set<string>> {
  return new Set((await db.selectFrom('provinces').select('code').execute()).map((p) => p.code))
}

/** Province code by lower-cased code, English name and Khmer name, as return lists write them. */
export async function provinceLookup(db: Executor): Promise<Map<string, string>> {
  const rows = await db.selectFrom('provinces').selectAll().execute()
  return new Map(
    rows.flatMap((p) => [
      [p.code.toLowerCase(), p.code],
      [p.name_en.toLowerCase(), p.code],
      [p.name_km, p.code],
    ]),
  )
}

/** The columns a returnee's own data fills; who, where and when are the use case's. */
export function returneeColumns(r: Returnee) {
  return {
    family_latin: r.familyLatin,
    given_latin: r.givenLatin,
    family_khmer: r.familyKhmer,
    given_khmer: r.givenKhmer,
    sex: r.sex,
    birth_date: r.birthDate,
    estimated_age: r.estimatedAge,
    nationality: r.nationality,
    origin_province: r.originProvince,
    origin_district: r.originDistrict,
    return_province: r.returnProvince,
    return_district: r.returnDistrict,
    phone: r.phone,
    return_type: r.returnType,
    triage_flags: r.triageFlags,
    needs: r.needs,
    group_id: r.groupId,
  }
}

export async function insertReturnee(db: Executor, row: NewReturneeRow): Promise<ReturneeRow> {
  return db.insertInto('returnees').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function findReturnee(
  db: Executor,
  id: string,
  forUpdate = false,
): Promise<ReturneeRow | undefined> {
  const q = db.selectFrom('returnees').selectAll().where('id', '=', id)
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst()
}

export async function postExists(db: Executor, code: string): Promise<boolean> {
  return !!(await db.selectFrom('points_of_entry').select('code').where('code', '=', code).executeTakeFirst())
}

export async function searchReturnees(
  db: Executor,
  o: { postCode: string | null; day: string; query: string | null; limit: number },
): Promise<{ items: ReturneeRow[]; total: number }> {
  let q = db.selectFrom('returnees').where('registered_on', '=', o.day)
  if (o.postCode) q = q.where('post_code', '=', o.postCode)
  if (o.query) {
    const like = `%${o.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    q = q.where((eb) =>
      eb.or([
        eb('family_latin', 'ilike', like),
        eb('given_latin', 'ilike', like),
        eb('family_khmer', 'like', like),
        eb('given_khmer', 'like', like),
        eb('phone', 'like', like),
      ]),
    )
  }
  const items = await q.selectAll().orderBy('registered_at', 'desc').orderBy('id').limit(o.limit).execute()
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return { items, total: Number(count.n) }
}

/** Which of these returnees have a photo. */
export async function photoIds(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db
    .selectFrom('returnee_photos')
    .select('returnee_id')
    .where('returnee_id', 'in', ids)
    .execute()
  return new Set(rows.map((r) => r.returnee_id))
}

import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { systemActor } from '../identity/manage-users.ts'
import { AGENCIES } from './agencies.data.ts'
import { readCsv } from './csv-file.ts'

export interface SeedCounts {
  agencies: number
  provinces: number
  countries: number
  icaoCodes: number
  pointsOfEntry: number
}

/** Loads the shipped reference files; rows that already exist are left as administrators edited them. */
export async function seedReference(o: { trx: Tx }): Promise<SeedCounts> {
  const { trx } = o
  const provinces = readCsv('provinces.csv')
  const countries = readCsv('countries.csv')
  const posts = readCsv('points-of-entry.csv')
  const icaoCodes = readCsv('icao-codes.csv')
  const inserted = async (q: { execute(): Promise<{ numInsertedOrUpdatedRows?: bigint }[]> }) =>
    Number((await q.execute())[0]?.numInsertedOrUpdatedRows ?? 0n)

  const counts: SeedCounts = {
    agencies: await inserted(
      trx
        .insertInto('agencies')
        .values(AGENCIES.map((a) => ({ code: a.code, kind: a.kind, name_en: a.nameEn, name_km: a.nameKm })))
        .onConflict((oc) => oc.column('code').doNothing()),
    ),
    provinces: await inserted(
      trx
        .insertInto('provinces')
        .values(provinces.map((p) => ({ code: p.code!, name_en: p.name_en!, name_km: p.name_km! })))
        .onConflict((oc) => oc.column('code').doNothing()),
    ),
    countries: await inserted(
      trx
        .insertInto('countries')
        .values(
          countries.map((c) => ({
            alpha3: c.alpha3!,
            alpha2: c.alpha2!,
            numeric: c.numeric!,
            // ICAO 9303 writes Germany as `D`; every other state uses its ISO alpha-3 code.
            icao_code: c.alpha3 === 'DEU' ? 'D' : c.alpha3!,
            name_en: c.name_en!,
            name_km: c.name_km!,
          })),
        )
        .onConflict((oc) => oc.column('alpha3').doNothing()),
    ),
    icaoCodes: await inserted(
      trx
        .insertInto('icao_codes')
        .values(
          icaoCodes.map((c) => ({
            code: c.code!,
            kind: c.kind as 'nationality' | 'state' | 'organisation' | 'status',
            name_en: c.name_en!,
            name_km: c.name_km!,
          })),
        )
        .onConflict((oc) => oc.column('code').doNothing()),
    ),
    pointsOfEntry: await inserted(
      trx
        .insertInto('points_of_entry')
        .values(
          posts.map((p) => ({
            code: p.code!,
            name_en: p.name_en!,
            name_km: p.name_km!,
            type: p.type!,
            province_code: p.province_code!,
            neighbour_country: p.neighbour_country || null,
            neighbour_post: p.neighbour_post || null,
          })),
        )
        .onConflict((oc) => oc.column('code').doNothing()),
    ),
  }
  if (Object.values(counts).some((n) => n > 0)) {
    await appendAudit(trx, systemActor, { action: 'seed', resource: 'reference', details: { ...counts } })
  }
  return counts
}

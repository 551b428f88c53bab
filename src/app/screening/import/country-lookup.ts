import type { Executor } from '../../../platform/db/database.ts'
import type { CountryLookup } from './records.ts'

/**
 * Lists name countries in every way: "Iraq", "iq", "IRQ". The reference table answers all three with the code an
 * MRZ writes, so list nationalities compare with what the passport reader sends. Read as plain pairs, which a
 * parsing worker (with no database) turns back into the lookup.
 */
export async function countryPairs(ex: Executor): Promise<[string, string][]> {
  const rows = await ex.selectFrom('countries').select(['alpha2', 'alpha3', 'icao_code', 'name_en']).execute()
  return rows.flatMap((c) =>
    [c.alpha2, c.alpha3, c.icao_code, c.name_en].map((k): [string, string] => [k.toLowerCase(), c.icao_code]),
  )
}

export function countryLookup(pairs: [string, string][]): CountryLookup {
  const map = new Map(pairs)
  return (value) => map.get(value.trim().toLowerCase())
}

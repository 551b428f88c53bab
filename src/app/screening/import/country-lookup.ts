import type { Executor } from '../../../platform/db/database.ts'
import type { CountryLookup } from './records.ts'

/**
 * Lists name countries in every way: "Iraq", "iq", "IRQ". The reference table answers all three with the code an
 * MRZ writes, so list nationalities compare with what the passport reader sends.
 */
export async function countryLookup(ex: Executor): Promise<CountryLookup> {
  const rows = await ex.selectFrom('countries').select(['alpha2', 'alpha3', 'icao_code', 'name_en']).execute()
  const map = new Map<string, string>()
  for (const c of rows) {
    map.set(c.alpha2.toLowerCase(), c.icao_code)
    map.set(c.alpha3.toLowerCase(), c.icao_code)
    map.set(c.icao_code.toLowerCase(), c.icao_code)
    map.set(c.name_en.toLowerCase(), c.icao_code)
  }
  return (value) => map.get(value.trim().toLowerCase())
}

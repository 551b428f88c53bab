import type { Executor } from '../../../platform/db/database.ts'
import { readCsv } from '../../reference/csv-file.ts'
import type { CountryLookup } from './records.ts'

/**
 * Lists name countries in every way: "Iraq", "iq", "IRQ". The reference table answers all three with the code an
 * MRZ writes, so list nationalities compare with what the passport reader sends. Read as plain pairs, which a
 * parsing worker (with no database) turns back into the lookup.
 */
export async function countryPairs(ex: Executor): Promise<[string, string][]> {
  return countryPairsOf(
    await ex.selectFrom('countries').select(['alpha2', 'alpha3', 'icao_code', 'name_en']).execute(),
  )
}

export function countryPairsOf(
  rows: { alpha2: string; alpha3: string; icao_code: string; name_en: string }[],
): [string, string][] {
  const icao = new Map(rows.map((c) => [c.alpha2, c.icao_code]))
  // The UN and OFAC write official and older names ("Democratic People's Republic of Korea", "Korea, North",
  // "Iran (Islamic Republic of)", "Burma"); reference/country-names.csv maps them (UNTERM, ISO 3166, CLDR, OFAC).
  const names = readCsv('country-names.csv').flatMap((n): [string, string][] => {
    const code = icao.get(n.alpha2 ?? '')
    return code && n.name ? [[key(n.name), code]] : []
  })
  return [
    ...rows.flatMap((c) =>
      [c.alpha2, c.alpha3, c.icao_code, c.name_en].map((k): [string, string] => [key(k), c.icao_code]),
    ),
    ...names,
  ]
}

/** Case, spacing and curly apostrophes do not make a different country. */
function key(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .trim()
    .toLowerCase()
}

export function countryLookup(pairs: [string, string][]): CountryLookup {
  const map = new Map<string, string>()
  // The reference table comes first, so an alias never overrides a country's own code or name.
  for (const [k, v] of pairs) if (!map.has(k)) map.set(k, v)
  return (value) => map.get(key(value))
}

import { createReadStream } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fixtureFile } from '../../../test/fixtures.ts'
import { readCsv } from '../../reference/csv-file.ts'
import { countryLookup, countryPairsOf } from './country-lookup.ts'
import { decodeUtf8 } from './decode.ts'
import { readOfacSdn } from './ofac-sdn-format.ts'
import type { ImportItem } from './records.ts'
import { readUnXml } from './un-xml-format.ts'

// The reference table as `passage seed` loads it: the ICAO code is the alpha-3, except D for Germany.
const lookup = countryLookup(
  countryPairsOf(
    readCsv('countries.csv').map((c) => ({
      alpha2: c.alpha2 ?? '',
      alpha3: c.alpha3 ?? '',
      icao_code: c.alpha2 === 'DE' ? 'D' : (c.alpha3 ?? ''),
      name_en: c.name_en ?? '',
    })),
  ),
)

async function people(items: AsyncIterable<ImportItem>) {
  const out: Extract<ImportItem, { kind: 'person' }>[] = []
  for await (const i of items) if (i.kind === 'person') out.push(i)
  return out
}
const nationalities = (p: { entry: Record<string, unknown> }) => p.entry.nationality as string[]

describe('country names in list files', () => {
  it("map the UN's official names, and list the one value that is no country instead of dropping it", async () => {
    const source = decodeUtf8(createReadStream(fixtureFile('un-sc-consolidated-list.xml')), {
      maxBytes: 50_000_000,
    })
    const all = await people(readUnXml(source, lookup))
    const withOne = all.filter((p) => nationalities(p).length > 0 || (p.unmapped ?? []).length > 0)
    const count = (code: string) => all.filter((p) => nationalities(p).includes(code)).length
    // Issue 15: 139 of the 625 individuals with a nationality lost it to long names.
    expect(withOne.length).toBe(625)
    expect(count('PRK')).toBe(79)
    expect(count('COD')).toBe(22)
    expect(count('RUS')).toBeGreaterThanOrEqual(11)
    expect(count('GBR')).toBeGreaterThanOrEqual(10)
    expect(count('IRN')).toBeGreaterThan(0)
    expect(count('TTO')).toBeGreaterThan(0)
    const unmapped = [...new Set(all.flatMap((p) => p.unmapped ?? []))]
    expect(unmapped).toEqual(['former Soviet Union'])
    // Every individual that had a nationality value keeps one, or has it listed as unmapped.
    expect(withOne.every((p) => nationalities(p).length > 0 || (p.unmapped ?? []).length > 0)).toBe(true)
  })

  it("map OFAC's spellings, commas and hyphens included (Korea, North; Guinea-Bissau; Burma), counted in records", async () => {
    const source = decodeUtf8(createReadStream(fixtureFile('ofac-sdn.csv')), { maxBytes: 10_000_000 })
    const all = await people(readOfacSdn(source, lookup))
    const count = (code: string) => all.filter((p) => nationalities(p).includes(code)).length
    expect(count('PRK')).toBeGreaterThanOrEqual(74)
    expect(count('COD')).toBeGreaterThanOrEqual(18)
    expect(count('GNB')).toBeGreaterThanOrEqual(3)
    expect(count('MMR')).toBeGreaterThanOrEqual(22)
    expect(count('TUR')).toBeGreaterThanOrEqual(30)
    // Kosovo is no ISO 3166 country: it is reported, not dropped.
    expect([...new Set(all.flatMap((p) => p.unmapped ?? []))]).toContain('Kosovo')
  })

  it('do not let an alias override a country code, and ignore case, spacing and curly apostrophes', () => {
    expect(lookup('KH')).toBe('KHM')
    expect(lookup('  democratic people’s  republic of korea ')).toBe('PRK')
    expect(lookup('Iran (Islamic Republic of)')).toBe('IRN')
    expect(lookup('Atlantis')).toBeUndefined()
    expect(lookup('')).toBeUndefined()
  })
})

import { FileRefused } from '../../../platform/files/file-refused.ts'

/** One record read from an import file, before validation: a person or a document entry, or why it was not read. */
export type ImportItem =
  | { line: number; kind: 'person'; externalId: string; entry: Record<string, unknown>; unmapped?: string[] }
  | {
      line: number
      kind: 'document'
      externalId: string
      entry: Record<string, unknown>
      unmapped?: string[]
    }
  | { line: number; kind: 'rejected'; code: string; params?: Record<string, string | number> }
  | { line: number; kind: 'skipped' }

export const FORMATS = ['csv', 'ftm', 'un-xml', 'ofac-sdn'] as const
export type ImportFormat = (typeof FORMATS)[number]

/** Maps a country as a list writes it (a name, an alpha-2 or alpha-3 code) to the ICAO code, when known. */
export type CountryLookup = (value: string) => string | undefined

/**
 * A file that cannot be read on: the import stops at `line` and reports why. A `FileRefused`, so it crosses the
 * parsing worker's boundary as itself.
 */
export class UnreadableFile extends FileRefused {
  constructor(line: number, code: string, params: Record<string, string | number> = {}) {
    super(code, line, params)
  }
}

/** Collapses runs of white space (lists wrap values over lines) and cuts at `max` characters. */
export function tidy(value: string | undefined, max = 300): string {
  return (value ?? '').replace(/\s+/g, ' ').trim().slice(0, max)
}

export function uniq(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))]
}

/**
 * Maps a record's country values and keeps the ones that do not map, so the import report can list them
 * (an unmapped nationality is left off the entry, never silently: issue 15 found 139 UN nationalities lost).
 */
export function mapCountries(
  values: string[],
  country: CountryLookup,
): { codes: string[]; unmapped: string[] } {
  const codes: string[] = []
  const unmapped: string[] = []
  for (const raw of values) {
    const value = tidy(raw, 200)
    if (!value) continue
    const code = country(value)
    if (code) codes.push(code)
    else unmapped.push(value)
  }
  return { codes: uniq(codes), unmapped: uniq(unmapped) }
}

import { type CountryLookup, type ImportItem, mapCountries, tidy, uniq } from './records.ts'

type Props = Record<string, unknown>

const list = (p: Props, key: string): string[] =>
  Array.isArray(p[key]) ? (p[key] as unknown[]).filter((v): v is string => typeof v === 'string') : []

function toItem(line: number, entity: Record<string, unknown>, country: CountryLookup): ImportItem {
  if (entity.schema !== 'Person') return { line, kind: 'skipped' }
  const id = typeof entity.id === 'string' ? entity.id : ''
  if (!id) return { line, kind: 'rejected', code: 'missing_value', params: { column: 'id' } }
  const p = (entity.properties ?? {}) as Props
  const names = uniq([
    tidy(typeof entity.caption === 'string' ? entity.caption : ''),
    ...list(p, 'name').map((n) => tidy(n)),
    ...list(p, 'alias').map((n) => tidy(n)),
  ]).slice(0, 100)
  const birthDate = list(p, 'birthDate')
    .map((d) => /^\d{4}(-\d{2}(-\d{2})?)?/.exec(d)?.[0])
    .find((d) => d !== undefined)
  const gender = list(p, 'gender')[0]
  const documents = [
    ...list(p, 'passportNumber').map((number) => ({ number: tidy(number, 100), type: 'passport' })),
    ...list(p, 'idNumber').map((number) => ({ number: tidy(number, 100), type: 'id' })),
  ].filter((d) => d.number && d.number.length <= 60)
  const datasets = Array.isArray(entity.datasets) ? (entity.datasets as string[]).join(', ') : ''
  const nationality = mapCountries([...list(p, 'nationality'), ...list(p, 'citizenship')], country)
  return {
    line,
    kind: 'person',
    externalId: id,
    unmapped: nationality.unmapped,
    entry: {
      names,
      birthDate: birthDate ?? null,
      nationality: nationality.codes.slice(0, 10),
      sex: gender === 'male' ? 'M' : gender === 'female' ? 'F' : null,
      documents: documents.slice(0, 50),
      category: 'sanctioned',
      source: tidy(`OpenSanctions ${datasets}`, 500),
      handling: '',
    },
  }
}

/**
 * Streams OpenSanctions FollowTheMoney entities, one JSON object per line. Person entities become entries keyed
 * by their FtM id; other schemas (companies, sanctions, addresses…) are skipped; a line that is not JSON is
 * rejected with its number.
 */
export async function* readFtm(
  text: AsyncIterable<string>,
  country: CountryLookup,
): AsyncGenerator<ImportItem> {
  let rest = ''
  let line = 0
  const parse = (raw: string): ImportItem | undefined => {
    line++
    if (!raw.trim()) return undefined
    try {
      const value = JSON.parse(raw)
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        return { line, kind: 'rejected', code: 'bad_row', params: { message: 'object' } }
      }
      return toItem(line, value, country)
    } catch {
      return { line, kind: 'rejected', code: 'bad_json' }
    }
  }
  for await (const chunk of text) {
    const lines = (rest + chunk).split('\n')
    rest = lines.pop() ?? ''
    for (const raw of lines) {
      const item = parse(raw)
      if (item) yield item
    }
  }
  const last = parse(rest)
  if (last) yield last
}

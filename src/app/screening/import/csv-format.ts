import { parse } from 'csv-parse'
import { unescapeFormula } from '../../../domain/files/csv.ts'
import { type CountryLookup, type ImportItem, tidy, UnreadableFile, uniq } from './records.ts'

/** The columns of a watchlist CSV file, documented in docs/watchlist-csv.md. */
export const CSV_COLUMNS = [
  'id',
  'kind',
  'names',
  'birth_date',
  'nationality',
  'sex',
  'category',
  'documents',
  'issuing_state',
  'document_type',
  'document_number',
  'document_status',
  'source',
  'handling',
  'valid_from',
  'valid_until',
  'review_date',
  'sensitivity',
] as const

const split = (v: string | undefined) => uniq((v ?? '').split('|').map((x) => tidy(x)))
const optional = (v: string | undefined) => (v?.trim() ? v.trim() : undefined)

function common(r: Record<string, string>) {
  return {
    source: r.source?.trim() ?? '',
    handling: r.handling?.trim() ?? '',
    validFrom: optional(r.valid_from) ?? null,
    validUntil: optional(r.valid_until) ?? null,
    reviewDate: optional(r.review_date) ?? null,
    sensitivity: optional(r.sensitivity) ?? 'normal',
  }
}

/** `KHM:P:N1234567` (issuing state and type may be empty) for each document of a person. */
function personDocuments(v: string | undefined) {
  return split(v).map((d) => {
    const parts = d.split(':')
    const number = parts.pop() ?? ''
    const [issuingState, type] = parts
    return { ...(issuingState ? { issuingState } : {}), ...(type ? { type } : {}), number }
  })
}

function toItem(line: number, raw: Record<string, string>, country: CountryLookup): ImportItem {
  // Passage's export defuses formulas with a leading apostrophe (domain/files/csv.ts); undo exactly that.
  const r = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, unescapeFormula(v)]))
  const id = r.id?.trim()
  if (!id) return { line, kind: 'rejected', code: 'missing_value', params: { column: 'id' } }
  const kind = r.kind?.trim() || 'person'
  if (kind === 'document') {
    return {
      line,
      kind: 'document',
      externalId: id,
      entry: {
        ...common(r),
        issuingState: r.issuing_state?.trim() ?? '',
        type: optional(r.document_type) ?? null,
        number: r.document_number?.trim() ?? '',
        status: r.document_status?.trim() ?? '',
      },
    }
  }
  if (kind !== 'person')
    return { line, kind: 'rejected', code: 'bad_value', params: { column: 'kind', value: kind } }
  return {
    line,
    kind: 'person',
    externalId: id,
    entry: {
      ...common(r),
      names: split(r.names),
      birthDate: optional(r.birth_date) ?? null,
      nationality: split(r.nationality).map((c) => country(c) ?? c),
      sex: optional(r.sex)?.toUpperCase() ?? null,
      documents: personDocuments(r.documents),
      category: r.category?.trim() ?? '',
    },
  }
}

/**
 * Reads a watchlist CSV (header row, UTF-8, comma separated, RFC 4180 quoting). A header that lacks `id` or
 * names an unknown column stops the import at line 1; a row with the wrong number of fields is rejected alone.
 */
export async function* readCsv(
  text: AsyncIterable<string>,
  country: CountryLookup,
): AsyncGenerator<ImportItem> {
  const out: ImportItem[] = []
  let failure: unknown
  const parser = parse({
    bom: true,
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim().toLowerCase())
      const unknown = names.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h))
      if (unknown.length > 0) throw new UnreadableFile(1, 'unknown_column', { column: unknown.join(', ') })
      if (!names.includes('id')) throw new UnreadableFile(1, 'missing_column', { column: 'id' })
      if (!names.includes('names') && !names.includes('document_number')) {
        throw new UnreadableFile(1, 'missing_column', { column: 'names' })
      }
      return names
    },
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      out.push({
        line: Number(err?.lines ?? 0),
        kind: 'rejected',
        code: 'bad_row',
        params: { message: String(err?.code ?? '') },
      })
      return undefined
    },
    info: true,
  })
  parser.on('data', ({ record, info }: { record: Record<string, string>; info: { lines: number } }) => {
    out.push(toItem(info.lines, record, country))
  })
  parser.on('error', (err) => {
    failure = err
  })
  const settle = () => new Promise((resolve) => setImmediate(resolve))
  const check = () => {
    if (!failure) return
    if (failure instanceof UnreadableFile) throw failure
    const e = failure as { lines?: number; code?: string }
    throw new UnreadableFile(e.lines ?? 0, 'bad_row', { message: e.code ?? 'CSV' })
  }
  // The parser is fed by hand (not piped) so that a decoding error of the source reaches the caller.
  for await (const chunk of text) {
    const flowing = parser.write(chunk)
    check()
    if (!flowing) await new Promise((resolve) => parser.once('drain', resolve).once('close', resolve))
    await settle()
    check()
    yield* out.splice(0)
  }
  const ended = new Promise((resolve) => parser.once('end', resolve).once('close', resolve))
  parser.end()
  await ended
  await settle()
  check()
  yield* out.splice(0)
}

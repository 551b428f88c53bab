import { Readable } from 'node:stream'
import { parse } from 'csv-parse'
import { FileRefused, type ReadLimits } from '../../platform/files/file-refused.ts'
import { readXlsxRows } from '../../platform/files/xlsx-sheet.ts'

export const LIST_FORMATS = ['csv', 'xlsx'] as const
export type ListFormat = (typeof LIST_FORMATS)[number]

async function* csvRows(bytes: Uint8Array, limits: ReadLimits): AsyncGenerator<(string | null)[]> {
  // A spreadsheet saved in a legacy code page would otherwise import its Khmer names as mojibake.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new FileRefused('not_utf8')
  }
  const parser = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]).pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // A record longer than this (one 100 MB line, an unclosed quote) is refused before it is buffered whole.
      max_record_size: limits.maxLineChars,
      info: true,
    }),
  )
  let rows = 0
  try {
    for await (const { record } of parser as AsyncIterable<{ record: string[] }>) {
      // The header row is not counted.
      if (++rows > limits.maxRows + 1) throw new FileRefused('too_many_rows', rows, { max: limits.maxRows })
      yield record
    }
  } catch (err) {
    if (err instanceof FileRefused) throw err
    const e = err as { lines?: number; code?: string }
    const line = typeof e.lines === 'number' ? e.lines : 0
    if (e.code === 'CSV_MAX_RECORD_SIZE')
      throw new FileRefused('line_too_long', line, { max: limits.maxLineChars })
    throw new FileRefused('malformed_csv', line)
  }
}

function* xlsxRows(bytes: Uint8Array, limits: ReadLimits): Generator<(string | null)[]> {
  const rows: (string | null)[][] = []
  readXlsxRows(bytes, limits, (cells) => rows.push(cells))
  yield* rows
}

/**
 * The rows of a return list, header first, read under the limits. CSV is parsed as a stream of records; an XLSX
 * workbook is inflated and parsed as a stream too, its first sheet only (see `platform/files/xlsx-sheet.ts`).
 * Runs in a parsing worker (`return-list.worker.ts`), never on the request thread.
 */
export function readListRows(
  format: ListFormat,
  bytes: Uint8Array,
  limits: ReadLimits,
): AsyncIterable<(string | null)[]> | Iterable<(string | null)[]> {
  return format === 'csv' ? csvRows(bytes, limits) : xlsxRows(bytes, limits)
}

import { Readable } from 'node:stream'
import { parse } from 'csv-parse'
import { readSheet } from 'read-excel-file/node'
import { AppError } from '../../platform/errors/codes.ts'

export const LIST_FORMATS = ['csv', 'xlsx'] as const
export type ListFormat = (typeof LIST_FORMATS)[number]

/** A file that cannot be read as a table at all: refused whole, with the row where reading stopped. */
export function unreadable(code: string, row: number | null = null): AppError {
  return new AppError('validation_failed', {}, [
    { path: row ? `file.row.${row}` : 'file', code: `returns.errors.${code}`, params: row ? { row } : {} },
  ])
}

type Cell = string | number | boolean | Date | null | undefined

/** Spreadsheet dates arrive as Date objects at UTC midnight; everything else as the text a person would read. */
function cellText(value: Cell): string | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10)
  return String(value)
}

async function* csvRows(bytes: Buffer): AsyncGenerator<(string | null)[]> {
  // A spreadsheet saved in a legacy code page would otherwise import its Khmer names as mojibake.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw unreadable('not_utf8')
  }
  const parser = Readable.from([bytes]).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true }),
  )
  try {
    for await (const record of parser as AsyncIterable<string[]>) yield record
  } catch (err) {
    const line = (err as { lines?: number }).lines
    throw unreadable('malformed_csv', typeof line === 'number' ? line : null)
  }
}

async function* xlsxRows(bytes: Buffer): AsyncGenerator<(string | null)[]> {
  let rows: Cell[][]
  try {
    rows = (await readSheet(bytes)) as unknown as Cell[][]
  } catch {
    throw unreadable('malformed_xlsx')
  }
  for (const row of rows) yield row.map(cellText)
}

/**
 * The rows of a return list, header first. CSV is parsed as a stream of records; an XLSX workbook is a zip whose
 * directory sits at its end, so its first sheet is read whole.
 */
export function readListRows(format: ListFormat, bytes: Buffer): AsyncGenerator<(string | null)[]> {
  return format === 'csv' ? csvRows(bytes) : xlsxRows(bytes)
}

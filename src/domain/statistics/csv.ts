export type CsvValue = string | number | null | undefined

export interface CsvOptions {
  /** Prefix a UTF-8 byte order mark so that Excel reads Khmer as UTF-8 instead of the ANSI code page. */
  bom?: boolean
  /**
   * Neutralise text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the start)
   * by prefixing an apostrophe. Numbers are never changed, so negative numbers stay numbers.
   */
  escapeFormulas?: boolean
}

const BOM = '\uFEFF'
const NEEDS_QUOTES = /[",\r\n]/
const FORMULA_START = /^[=+\-@\t\r]/

function field(value: CsvValue, escapeFormulas: boolean): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : ''
  }
  const text = escapeFormulas && FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * RFC 4180: fields separated by commas, records by CRLF (including after the last), fields holding a comma,
 * quote, CR or LF enclosed in double quotes with inner quotes doubled.
 */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  const escapeFormulas = options.escapeFormulas ?? true
  const body = rows.map((row) => `${row.map((v) => field(v, escapeFormulas)).join(',')}\r\n`).join('')
  return options.bom ? BOM + body : body
}

export function toCsvBytes(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): Uint8Array {
  return new TextEncoder().encode(toCsv(rows, options))
}

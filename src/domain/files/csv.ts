/**
 * The one CSV writer of every export (statistics, HTCDS reports, watchlists): whatever leaves Passage as
 * CSV is quoted the same way and defused the same way, so no export can be the one that forgot.
 */
export type CsvValue = string | number | null | undefined

export interface CsvOptions {
  /** Prefix a UTF-8 byte order mark so that Excel reads Khmer as UTF-8 instead of the ANSI code page. */
  bom?: boolean
}

const BOM = '\uFEFF'
const NEEDS_QUOTES = /[",\r\n]/
/**
 * Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the start — OWASP's list) gets an
 * apostrophe in front. Text already starting with an apostrophe gets one more, so the escape is reversible:
 * `unescapeFormula` removes exactly one leading apostrophe and gives back what was written.
 */
const ESCAPE_START = /^[=+\-@\t\r']/

/** Defuses one text value (see ESCAPE_START). */
export function escapeFormula(value: string): string {
  return ESCAPE_START.test(value) ? `'${value}` : value
}

/** Undoes `escapeFormula` for a value read back from one of Passage's own CSV exports. */
export function unescapeFormula(value: string): string {
  return value.startsWith("'") && ESCAPE_START.test(value.slice(1)) ? value.slice(1) : value
}

function field(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  // Numbers are never changed, so negative numbers stay numbers.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const text = escapeFormula(value)
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * One record, RFC 4180: fields separated by commas and ended by CRLF, fields holding a comma, quote, CR or LF
 * enclosed in double quotes with inner quotes doubled. For exports written as a stream of lines.
 */
export function csvLine(row: readonly CsvValue[]): string {
  return `${row.map(field).join(',')}\r\n`
}

/** A whole table as RFC 4180 CSV (CRLF after every record, the last included). */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  const body = rows.map(csvLine).join('')
  return options.bom ? BOM + body : body
}

export function toCsvBytes(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): Uint8Array {
  return new TextEncoder().encode(toCsv(rows, options))
}

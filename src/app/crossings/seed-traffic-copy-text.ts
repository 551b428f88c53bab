import { once } from 'node:events'
import type pg from 'pg'

/** COPY text format: backslash, tab, newline and carriage return escaped; null is `\N`. */
export function field(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N'
  const s = String(value)
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] ?? c)
    : s
}

/** The rows as COPY text: one array reused for the fields of every row, one join per row and one for the rows. */
export function lines(columns: (string | number | null)[][], rows: number): string {
  const width = columns.length
  const row = new Array<string>(width)
  const out = new Array<string>(rows + 1)
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < width; j++) row[j] = field(columns[j]![i])
    out[i] = row.join('\t')
  }
  out[rows] = ''
  return out.join('\n')
}

/** Loaded with the first COPY: nothing else (PGlite, the API) needs the package in memory. */
let copyFrom: typeof import('pg-copy-streams')['from'] | undefined

/**
 * One `COPY … FROM STDIN` of the given text chunks (each whole lines), through `pg-copy-streams`, the `pg`
 * driver's companion for the COPY sub-protocol. Chunks are written as the server takes them (backpressure), so a
 * long iterable is generated while the server reads.
 */
export async function copyText(
  client: pg.Client,
  table: string,
  columns: string,
  chunks: Iterable<string>,
): Promise<void> {
  copyFrom ??= (await import('pg-copy-streams')).from
  const stream = client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`))
  const finished = once(stream, 'finish')
  // Without a listener an error would be thrown from the stream instead of rejecting `finished`.
  const failed = once(stream, 'error').then(([err]) => Promise.reject(err))
  failed.catch(() => {})
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed])
  }
  stream.end()
  await Promise.race([finished, failed])
}

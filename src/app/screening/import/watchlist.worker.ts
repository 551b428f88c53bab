import { FileRefused, runGuard } from '../../../platform/files/file-refused.ts'
import { countryLookup } from './country-lookup.ts'
import { readCsv } from './csv-format.ts'
import { decodeUtf8 } from './decode.ts'
import { readFtm } from './ftm-format.ts'
import { readOfacSdn } from './ofac-sdn-format.ts'
import type { ImportFormat, ImportItem } from './records.ts'
import { readUnXml } from './un-xml-format.ts'

export interface WatchlistJob {
  format: ImportFormat
  /** The country lookup's table (`country-lookup.ts`), as pairs: a worker has no database. */
  countries: [string, string][]
  maxBytes: number
  maxRecords: number
  maxLineChars: number
}

/** What the request thread hears from the reader: a record, or how many bytes have been read so far. */
export type WatchlistRead = { item: ImportItem } | { bytes: number }

const READERS = { csv: readCsv, ftm: readFtm, 'un-xml': readUnXml, 'ofac-sdn': readOfacSdn }

/**
 * Decodes and parses an alert-list file in a parsing worker (run by `importWatchlist`), under the limits: bytes,
 * records, and the length of one line (one XML text run). The records go back to the request thread, which
 * validates and writes them.
 */
export async function* readWatchlist(
  job: WatchlistJob,
  input: AsyncIterable<Uint8Array>,
): AsyncGenerator<WatchlistRead> {
  const country = countryLookup(job.countries)
  const guard = runGuard(job.format === 'un-xml' ? '<' : '\n', job.maxLineChars)
  let bytes = 0
  let reported = 0
  async function* text() {
    for await (const t of decodeUtf8(input, { maxBytes: job.maxBytes, onBytes: (b) => (bytes = b) })) {
      guard(t)
      yield t
    }
  }
  let records = 0
  for await (const item of READERS[job.format](text(), country)) {
    if (++records > job.maxRecords) throw new FileRefused('too_many_rows', item.line, { max: job.maxRecords })
    yield { item }
    if (bytes - reported >= 1024 * 1024) {
      reported = bytes
      yield { bytes }
    }
  }
  yield { bytes }
}

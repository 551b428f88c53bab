import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { FileRefused } from '../../platform/files/file-refused.ts'
import { runInWorker } from '../../platform/files/run-in-worker.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { removeUnconfirmed } from './entries.repository.ts'
import { countryPairs } from './import/country-lookup.ts'
import type { ImportFormat } from './import/records.ts'
import type { WatchlistJob, WatchlistRead } from './import/watchlist.worker.ts'
import { type ImportReport, type Rejection, type Valid, validate, writeBatch } from './import-batch.ts'
import { guardRemovals, liveEntries } from './import-removals.ts'
import { lockOwnedList, systemActor } from './manage-watchlists.ts'
import {
  bumpScreeningVersion,
  recordListVersion,
  type Stamp,
  takeListVersion,
} from './watchlists.repository.ts'

export type { ImportReport, Rejection } from './import-batch.ts'

/** Records written per round trip: multi-row statements are 30–40× faster than one row at a time. */
const BATCH = 500
/** Rejections listed in a report; the count goes on beyond it. */
const MAX_LISTED = 1000

/** Thrown inside the import's transaction, so that nothing of a rejected file is kept. */
export class ImportRejected extends Error {
  constructor(
    readonly rejected: Rejection[],
    readonly rejectedCount: number,
  ) {
    super('import_rejected')
  }
}

const WORKER = new URL('./import/watchlist.worker.ts', import.meta.url)

/** What one import may cost (`config.imports`), and how much of a list it may remove unconfirmed. */
export interface WatchlistImportLimits {
  maxBytes: number
  maxRecords: number
  maxLineChars: number
  maxRemovalShare: number
}

/**
 * Imports a whole file as one new version of a list, all or nothing: entries are matched to the existing ones by
 * their source id, so a re-import adds, changes and removes in place and reports each count. The file is read as
 * a stream, parsed in a worker thread under the limits, and written in batches; any rejected line (or an unreadable
 * file) rolls the whole import back with a line-by-line report. An import that would remove more than
 * `maxRemovalShare` of the list, or holds no entries, is refused unless `confirmRemovals` (see `import-removals.ts`).
 */
export async function importWatchlist(o: {
  trx: Tx
  actor: RequestActor | null
  listId: string
  format: ImportFormat
  source: AsyncIterable<Uint8Array | string>
  fileName: string | null
  limits: WatchlistImportLimits
  /** The importer saw how many entries this removes and confirmed it. */
  confirmRemovals?: boolean
  onProgress?(p: { bytes: number; records: number }): void
}): Promise<ImportReport> {
  const list = await lockOwnedList(o.trx, o.actor, o.listId)
  const before = await liveEntries(o.trx, list.id)
  const stamp: Stamp = {
    listId: list.id,
    listVersion: await takeListVersion(o.trx, list.id),
    changeVersion: await bumpScreeningVersion(o.trx),
  }
  const report: ImportReport = {
    listId: list.id,
    version: stamp.listVersion,
    read: 0,
    added: 0,
    changed: 0,
    removed: 0,
    unchanged: 0,
    skipped: 0,
    removalsConfirmed: false,
    unmappedCountries: [],
  }
  const unmapped = new Map<string, number>()
  const rejected: Rejection[] = []
  let rejectedCount = 0
  const reject = (r: Rejection) => {
    rejectedCount++
    if (rejected.length < MAX_LISTED) rejected.push(r)
  }
  let bytes = 0
  const job: WatchlistJob = {
    format: o.format,
    countries: await countryPairs(o.trx),
    maxBytes: o.limits.maxBytes,
    maxRecords: o.limits.maxRecords,
    maxLineChars: o.limits.maxLineChars,
  }
  const reads = runInWorker<WatchlistRead>({ module: WORKER, export: 'readWatchlist', job, source: o.source })
  let batch: Valid[] = []
  try {
    for await (const read of reads) {
      if (!('item' in read)) {
        bytes = read.bytes
        continue
      }
      const item = read.item
      if (item.kind === 'person' || item.kind === 'document')
        for (const v of item.unmapped ?? []) unmapped.set(v, (unmapped.get(v) ?? 0) + 1)
      const valid = validate(item, list.kind, reject)
      if (item.kind === 'skipped') report.skipped++
      if (!valid) continue
      report.read++
      batch.push(valid)
      if (batch.length >= BATCH) {
        // After the first rejection nothing more is written: the rest is read only to report every bad line.
        if (rejectedCount === 0) await writeBatch(o.trx, batch, stamp, report, reject)
        batch = []
        o.onProgress?.({ bytes, records: report.read })
      }
    }
  } catch (err) {
    if (!(err instanceof FileRefused)) throw err
    reject({ line: err.line, code: err.code, params: err.params })
  }
  if (rejectedCount === 0) await writeBatch(o.trx, batch, stamp, report, reject)
  o.onProgress?.({ bytes, records: report.read })
  if (rejectedCount > 0) throw new ImportRejected(rejected, rejectedCount)
  await guardRemovals({
    trx: o.trx,
    listId: list.id,
    version: stamp.listVersion,
    before,
    read: report.read,
    maxShare: o.limits.maxRemovalShare,
    confirmed: o.confirmRemovals === true,
  })
  report.removalsConfirmed = o.confirmRemovals === true
  report.unmappedCountries = [...unmapped]
    .map(([value, records]) => ({ value, records }))
    .sort((a, b) => b.records - a.records || (a.value < b.value ? -1 : 1))
    .slice(0, MAX_LISTED)
  report.removed =
    (await removeUnconfirmed(o.trx, 'watchlist_persons', list.id, stamp.listVersion, stamp.changeVersion)) +
    (await removeUnconfirmed(o.trx, 'watchlist_documents', list.id, stamp.listVersion, stamp.changeVersion))
  await recordListVersion(o.trx, {
    ...report,
    version: stamp.listVersion,
    source: o.format,
    fileName: o.fileName,
    createdBy: o.actor?.id ?? null,
  })
  await appendAudit(o.trx, o.actor ? auditActor(o.actor) : systemActor, {
    action: 'import',
    resource: 'watchlist',
    recordId: list.id,
    details: { format: o.format, fileName: o.fileName, ...report },
  })
  return report
}

import { createReadStream, createWriteStream, statSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import { exportWatchlist } from '../../app/screening/export-watchlist.ts'
import { FORMATS, type ImportFormat } from '../../app/screening/import/records.ts'
import { ImportRejected, importWatchlist } from '../../app/screening/import-watchlist.ts'
import { createWatchlist } from '../../app/screening/manage-watchlists.ts'
import { findListByName } from '../../app/screening/watchlists.repository.ts'
import { loadConfig } from '../../platform/config/config.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { translate } from '../../platform/i18n/catalog.ts'
import { openMigratedStore } from '../../platform/runtime.ts'
import { type CliIO, type Command, UsageError } from '../command.ts'
import { progressBar } from '../progress.ts'

const usage = `passage watchlist import FILE --list NAME [--format csv|ftm|un-xml|ofac-sdn] [--agency CODE] [--confirm-removals]
passage watchlist export --list NAME [--output FILE]

Imports FILE as one new version of the alert list NAME, all or nothing. Entries are matched by their source id,
so importing a newer file updates the list in place and reports what was added, changed and removed. A file
with bad lines is rejected with one message per line, and nothing is changed.
  --format   csv (docs/watchlist-csv.md), ftm (OpenSanctions FollowTheMoney JSON Lines), un-xml (UN Security
             Council Consolidated List) or ofac-sdn (OFAC's legacy sdn.csv); guessed from the file extension
             (.csv, .jsonl, .xml) when left out
  --agency   the owning agency, to create the list when it does not exist yet
  --confirm-removals
             import even if the file holds no entries or removes more than WATCHLIST_MAX_REMOVAL_SHARE of the
             list (refused otherwise, with the count, so an empty or truncated file cannot empty a list)
Export writes the list's current entries as CSV (to FILE, or standard output), in the format import reads.`

const BY_EXTENSION: Record<string, ImportFormat> = {
  '.csv': 'csv',
  '.xml': 'un-xml',
  '.jsonl': 'ftm',
  '.ndjson': 'ftm',
  '.json': 'ftm',
}

function formatOf(file: string, given: string | undefined): ImportFormat {
  const format = given ?? BY_EXTENSION[extname(file).toLowerCase()]
  if (!format || !(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(given ? `unknown format "${given}"` : 'give --format csv|ftm|un-xml|ofac-sdn')
  }
  return format as ImportFormat
}

export const watchlistCommand: Command = {
  name: 'watchlist',
  summary: 'Import an alert list (CSV, OpenSanctions FtM, UN Security Council XML) or export it as CSV',
  usage,
  async run([sub, ...rest], io) {
    const { values: v, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        list: { type: 'string' },
        format: { type: 'string' },
        agency: { type: 'string' },
        output: { type: 'string' },
        'confirm-removals': { type: 'boolean' },
      },
    })
    if (sub === 'export') return exportList(v.list, v.output, io)
    if (sub !== 'import')
      throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'a subcommand is required')
    const file = positionals[0]
    if (!file || !v.list) throw new UsageError('FILE and --list are required')
    const format = formatOf(file, v.format)
    const size = statSync(file).size
    const config = loadConfig()
    const store = await openMigratedStore(config)
    try {
      const db = store.db
      let list = await findListByName(db, v.list)
      if (!list) {
        if (!v.agency) throw new Error(`there is no list named "${v.list}"; give --agency to create it`)
        list = await db.transaction().execute((trx) =>
          createWatchlist({
            trx,
            actor: null,
            list: { name: v.list!, ownerAgency: v.agency!, kind: 'mixed', description: '' },
            reason: `Created by passage watchlist import ${basename(file)}`,
          }),
        )
        io.stdout.write(`Created the list "${list.name}" owned by ${list.owner_agency}.\n`)
      }
      const bar = progressBar(io.stdout, `Importing ${basename(file)}`.slice(0, 22), size)
      const listId = list.id
      const report = await db.transaction().execute((trx) =>
        importWatchlist({
          trx,
          actor: null,
          listId,
          format,
          source: createReadStream(file, { highWaterMark: 256 * 1024 }),
          fileName: basename(file),
          // An administrator's own file on the server: no byte limit (full OpenSanctions exports run to gigabytes),
          // the record and line limits as for an upload.
          limits: {
            maxBytes: Number.MAX_SAFE_INTEGER,
            maxRecords: config.imports.watchlistMaxRecords,
            maxLineChars: config.imports.maxLineChars,
            maxRemovalShare: config.imports.maxRemovalShare,
          },
          confirmRemovals: v['confirm-removals'] === true,
          onProgress: (p) => bar.update(p.bytes),
        }),
      )
      bar.done(size)
      io.stdout.write(
        `List "${v.list}" version ${report.version}: ${report.read} entries read, ${report.added} added, ` +
          `${report.changed} changed, ${report.removed} removed, ${report.unchanged} unchanged, ${report.skipped} skipped.\n`,
      )
      if (report.removalsConfirmed)
        io.stdout.write(`${translate('en', 'watchlists.import.removalsConfirmed')}\n`)
      return 0
    } catch (err) {
      if (err instanceof ImportRejected) {
        io.stderr.write(`${translate('en', 'watchlists.import.rejected', { count: err.rejectedCount })}\n`)
        for (const r of err.rejected) {
          io.stderr.write(
            `${translate('en', `watchlists.import.errors.${r.code}`, { line: r.line, ...r.params })}\n`,
          )
        }
        return 1
      }
      if (err instanceof AppError && err.code === 'removals_unconfirmed') {
        io.stderr.write(`${translate('en', 'errors.removals_unconfirmed', err.params)}\n`)
        io.stderr.write('Give --confirm-removals to import it anyway.\n')
        return 1
      }
      throw err
    } finally {
      await store.close()
    }
  },
}

async function exportList(name: string | undefined, output: string | undefined, io: CliIO): Promise<number> {
  if (!name) throw new UsageError('--list is required')
  const store = await openMigratedStore(loadConfig())
  try {
    const list = await findListByName(store.db, name)
    if (!list) throw new Error(`there is no list named "${name}"`)
    const { lines } = await exportWatchlist({ db: store.db, actor: null, listId: list.id })
    const out = output ? createWriteStream(output) : io.stdout
    await pipeline(Readable.from(lines), out, { end: Boolean(output) })
    if (output) io.stdout.write(`Exported "${name}" version ${list.version} to ${output}.\n`)
    return 0
  } finally {
    await store.close()
  }
}

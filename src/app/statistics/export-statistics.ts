import type { CsvValue } from '../../domain/files/csv.ts'
import type { RandomSource } from '../../domain/statistics/random.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { type Locale, translate } from '../../platform/i18n/catalog.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { controlledTable, type ExportPrivacy, secureRandom } from './export-controlled.ts'
import { CONTENT_TYPES, csvFile, type ExportFormat, exportFileName, xlsxFile } from './export-files.ts'
import { type ExportMetadata, notes } from './export-notes.ts'
import { exportRows } from './export-rows.ts'
import type { StatisticsQuery, StatisticsResult } from './statistics.contract.ts'
import { refuse } from './statistics-access.ts'

/**
 * `GET/POST /api/statistics/export`: a table as CSV or XLSX with an HXL hashtag row, or as JSON, always
 * disclosure-controlled whatever the reader may see on screen. Who exported which table in which format,
 * how many cells were withheld and what privacy budget was spent is audited in the same transaction.
 */
export async function exportStatistics(o: {
  trx: Tx
  /** Where the table is read: the read replica's handle (`Store.read`) or, by default, the transaction. */
  read?: Executor
  actor: RequestActor
  query: StatisticsQuery
  format: ExportFormat
  locale: Locale
  threshold: number
  privacy?: ExportPrivacy
  random?: RandomSource
}): Promise<{ fileName: string; contentType: string; body: Buffer | (StatisticsResult & ExportMetadata) }> {
  const noise = o.privacy ? { privacy: o.privacy, random: o.random ?? secureRandom } : undefined
  const { result, measure, table, noise: spent } = await controlledTable({ ...o, noise })
  const left = spent ? Math.max(0, spent.budget.epsilon - spent.budget.spentEpsilon) : 0
  const meta: ExportMetadata = {
    generatedOn: todayInCambodia(),
    filters: o.query.filters ?? {},
    privacy:
      o.privacy && spent
        ? {
            mechanism: o.privacy.mechanism,
            epsilon: o.privacy.epsilon,
            delta: o.privacy.delta ?? 0,
            release: o.privacy.release,
            remainingEpsilon: left,
          }
        : null,
  }
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'export',
    resource: 'statistics',
    details: {
      format: o.format,
      query: o.query,
      threshold: o.threshold,
      suppressedCells: result.disclosure.suppressedCells,
      privacy: meta.privacy,
    },
  })
  const fileName = exportFileName({
    subject: result.measure,
    from: result.from,
    to: result.to,
    madeOn: meta.generatedOn,
    format: o.format,
  })
  const contentType = CONTENT_TYPES[o.format]
  if (o.format === 'json') return { fileName, contentType, body: { ...result, ...meta } }
  const rows = exportRows(table, {
    measure,
    label: (key, params) => translate(o.locale, key, params),
    labels: result.labels,
  })
  if (!rows.ok) refuse(rows.error)
  if (o.format === 'csv') return { fileName, contentType, body: csvFile(rows.value) }
  const body = await xlsxFile({
    rows: rows.value as CsvValue[][],
    notes: notes(o.locale, result, meta),
    sheetNames: {
      data: translate(o.locale, 'exports.sheets.data'),
      notes: translate(o.locale, 'exports.sheets.notes'),
    },
  })
  return { fileName, contentType, body }
}

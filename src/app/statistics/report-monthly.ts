import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { type Locale, translate } from '../../platform/i18n/catalog.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { controlledTable } from './export-controlled.ts'
import { exportFileName } from './export-files.ts'
import { renderReportPdf } from './report-pdf.ts'
import { MONTHLY_TABLES, type MonthlyTables, monthlySections, monthRange } from './report-sections.ts'
import type { StatisticsQuery } from './statistics.contract.ts'

/**
 * `GET /api/statistics/reports/monthly`: the month's report as a PDF, generated on demand from
 * disclosure-controlled tables only (the same path as the exports), in English or Khmer. Audited.
 */
export async function monthlyReport(o: {
  trx: Tx
  actor: RequestActor
  month: string
  post?: string
  locale: Locale
  threshold: number
  compress?: boolean
}): Promise<{ fileName: string; body: Buffer }> {
  const t = (key: string, params?: Record<string, unknown>) => translate(o.locale, key, params)
  const number = new Intl.NumberFormat(o.locale === 'km' ? 'km-KH' : 'en-GB')
  const month = monthRange(o.month)
  const postName = o.post ? await postLabel(o.trx, o.post, o.locale) : null
  const filters = o.post ? { post: [o.post] } : undefined
  let suppressed = 0
  const tables = {} as MonthlyTables
  for (const name of Object.keys(MONTHLY_TABLES) as (keyof MonthlyTables)[]) {
    const spec = MONTHLY_TABLES[name]
    const query: StatisticsQuery = {
      measure: spec.measure,
      dimensions: [...spec.dimensions],
      ...monthRange(o.month, spec.monthsBefore),
      ...(filters ? { filters } : {}),
    }
    // A section of a post's report may be all withheld; that is shown, not refused.
    const { result } = await controlledTable({ ...o, query, refuseSmall: false })
    suppressed += result.disclosure.suppressedCells
    tables[name] = result
  }
  const sections = monthlySections(tables, {
    t,
    number: (n) => number.format(n),
    threshold: o.threshold,
    suppressedCells: suppressed,
  })
  const generatedOn = todayInCambodia()
  const body = await renderReportPdf({
    locale: o.locale,
    title: t('exports.report.title', { month: o.month }),
    subtitle: postName
      ? t('exports.report.subtitlePost', { post: postName, date: generatedOn })
      : t('exports.report.subtitleNational', { date: generatedOn }),
    sections,
    footer: t('exports.report.footer'),
    noData: t('exports.report.empty'),
    numberFormat: (n) => number.format(n),
    compress: o.compress,
  })
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'export',
    resource: 'statistics',
    details: {
      report: 'monthly',
      month: o.month,
      post: o.post ?? null,
      locale: o.locale,
      threshold: o.threshold,
      suppressedCells: suppressed,
    },
  })
  return {
    fileName: exportFileName({
      subject: `monthly-report-${o.locale}`,
      ...month,
      madeOn: generatedOn,
      format: 'pdf',
    }),
    body,
  }
}

async function postLabel(trx: Tx, code: string, locale: Locale): Promise<string> {
  const row = await trx
    .selectFrom('points_of_entry')
    .select(['name_en', 'name_km'])
    .where('code', '=', code)
    .executeTakeFirst()
  if (!row)
    throw new AppError('validation_failed', {}, [
      {
        path: 'query.post',
        code: 'statistics.errors.unknownFilterValue',
        params: { value: code, dimension: 'post' },
      },
    ])
  return locale === 'km' ? row.name_km : row.name_en
}

import { PLAN_ERRORS } from '../../domain/plans/errors.ts'
import { parsePeriod } from '../../domain/plans/periods.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { type Locale, translate } from '../../platform/i18n/catalog.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { xlsxFile } from '../statistics/export-files.ts'
import { type ReportSection, renderReportPdf } from '../statistics/report-pdf.ts'
import { planDashboard } from './plan-dashboard.ts'
import { checked, refused } from './plan-errors.ts'
import type { IndicatorProgress, NodeProgress, PlanDashboard } from './plans.contract.ts'

/**
 * A quarterly or annual progress report of a plan, as XLSX or PDF in English or Khmer: the dashboard's own
 * figures (the same disclosure control), one row per indicator under its pillar, through the statistics area's
 * report machinery (`xlsxFile`, `renderReportPdf`: the Khmer-safe text path). Audited as an export.
 */
export async function progressReport(o: {
  trx: Tx
  read?: Executor
  actor: RequestActor
  planId: string
  period: string
  format: 'xlsx' | 'pdf'
  locale: Locale
  threshold: number
}): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const period = checked(parsePeriod(o.period), 'query.period')
  const d = await planDashboard({ ...o, year: period.year })
  if (period.year !== d.year)
    refused({ code: PLAN_ERRORS.periodOutsidePlan, params: { period: period.key } }, 'query.period')
  const t = (key: string, params?: Record<string, unknown>) => translate(o.locale, key, params)
  const number = new Intl.NumberFormat(o.locale === 'km' ? 'km-KH' : 'en-GB', { maximumFractionDigits: 1 })
  const fmt = (n: number | null) => (n === null ? '' : number.format(n))
  const headings = ['pillar', 'code', 'indicator', 'unit', 'target', 'value', 'progress'].map((h) =>
    t(`plans.report.columns.${h}`),
  )
  const rows = d.indicators.map((i) => {
    const f = i.figures.find((x) => x.period === period.key)
    const value = f?.value ?? null
    const shown = value !== null ? fmt(value) : t(`plans.figure.${f?.status ?? 'no_data'}`)
    return [
      pillarOf(d.nodes, i)?.title ?? '',
      i.code,
      i.name,
      t(`plans.units.${i.unit}`),
      fmt(f?.target ?? null),
      shown,
      t(`plans.progress.${f?.progress ?? 'no_data'}`),
    ]
  })
  const title = `${d.plan.title} — ${t('plans.report.title', { period: period.key })}`
  const notes: [string, string][] = [
    [t('plans.report.period'), period.key],
    [t('plans.report.generated'), todayInCambodia()],
    [
      t('plans.report.disclosure'),
      d.disclosure.exact
        ? t('plans.disclosure.exact')
        : t('plans.disclosure.published', { threshold: d.disclosure.threshold }),
    ],
    ...(d.plan.illustrative
      ? [[t('plans.illustrative.label'), t('plans.illustrative.note')] as [string, string]]
      : []),
  ]
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'export',
    resource: 'plan',
    recordId: d.plan.id,
    details: { report: 'progress', period: period.key, format: o.format, locale: o.locale },
  })
  const fileName = `passage-plan-${d.plan.code.replace(/[^A-Za-z0-9-]+/g, '-')}-${period.key}-${o.locale}.${o.format}`
  if (o.format === 'xlsx')
    return {
      fileName,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await xlsxFile({
        rows: [[title], headings, ...rows],
        notes,
        sheetNames: { data: t('plans.report.sheet'), notes: t('plans.report.notes') },
      }),
    }
  const pillars = d.nodes.filter((n) => n.kind === 'pillar')
  const sections: ReportSection[] = [
    {
      title: t('plans.report.summary'),
      figures: [
        ...notes.map(([label, value]) => ({ label, value })),
        ...(['on_track', 'at_risk', 'off_track', 'no_data'] as const).map((p) => ({
          label: t(`plans.progress.${p}`),
          value: number.format(rows.filter((r) => r[6] === t(`plans.progress.${p}`)).length),
        })),
      ],
    },
    ...pillars.map((p) => sectionOf(d, p, rows, headings)),
  ]
  const body = await renderReportPdf({
    locale: o.locale,
    title,
    subtitle: t('plans.report.subtitle', { start: d.plan.startYear, end: d.plan.endYear }),
    sections,
    footer: t('plans.report.footer'),
    noData: t('plans.figure.no_data'),
    numberFormat: (n) => number.format(n),
  })
  return { fileName, contentType: 'application/pdf', body }
}

function pillarOf(nodes: NodeProgress[], i: IndicatorProgress): NodeProgress | undefined {
  let node = nodes.find((n) => n.id === i.nodeId)
  while (node?.parentId) node = nodes.find((n) => n.id === node?.parentId)
  return node
}

function sectionOf(
  d: PlanDashboard,
  pillar: NodeProgress,
  rows: string[][],
  headings: string[],
): ReportSection {
  const own = d.indicators.filter((i) => pillarOf(d.nodes, i)?.id === pillar.id)
  const codes = new Set(own.map((i) => i.code))
  const quarterly = own.filter((i) => i.unit === 'count')
  return {
    title: `${pillar.code} ${pillar.title}`,
    table: {
      headings: headings.slice(1),
      rows: rows.filter((r) => codes.has(r[1] ?? '')).map((r) => r.slice(1)),
    },
    ...(quarterly.length
      ? {
          chart: {
            kind: 'bar' as const,
            categories: own[0]?.figures.filter((f) => f.period.includes('Q')).map((f) => f.period) ?? [],
            series: quarterly.slice(0, 4).map((i) => ({
              name: i.code,
              values: i.figures.filter((f) => f.period.includes('Q')).map((f) => f.value),
            })),
          },
        }
      : {}),
  }
}

import { daysInMonth } from '../../domain/statistics/calendar.ts'
import { TOTAL } from '../../domain/statistics/suppress-aggregate.ts'
import type { ChartSpec } from './report-charts.ts'
import type { ReportSection } from './report-pdf.ts'
import type { StatisticsResult } from './statistics.contract.ts'

const TOP_NATIONALITIES = 10
/** A withheld count in the report's tables, in either language, as the footer explains. */
const WITHHELD = '–'

export function monthRange(month: string, monthsBefore = 0): { from: string; to: string } {
  const year = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7))
  const start = new Date(Date.UTC(year, m - 1 - monthsBefore, 1)).toISOString().slice(0, 10)
  return { from: start, to: `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}` }
}

/** Cells of a table along one dimension, every other dimension at its total. */
function along(r: StatisticsResult, dim: string, fixed: Record<string, string> = {}) {
  return r.cells.filter(
    (c) => c.key[dim] !== TOTAL && r.dimensions.every((d) => d === dim || c.key[d] === (fixed[d] ?? TOTAL)),
  )
}

function grandTotal(r: StatisticsResult): number | null {
  return r.cells.find((c) => r.dimensions.every((d) => c.key[d] === TOTAL))?.value ?? null
}

/** The tables the monthly report is drawn from: measure, breakdown, and how many months before the report's. */
export const MONTHLY_TABLES = {
  direction: { measure: 'travellers', dimensions: ['direction'], monthsBefore: 0 },
  refusals: { measure: 'refusals', dimensions: ['refusalReason'], monthsBefore: 0 },
  returnees: { measure: 'returnees', dimensions: ['provinceOfReturn'], monthsBefore: 0 },
  victims: { measure: 'victims', dimensions: ['sex', 'ageBand'], monthsBefore: 0 },
  forms: { measure: 'victims', dimensions: ['exploitationForm'], monthsBefore: 0 },
  byMonth: { measure: 'travellers', dimensions: ['period:month', 'direction'], monthsBefore: 11 },
  byPost: { measure: 'travellers', dimensions: ['post'], monthsBefore: 0 },
  nationalitySex: { measure: 'travellers', dimensions: ['nationality', 'sex'], monthsBefore: 0 },
} as const

export type MonthlyTables = Record<keyof typeof MONTHLY_TABLES, StatisticsResult>

/**
 * The report's sections from its disclosure-controlled tables: nothing here sees an exact count, so a
 * withheld cell can only be shown as withheld.
 */
export function monthlySections(
  tables: MonthlyTables,
  o: {
    t: (key: string, params?: Record<string, unknown>) => string
    number: (n: number) => string
    threshold: number
    suppressedCells: number
  },
): ReportSection[] {
  const { t } = o
  const show = (v: number | null) => (v === null ? WITHHELD : o.number(v))
  const { direction, refusals, returnees, victims, forms, byMonth, byPost, nationalitySex } = tables
  const label = (r: StatisticsResult, dim: string, code: string) => r.labels[dim]?.[code] ?? code
  const bars = (r: StatisticsResult, dim: string, name: string, horizontal = true): ChartSpec => {
    const cells = along(r, dim)
    return {
      kind: 'bar',
      horizontal,
      categories: cells.map((c) => label(r, dim, c.key[dim] ?? '')),
      series: [{ name, values: cells.map((c) => c.value) }],
    }
  }
  const listTable = (r: StatisticsResult, dim: string, heading: string, total = grandTotal(r)) => ({
    headings: [heading, t('exports.report.columns.count')],
    rows: [
      ...along(r, dim).map((c) => [label(r, dim, c.key[dim] ?? ''), show(c.value)]),
      [t('exports.report.columns.total'), show(total)],
    ],
  })

  const directionValue = (code: string) =>
    along(direction, 'direction').find((c) => c.key.direction === code)?.value ?? null
  const months = along(byMonth, 'period:month').map((c) => c.key['period:month'] ?? '')
  const monthly = (code: string) =>
    months.map(
      (m) =>
        byMonth.cells.find((c) => c.key['period:month'] === m && c.key.direction === code)?.value ?? null,
    )
  const nationalities = along(nationalitySex, 'nationality')
    .sort((a, b) => (b.value ?? -1) - (a.value ?? -1))
    .slice(0, TOP_NATIONALITIES)
    .map((c) => c.key.nationality ?? '')
  const bySex = (nat: string, sex: string) =>
    nationalitySex.cells.find((c) => c.key.nationality === nat && c.key.sex === sex)?.value ?? null

  return [
    {
      title: t('exports.report.sections.summary'),
      figures: [
        { label: t('exports.report.figures.entries'), value: show(directionValue('entry')) },
        { label: t('exports.report.figures.exits'), value: show(directionValue('exit')) },
        { label: t('exports.report.figures.refusals'), value: show(grandTotal(refusals)) },
        { label: t('exports.report.figures.returnees'), value: show(grandTotal(returnees)) },
        { label: t('exports.report.figures.victims'), value: show(grandTotal(victims)) },
      ],
    },
    {
      title: t('exports.report.sections.crossingsByMonth'),
      chart: {
        kind: 'bar',
        categories: months,
        series: [
          { name: t('exports.report.columns.entry'), values: monthly('entry') },
          { name: t('exports.report.columns.exit'), values: monthly('exit') },
        ],
      },
      table: {
        headings: [
          t('exports.report.columns.month'),
          t('exports.report.columns.entry'),
          t('exports.report.columns.exit'),
        ],
        rows: months.map((m, i) => [m, show(monthly('entry')[i] ?? null), show(monthly('exit')[i] ?? null)]),
      },
    },
    {
      title: t('exports.report.sections.byPost'),
      chart: bars(byPost, 'post', t('statistics.measures.travellers')),
      table: listTable(byPost, 'post', t('statistics.dimensions.post')),
    },
    {
      title: t('exports.report.sections.nationalitySex'),
      chart: {
        kind: 'bar',
        horizontal: true,
        stacked: true,
        categories: nationalities.map((n) => label(nationalitySex, 'nationality', n)),
        series: [
          { name: t('exports.report.columns.female'), values: nationalities.map((n) => bySex(n, 'F')) },
          { name: t('exports.report.columns.male'), values: nationalities.map((n) => bySex(n, 'M')) },
        ],
      },
    },
    {
      title: t('exports.report.sections.refusals'),
      chart: bars(refusals, 'refusalReason', t('statistics.measures.refusals')),
      table: listTable(refusals, 'refusalReason', t('statistics.dimensions.refusalReason')),
    },
    {
      title: t('exports.report.sections.returnees'),
      chart: bars(returnees, 'provinceOfReturn', t('statistics.measures.returnees')),
      table: listTable(returnees, 'provinceOfReturn', t('statistics.dimensions.provinceOfReturn')),
    },
    {
      title: t('exports.report.sections.protection'),
      chart: {
        kind: 'bar',
        categories: along(victims, 'ageBand').map((c) => c.key.ageBand ?? ''),
        series: ['F', 'M'].map((sex) => ({
          name: t(sex === 'F' ? 'exports.report.columns.female' : 'exports.report.columns.male'),
          values: along(victims, 'ageBand', { sex }).map((c) => c.value),
        })),
      },
      // A victim may have several forms, so the forms table has no total of its own (its margin would be a
      // dash, read as withheld): its total row is the number of victims, the same figure as the summary's.
      table: listTable(
        forms,
        'exploitationForm',
        t('statistics.dimensions.exploitationForm'),
        grandTotal(victims),
      ),
      paragraphs: [t('exports.report.notes.sdg')],
    },
    {
      title: t('exports.report.sections.disclosure'),
      paragraphs: [
        t('exports.report.notes.threshold', { max: o.threshold - 1, cells: o.suppressedCells }),
        t('exports.report.notes.exact'),
        t('exports.report.notes.khmerShaping'),
      ],
    },
  ]
}

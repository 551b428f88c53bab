import { type AgeBand, DEFAULT_AGE_BANDS } from '../../domain/statistics/age-bands.ts'
import type { AggregateResult } from '../../domain/statistics/aggregate.ts'
import { daysInMonth } from '../../domain/statistics/calendar.ts'
import { perturbAggregate } from '../../domain/statistics/cell-key.ts'
import {
  type ResolvedDimension,
  resolveDimension,
  resolveDimensions,
  UNKNOWN,
} from '../../domain/statistics/dimensions.ts'
import { STATISTICS_ERRORS } from '../../domain/statistics/errors.ts'
import { parsePeriod, periodsBetween } from '../../domain/statistics/periods.ts'
import { singleValueFilters, sliceTable, tableDimensions } from '../../domain/statistics/published-slice.ts'
import { suppressAggregate } from '../../domain/statistics/suppress-aggregate.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import type { Locale } from '../../platform/i18n/catalog.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { readFreshness } from './freshness.ts'
import { labelsFor } from './labels.ts'
import { isMeasure, type Measure, measureDimensions, sourceDimensions, sourceFor } from './measures.ts'
import type { Source } from './sources.ts'
import type { StatisticsQuery, StatisticsResult, StatisticsView } from './statistics.contract.ts'
import { countBy } from './statistics.repository.ts'
import {
  refuse,
  type StatisticsAccess,
  type StatisticsPurpose,
  statisticsAccess,
} from './statistics-access.ts'

/** A request to count, with its table before any disclosure control: what exports protect their own way. */
export interface StatisticsTable {
  measure: Measure
  /** The asked dimensions, as given. */
  dimensions: string[]
  /** The range counted: widened to whole months under disclosure control. */
  from: string
  to: string
  /**
   * Under disclosure control, the counts over the asked and the filtered dimensions together with no filter
   * applied (the fixed table a view is cut from); for exact views, the asked dimensions with filters applied.
   */
  result: AggregateResult
  /** To apply after protection with `sliceTable`; empty for exact views. */
  slice: Record<string, string>
  /** The reader chose the slice, so a slice that is itself a small group is refused. */
  refuseSmallSlice: boolean
  /** Values each table dimension always shows, zero or not (every period of the range, every age band). */
  domains: Record<string, string[]>
  access: StatisticsAccess
}

/**
 * Suppression audits the whole table with its margins; beyond this many cells (a year of days by nationality by
 * sex…) it would hold a request for seconds, and such a table would be mostly withheld anyway.
 */
const MAX_PROTECTED_CELLS = 20_000

function tableCells(result: AggregateResult, domains: Record<string, string[]>): number {
  return result.dimensions.reduce((n, d) => {
    const values = new Set([...(domains[d.name] ?? []), ...result.cells.map((c) => c.key[d.name])])
    return n * (values.size + 1)
  }, 1)
}

function wholeMonths(from: string, to: string): { from: string; to: string } {
  const year = Number(to.slice(0, 4))
  const month = Number(to.slice(5, 7))
  return {
    from: `${from.slice(0, 7)}-01`,
    to: `${to.slice(0, 7)}-${String(daysInMonth(year, month)).padStart(2, '0')}`,
  }
}

function checkFilterValues(d: ResolvedDimension, values: readonly string[], bands: readonly AgeBand[]): void {
  for (const value of values) {
    if (value === UNKNOWN) continue
    if (d.definition.id === 'period') {
      const period = parsePeriod(value)
      if (!period.ok || period.value.unit !== d.unit)
        refuse(
          period.ok ? { code: STATISTICS_ERRORS.invalidPeriod, params: { period: value } } : period.error,
          `body.filters.${d.name}`,
        )
    }
    if (d.definition.id === 'ageBand' && !bands.some((b) => b.label === value))
      refuse(
        { code: 'statistics.errors.unknownFilterValue', params: { value, dimension: d.name } },
        `body.filters.${d.name}`,
      )
  }
}

/**
 * Validates a request against the measure and the reader's access, and counts it. Unknown measures and
 * dimensions, impossible periods and too many dimensions are refused before anything is read.
 */
export async function statisticsTable(o: {
  db: Executor
  actor: RequestActor
  query: StatisticsQuery
  threshold: number
  purpose?: StatisticsPurpose
  ageBands?: readonly AgeBand[]
  /** Filters that are part of an indicator's definition rather than the reader's choice. */
  definitionFilters?: Record<string, string[]>
  /** An indicator's own source instead of the measure's. */
  custom?: { source: Source; where?: string }
}): Promise<StatisticsTable> {
  const access = statisticsAccess(o.actor, o.purpose ?? 'view', o.threshold)
  const bands = o.ageBands ?? DEFAULT_AGE_BANDS
  const { query } = o
  if (!o.custom && !isMeasure(query.measure))
    refuse({ code: 'statistics.errors.unknownMeasure', params: { measure: query.measure } }, 'body.measure')
  const measure = query.measure as Measure
  const asked = resolveDimensions(query.dimensions)
  if (!asked.ok) refuse(asked.error, 'body.dimensions')
  const available = new Set<string>(o.custom ? sourceDimensions(o.custom.source) : measureDimensions(measure))
  const chosen = Object.keys(query.filters ?? {})
  const filters: Record<string, string[]> = { ...(query.filters ?? {}), ...o.definitionFilters }
  if (access.postCode) {
    if (!available.has('post')) refuse({ code: 'statistics.errors.measureNeedsPost', params: { measure } })
    const post = filters.post
    if (post && (post.length !== 1 || post[0] !== access.postCode))
      refuse({ code: 'statistics.errors.postOutsideScope' }, 'body.filters.post')
    filters.post = [access.postCode]
  }
  const filtered: ResolvedDimension[] = []
  for (const [name, values] of Object.entries(filters)) {
    const d = resolveDimension(name)
    if (!d.ok) refuse(d.error, `body.filters.${name}`)
    checkFilterValues(d.value, values, bands)
    filtered.push(d.value)
  }
  for (const d of [...asked.value, ...filtered]) {
    if (!available.has(d.definition.id))
      refuse(
        { code: 'statistics.errors.dimensionNotAvailable', params: { measure, dimension: d.name } },
        'body.dimensions',
      )
  }
  const checked = periodsBetween(query.from, query.to, 'month')
  if (!checked.ok) refuse(checked.error, 'body.from')
  const range =
    access.threshold === null ? { from: query.from, to: query.to } : wholeMonths(query.from, query.to)
  const controlled = access.threshold !== null
  const slice = controlled ? singleValueFilters(filters) : undefined
  if (slice && !slice.ok) refuse(slice.error, 'body.filters')

  const names = controlled ? tableDimensions(query.dimensions, Object.keys(filters)) : query.dimensions
  const dimensions = resolveDimensions(names, Number.POSITIVE_INFINITY)
  if (!dimensions.ok) refuse(dimensions.error, 'body.dimensions')
  const domains: Record<string, string[]> = {}
  for (const d of dimensions.value) {
    if (d.definition.id === 'ageBand') domains[d.name] = bands.map((b) => b.label)
    if (d.definition.id === 'period' && d.unit) {
      const keys = periodsBetween(range.from, range.to, d.unit)
      if (!keys.ok) refuse(keys.error, 'body.dimensions')
      domains[d.name] = keys.value
    }
    const value = slice?.ok ? slice.value[d.name] : undefined
    if (value !== undefined) domains[d.name] = [...new Set([...(domains[d.name] ?? []), value])]
  }
  const { source, where } = o.custom ?? sourceFor(measure, [...dimensions.value, ...filtered], range)
  const result = await countBy(o.db, {
    source,
    where,
    dimensions: dimensions.value,
    filters: controlled ? [] : filtered.map((d) => ({ dimension: d, values: filters[d.name] ?? [] })),
    ...range,
    ageBands: bands,
  })
  if (controlled && tableCells(result, domains) > MAX_PROTECTED_CELLS)
    refuse(
      { code: 'statistics.errors.tableTooLarge', params: { max: MAX_PROTECTED_CELLS } },
      'body.dimensions',
    )
  return {
    measure,
    dimensions: [...query.dimensions],
    ...range,
    result,
    slice: slice?.ok ? slice.value : {},
    refuseSmallSlice: chosen.length > 0,
    domains,
    access,
  }
}

/**
 * The published cells of a table: for a reader without microdata access, every cell and margin perturbed by
 * its records' cell key (see SUPPRESSION.md), then cut to the filters' slice; exact counts otherwise.
 */
export function publishTable(table: StatisticsTable): StatisticsResult['cells'] {
  const threshold = table.access.threshold
  const published =
    threshold === null
      ? suppressAggregate(table.result, { threshold: 1, domains: table.domains })
      : perturbAggregate(table.result, { threshold, domains: table.domains })
  if (!published.ok) refuse(published.error)
  const sliced = sliceTable(published.value, table.dimensions, table.slice, {
    threshold: threshold ?? 1,
    refuseSmall: table.refuseSmallSlice,
  })
  if (!sliced.ok) refuse(sliced.error, 'body.filters')
  return sliced.value.map((c) => ({ key: { ...c.key }, value: c.count, status: c.status }))
}

/** Exact counts of small groups are microdata: who looked at which table is kept. */
export async function auditExactView(
  trx: Tx,
  actor: RequestActor,
  access: StatisticsAccess,
  details: Record<string, unknown>,
): Promise<void> {
  if (access.threshold !== null) return
  await appendAudit(trx, auditActor(actor), { action: 'read', resource: 'statistics_microdata', details })
}

/** `POST /api/statistics/query`: a table with its margins, disclosure-controlled unless the reader may see microdata. */
export async function queryStatistics(o: {
  trx: Tx
  /** Where the table is read: the read replica's handle (`Store.read`) or, by default, the transaction. */
  read?: Executor
  actor: RequestActor
  query: StatisticsQuery
  locale: Locale
  threshold: number
  ageBands?: readonly AgeBand[]
}): Promise<StatisticsView> {
  const table = await statisticsTable({ ...o, db: o.read ?? o.trx, purpose: 'view' })
  const cells = publishTable(table)
  const { measure, dimensions, from, to } = table
  await auditExactView(o.trx, o.actor, table.access, {
    measure,
    dimensions,
    from,
    to,
    filters: o.query.filters ?? {},
  })
  const threshold = table.access.threshold
  return {
    measure,
    dimensions,
    from,
    to,
    cells,
    labels: await labelsFor(o.trx, cells, dimensions, o.locale),
    disclosure: { threshold, suppressedCells: cells.filter((c) => c.status !== 'published').length },
    freshness: await readFreshness(o.read ?? o.trx),
  }
}

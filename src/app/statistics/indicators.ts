import type { Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import type { Locale } from '../../platform/i18n/catalog.ts'
import type { RequestActor } from '../identity/actor.ts'
import { readFreshness } from './freshness.ts'
import { medianDays, referralCompletion } from './indicator-rates.ts'
import { labelsFor } from './labels.ts'
import { auditExactView, publishTable, statisticsTable } from './query-statistics.ts'
import { INDICATOR_SOURCES, RISK_CONFIRMED, type Source } from './sources.ts'
import type { IndicatorResult, StatisticsCell } from './statistics.contract.ts'

/** How an indicator is computed: a count of a measure (or of its own source), or a rate or median of its own. */
type Computation =
  | {
      kind: 'count'
      measure: string
      filters?: Record<string, string[]>
      custom?: { source: Source; where?: string }
    }
  | { kind: 'completionRate' }
  | { kind: 'medianDays' }

export interface IndicatorDefinition {
  id: string
  unit: IndicatorResult['unit']
  dimensions: string[]
  computation: Computation
}

/** The indicators of issue 8; their definitions are written in `src/locales/<locale>/statistics.json`. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'sdg-16-2-2',
    unit: 'count',
    dimensions: ['sex', 'ageBand', 'exploitationForm'],
    computation: { kind: 'count', measure: 'victims' },
  },
  {
    id: 'returnees-by-province',
    unit: 'count',
    dimensions: ['provinceOfReturn'],
    computation: { kind: 'count', measure: 'returnees' },
  },
  {
    id: 'refusals-by-reason',
    unit: 'count',
    dimensions: ['refusalReason'],
    computation: { kind: 'count', measure: 'refusals' },
  },
  {
    id: 'referral-completion-rate',
    unit: 'percent',
    dimensions: ['period:month'],
    computation: { kind: 'completionRate' },
  },
  {
    id: 'identification-to-assistance',
    unit: 'days',
    dimensions: ['period:quarter'],
    computation: { kind: 'medianDays' },
  },
  {
    id: 'hits-confirmed-by-list',
    unit: 'count',
    dimensions: ['alertList'],
    computation: { kind: 'count', measure: 'hits', filters: { outcome: ['true_match'] } },
  },
  {
    id: 'risk-confirmed-by-indicator',
    unit: 'count',
    dimensions: ['riskIndicator'],
    computation: {
      kind: 'count',
      measure: 'riskConfirmed',
      custom: { source: INDICATOR_SOURCES.riskConfirmed, where: RISK_CONFIRMED },
    },
  },
]

export const indicatorKeys = (id: string) => ({
  labelKey: `statistics.indicators.${id}.label`,
  definitionKey: `statistics.indicators.${id}.definition`,
})

export interface IndicatorRequest {
  trx: Tx
  /** Where the table is read: the read replica's handle (`Store.read`) or, by default, the transaction. */
  read?: Executor
  actor: RequestActor
  id: string
  from: string
  to: string
  /** Narrow to one post (a post chief's own post is applied whatever is asked). */
  post?: string
  locale: Locale
  threshold: number
}

/** `GET /api/statistics/indicators/:id`: one indicator over a range, disclosure-controlled like every view. */
export async function indicator(o: IndicatorRequest): Promise<IndicatorResult> {
  const definition = INDICATORS.find((i) => i.id === o.id)
  if (!definition)
    throw new AppError('not_found', {}, [
      { code: 'statistics.errors.unknownIndicator', params: { indicator: o.id } },
    ])
  const c = definition.computation
  const { cells, from, to, threshold } =
    c.kind === 'count'
      ? await counted(o, definition, c)
      : c.kind === 'completionRate'
        ? await referralCompletion(o)
        : await medianDays(o)
  await auditExactView(
    o.trx,
    o.actor,
    { threshold, postCode: null },
    { indicator: o.id, from, to, post: o.post ?? null },
  )
  return {
    id: definition.id,
    ...indicatorKeys(definition.id),
    unit: definition.unit,
    from,
    to,
    dimensions: definition.dimensions,
    cells,
    labels: await labelsFor(o.trx, cells, definition.dimensions, o.locale),
    disclosure: { threshold, suppressedCells: cells.filter((x) => x.status !== 'published').length },
    freshness: await readFreshness(o.read ?? o.trx),
  }
}

async function counted(
  o: IndicatorRequest,
  definition: IndicatorDefinition,
  c: Extract<Computation, { kind: 'count' }>,
): Promise<{ cells: StatisticsCell[]; from: string; to: string; threshold: number | null }> {
  const table = await statisticsTable({
    db: o.read ?? o.trx,
    actor: o.actor,
    threshold: o.threshold,
    query: {
      measure: c.measure,
      dimensions: definition.dimensions,
      from: o.from,
      to: o.to,
      ...(o.post ? { filters: { post: [o.post] } } : {}),
    },
    definitionFilters: c.filters,
    custom: c.custom,
  })
  return { cells: publishTable(table), from: table.from, to: table.to, threshold: table.access.threshold }
}

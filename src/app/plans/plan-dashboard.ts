import { combineApproved, type ReportState } from '../../domain/plans/approval.ts'
import {
  type PlanPeriod,
  periodTarget,
  planQuarters,
  quartersOf,
  yearPeriod,
} from '../../domain/plans/periods.ts'
import { type Progress, progress, rollUp } from '../../domain/plans/status.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import type { Locale } from '../../platform/i18n/catalog.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import type { RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { auditExactView } from '../statistics/query-statistics.ts'
import { INDICATOR_SOURCES, type LiveCell, sourceActor } from './indicator-sources.ts'
import type {
  AgencyProgress,
  IndicatorProgress,
  NodeProgress,
  PeriodFigure,
  PlanDashboard,
} from './plans.contract.ts'
import { type LoadedPlan, loadPlan } from './plans.repository.ts'

type Indicator = LoadedPlan['indicators'][number]
type Figures = Map<string, LiveCell>

/** Live figures of one indicator by quarter and by year over the plan's whole span. */
async function liveFigures(o: {
  trx: Tx
  read: Executor
  actor: RequestActor
  threshold: number
  indicator: Indicator
  span: { from: string; to: string }
}): Promise<Figures> {
  const source = INDICATOR_SOURCES[o.indicator.source]
  if (!source) return new Map()
  return source({ trx: o.trx, read: o.read, actor: o.actor, threshold: o.threshold, ...o.span })
}

/**
 * Agencies' approved values by period. A year without a value of its own is made of its approved quarters
 * (summed for counts, averaged for levels), as an annual report adds up its quarterly returns.
 */
function reportedFigures(
  indicator: Indicator,
  reports: { indicator_id: string; period: string; state: ReportState; value: number }[],
  periods: PlanPeriod[],
): Figures {
  const own = reports.filter((r) => r.indicator_id === indicator.id)
  const out: Figures = new Map()
  for (const p of periods) {
    let value = combineApproved(
      indicator.unit,
      own.filter((r) => r.period === p.key),
    )
    if (value === null && p.unit === 'year') {
      const quarters = quartersOf(p.year).map((q) =>
        combineApproved(
          indicator.unit,
          own.filter((r) => r.period === q.key),
        ),
      )
      const known = quarters.filter((v): v is number => v !== null)
      value = combineApproved(
        indicator.unit,
        known.map((v) => ({ state: 'approved' as const, value: v })),
      )
    }
    out.set(p.key, value === null ? { value: null, status: 'no_data' } : { value, status: 'published' })
  }
  return out
}

function figure(
  indicator: Indicator,
  targets: Map<number, number>,
  figures: Figures,
  p: PlanPeriod,
  thresholds: { onTrack: number; atRisk: number },
  today: string,
): PeriodFigure {
  const cell = figures.get(p.key) ?? { value: null, status: 'no_data' as const }
  const target = periodTarget(indicator.unit, targets.get(p.year) ?? null, p, today)
  return {
    period: p.key,
    value: cell.value,
    status: cell.status,
    target,
    progress: progress({ value: cell.value, target, direction: indicator.direction, thresholds }),
  }
}

/** `GET /api/plans/:id/dashboard?year`: every indicator's figures and progress, rolled up by node and by agency. */
export async function planDashboard(o: {
  trx: Tx
  read?: Executor
  actor: RequestActor
  planId: string
  year?: number
  locale: Locale
  threshold: number
}): Promise<PlanDashboard> {
  authorize(o.actor, 'read', 'plan')
  const loaded = await loadPlan(o.trx, o.planId)
  const { plan } = loaded
  const km = o.locale === 'km'
  const today = todayInCambodia()
  const thisYear = Number(today.slice(0, 4))
  const year = Math.min(plan.end_year, Math.max(plan.start_year, o.year ?? thisYear))
  const thresholds = { onTrack: plan.on_track, atRisk: plan.at_risk }
  const span = { from: `${plan.start_year}-01-01`, to: `${plan.end_year}-12-31` }
  const { actor, exact } = sourceActor(o.actor)
  const quarters = planQuarters({ startYear: plan.start_year, endYear: plan.end_year })
  const years = Array.from({ length: plan.end_year - plan.start_year + 1 }, (_, i) =>
    yearPeriod(plan.start_year + i),
  )
  const reports = await o.trx
    .selectFrom('plan_reports')
    .innerJoin('plan_indicators', 'plan_indicators.id', 'plan_reports.indicator_id')
    .select(['plan_reports.indicator_id', 'plan_reports.period', 'plan_reports.state', 'plan_reports.value'])
    .where('plan_indicators.plan_id', '=', plan.id)
    .where('plan_reports.state', '=', 'approved')
    .execute()

  // Live figures are read side by side: on PostgreSQL each read takes a connection of the read pool.
  const computed = await Promise.all(
    loaded.indicators.map((i) =>
      i.source === 'reported'
        ? reportedFigures(i, reports, [...quarters, ...years])
        : liveFigures({
            trx: o.trx,
            read: o.read ?? o.trx,
            actor,
            threshold: o.threshold,
            indicator: i,
            span,
          }),
    ),
  )
  const indicators: IndicatorProgress[] = []
  for (const [n, i] of loaded.indicators.entries()) {
    const figures = computed[n] as Figures
    const targets = new Map(
      loaded.targets.filter((t) => t.indicator_id === i.id).map((t) => [t.year, t.value]),
    )
    const at = (p: PlanPeriod) => figure(i, targets, figures, p, thresholds, today)
    indicators.push({
      id: i.id,
      code: i.code,
      nodeId: i.node_id,
      name: km ? i.name_km : i.name_en,
      definition: km ? i.definition_km : i.definition_en,
      verification: km ? i.verification_km : i.verification_en,
      unit: i.unit,
      direction: i.direction,
      source: i.source,
      disaggregation: i.disaggregation,
      baseline:
        i.baseline_year !== null && i.baseline_value !== null
          ? { year: i.baseline_year, value: i.baseline_value }
          : null,
      targets: [...targets].map(([y, value]) => ({ year: y, value })),
      gcm: i.gcm,
      sdg: i.sdg,
      figures: [...quartersOf(year), yearPeriod(year)].map(at),
      trend: quarters.map(at),
    })
  }
  if (exact)
    await auditExactView(o.trx, o.actor, { threshold: null, postCode: null }, { plan: plan.id, year })

  const nodes = rollUpNodes(loaded.nodes, indicators, String(year), km)
  return {
    plan: {
      id: plan.id,
      code: plan.code,
      title: km ? plan.title_km : plan.title_en,
      startYear: plan.start_year,
      endYear: plan.end_year,
      illustrative: plan.illustrative,
      thresholds,
    },
    year,
    nodes,
    indicators,
    agencies: await byAgency(o.trx, nodes, km),
    disclosure: { exact, threshold: exact ? null : o.threshold },
  }
}

/** Each node's progress for the year: its own indicators and its children's progress, the least advanced first. */
function rollUpNodes(
  nodes: LoadedPlan['nodes'],
  indicators: IndicatorProgress[],
  yearKey: string,
  km: boolean,
): NodeProgress[] {
  const memo = new Map<string, Progress>()
  const of = (id: string): Progress => {
    const known = memo.get(id)
    if (known) return known
    const own = indicators
      .filter((i) => i.nodeId === id)
      .map((i) => i.figures.find((f) => f.period === yearKey)?.progress ?? 'no_data')
    const children = nodes.filter((n) => n.parent_id === id).map((n) => of(n.id))
    const p = rollUp([...own, ...children])
    memo.set(id, p)
    return p
  }
  return nodes.map((n) => ({
    id: n.id,
    parentId: n.parent_id,
    kind: n.kind,
    code: n.code,
    title: km ? n.title_km : n.title_en,
    responsibleAgency: n.responsible_agency,
    supportingAgencies: n.supporting_agencies,
    startYear: n.start_year,
    endYear: n.end_year,
    budgetSource: n.budget_source,
    progress: of(n.id),
  }))
}

/** Activities by the agency responsible for them: how many are on track, at risk, off track. */
async function byAgency(db: Executor, nodes: NodeProgress[], km: boolean): Promise<AgencyProgress[]> {
  const activities = nodes.filter((n) => n.kind === 'activity' && n.responsibleAgency)
  const codes = [...new Set(activities.map((a) => a.responsibleAgency as string))]
  if (!codes.length) return []
  const names = await db
    .selectFrom('agencies')
    .select(['code', 'name_en', 'name_km'])
    .where('code', 'in', codes)
    .execute()
  return codes.sort().map((agency) => {
    const own = activities.filter((a) => a.responsibleAgency === agency)
    const counts = { on_track: 0, at_risk: 0, off_track: 0, no_target: 0, no_data: 0 } as Record<
      Progress,
      number
    >
    for (const a of own) counts[a.progress]++
    const row = names.find((n) => n.code === agency)
    return {
      agency,
      name: (km ? row?.name_km : row?.name_en) ?? agency,
      progress: rollUp(own.map((a) => a.progress)),
      activities: counts,
    }
  })
}

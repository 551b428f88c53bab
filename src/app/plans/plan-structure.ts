import { SDG_TARGETS } from '../../domain/plans/plan.ts'
import type { Executor } from '../../platform/db/database.ts'
import type { Locale } from '../../platform/i18n/catalog.ts'
import type { RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { SOURCE_KEYS } from './indicator-sources.ts'
import { mayPlan } from './plan-access.ts'
import type { PlanStructure } from './plans.contract.ts'
import { loadPlan } from './plans.repository.ts'

/**
 * `GET /api/plans/:id/structure`: the plan's nodes and indicators with both languages, their targets and how many
 * reports hold each indicator, for the structure editor. Readers of the plan may see it; `mayEdit` tells the
 * screen whether to offer the editor (the API decides again on every change).
 */
export async function planStructure(o: {
  db: Executor
  actor: RequestActor
  planId: string
  locale: Locale
}): Promise<PlanStructure> {
  authorize(o.actor, 'read', 'plan')
  const { plan, nodes, indicators, targets } = await loadPlan(o.db, o.planId)
  const [reports, agencies, mayEdit] = await Promise.all([
    o.db
      .selectFrom('plan_reports')
      .innerJoin('plan_indicators', 'plan_indicators.id', 'plan_reports.indicator_id')
      .select(['plan_reports.indicator_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('plan_indicators.plan_id', '=', o.planId)
      .groupBy('plan_reports.indicator_id')
      .execute(),
    o.db
      .selectFrom('agencies')
      .select(['code', 'name_en', 'name_km'])
      .where('active', '=', true)
      .orderBy('code')
      .execute(),
    mayPlan(o.db, o.actor),
  ])
  return {
    plan: { id: plan.id, code: plan.code, startYear: plan.start_year, endYear: plan.end_year },
    mayEdit,
    nodes: nodes.map((n) => ({
      id: n.id,
      parentId: n.parent_id,
      kind: n.kind,
      code: n.code,
      titleEn: n.title_en,
      titleKm: n.title_km,
      responsibleAgency: n.responsible_agency,
      supportingAgencies: n.supporting_agencies,
      startYear: n.start_year,
      endYear: n.end_year,
      budgetSource: n.budget_source,
    })),
    indicators: indicators.map((i) => ({
      id: i.id,
      nodeId: i.node_id,
      code: i.code,
      nameEn: i.name_en,
      nameKm: i.name_km,
      definitionEn: i.definition_en,
      definitionKm: i.definition_km,
      unit: i.unit,
      direction: i.direction,
      source: i.source,
      disaggregation: i.disaggregation,
      baselineYear: i.baseline_year,
      baselineValue: i.baseline_value,
      verificationEn: i.verification_en,
      verificationKm: i.verification_km,
      gcm: i.gcm,
      sdg: i.sdg,
      targets: targets.filter((t) => t.indicator_id === i.id).map((t) => ({ year: t.year, value: t.value })),
      reports: Number(reports.find((r) => r.indicator_id === i.id)?.n ?? 0),
    })),
    sources: [...SOURCE_KEYS],
    sdgTargets: [...SDG_TARGETS],
    agencies: agencies.map((a) => ({ code: a.code, name: o.locale === 'km' ? a.name_km : a.name_en })),
  }
}

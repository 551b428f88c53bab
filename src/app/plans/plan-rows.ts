import type { Insertable } from 'kysely'
import type { IndicatorInput, NodeInput } from './plans.contract.ts'
import type { PlanIndicatorTable, PlanNodeTable } from './plans.tables.ts'

export type { IndicatorInput, NodeInput }

/** One mapping from input to row, for the use cases and the seed alike. */
export function nodeRow(
  id: string,
  planId: string,
  n: NodeInput,
  position: number,
): Insertable<PlanNodeTable> {
  return {
    id,
    plan_id: planId,
    parent_id: n.parentId,
    kind: n.kind,
    code: n.code,
    title_en: n.titleEn,
    title_km: n.titleKm,
    responsible_agency: n.responsibleAgency,
    supporting_agencies: n.supportingAgencies,
    start_year: n.startYear,
    end_year: n.endYear,
    budget_source: n.budgetSource,
    position,
  }
}

export function indicatorRow(
  id: string,
  planId: string,
  i: IndicatorInput,
  position: number,
): Insertable<PlanIndicatorTable> {
  return {
    id,
    plan_id: planId,
    node_id: i.nodeId,
    code: i.code,
    name_en: i.nameEn,
    name_km: i.nameKm,
    definition_en: i.definitionEn,
    definition_km: i.definitionKm,
    unit: i.unit,
    direction: i.direction,
    source: i.source,
    disaggregation: i.disaggregation,
    baseline_year: i.baselineYear,
    baseline_value: i.baselineValue,
    verification_en: i.verificationEn,
    verification_km: i.verificationKm,
    gcm: i.gcm,
    sdg: i.sdg,
    position,
  }
}

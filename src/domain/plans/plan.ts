import { fail, ok, PLAN_ERRORS, type Result } from './errors.ts'

/**
 * A plan as DHIS2 would hold it, but as Passage's own data: plan → pillars → objectives → outputs → activities,
 * each level a node whose parent is the level above; indicators hang on any node (usually an output or an
 * activity) and carry their yearly targets.
 */
export const NODE_KINDS = ['pillar', 'objective', 'output', 'activity'] as const
export type NodeKind = (typeof NODE_KINDS)[number]

export const UNITS = ['count', 'percent', 'days'] as const
export type IndicatorUnit = (typeof UNITS)[number]

/** Higher is better (victims identified) or lower is better (days to first assistance), as IATI's `ascending`. */
export const DIRECTIONS = ['increase', 'decrease'] as const
export type IndicatorDirection = (typeof DIRECTIONS)[number]

/** GCM objectives the plan is linked to are 1–23; the SDG targets are those migration and trafficking plans cite. */
export const GCM_OBJECTIVES = Array.from({ length: 23 }, (_, i) => i + 1)
export const SDG_TARGETS = ['5.2', '8.7', '10.7', '16.2'] as const

export interface PlanYears {
  startYear: number
  endYear: number
}

/** A plan runs whole calendar years, at least one and at most ten (the NSP runs five). */
export function checkPlanYears(p: PlanYears): Result<PlanYears> {
  const { startYear, endYear } = p
  if (!Number.isInteger(startYear) || !Number.isInteger(endYear)) return fail(PLAN_ERRORS.yearsInvalid)
  if (startYear < 2000 || endYear > 2100 || endYear < startYear || endYear - startYear > 9)
    return fail(PLAN_ERRORS.yearsInvalid, { startYear, endYear })
  return ok(p)
}

/** The kind a node's parent must be: none for a pillar, the level above otherwise. */
export function parentKindOf(kind: NodeKind): NodeKind | null {
  const i = NODE_KINDS.indexOf(kind)
  return i === 0 ? null : (NODE_KINDS[i - 1] as NodeKind)
}

export function checkParent(kind: NodeKind, parent: NodeKind | null): Result<true> {
  const expected = parentKindOf(kind)
  if (expected !== parent) return fail(PLAN_ERRORS.parentKind, { kind, expected: expected ?? '-' })
  return ok(true)
}

/**
 * A target (or a reported value) for an indicator: a finite, non-negative number, a percentage at most 100. A
 * target for a year outside the plan is refused, never stored: it would count toward no period the plan shows.
 */
export function checkValue(unit: IndicatorUnit, value: number): Result<number> {
  if (!Number.isFinite(value)) return fail(PLAN_ERRORS.targetNotFinite)
  if (value < 0) return fail(PLAN_ERRORS.negativeValue)
  if (unit === 'percent' && value > 100) return fail(PLAN_ERRORS.percentOutOfRange)
  return ok(value)
}

export function checkTarget(
  plan: PlanYears,
  unit: IndicatorUnit,
  year: number,
  value: number,
): Result<{ year: number; value: number }> {
  if (!Number.isInteger(year) || year < plan.startYear || year > plan.endYear)
    return fail(PLAN_ERRORS.targetYearOutsidePlan, {
      year: String(year),
      startYear: String(plan.startYear),
      endYear: String(plan.endYear),
    })
  const checked = checkValue(unit, value)
  return checked.ok ? ok({ year, value }) : checked
}

export function checkLinks(links: { gcm: number[]; sdg: string[] }): Result<true> {
  const gcm = links.gcm.find((g) => !GCM_OBJECTIVES.includes(g))
  if (gcm !== undefined) return fail(PLAN_ERRORS.unknownGcmObjective, { objective: gcm })
  const sdg = links.sdg.find((s) => !(SDG_TARGETS as readonly string[]).includes(s))
  if (sdg !== undefined) return fail(PLAN_ERRORS.unknownSdgTarget, { target: sdg })
  return ok(true)
}

/**
 * An activity's timeline: each year inside the plan (an activity cannot run where the plan does not), the end not
 * before the start. Either may be left open.
 */
export function checkTimeline(
  plan: PlanYears,
  t: { startYear: number | null; endYear: number | null },
): Result<true> {
  for (const year of [t.startYear, t.endYear])
    if (year !== null && (!Number.isInteger(year) || year < plan.startYear || year > plan.endYear))
      return fail(PLAN_ERRORS.targetYearOutsidePlan, {
        year: String(year),
        startYear: String(plan.startYear),
        endYear: String(plan.endYear),
      })
  if (t.startYear !== null && t.endYear !== null && t.endYear < t.startYear)
    return fail(PLAN_ERRORS.timelineOrder, { startYear: String(t.startYear), endYear: String(t.endYear) })
  return ok(true)
}

/**
 * Whether a node may be removed. Removal is refused, never cascaded: a node with children or indicators is taken
 * apart from the leaves up, so nothing goes with it that the planner did not remove one by one.
 */
export function checkNodeRemoval(n: { children: number; indicators: number }): Result<true> {
  if (n.children > 0) return fail(PLAN_ERRORS.nodeHasChildren, { count: n.children })
  if (n.indicators > 0) return fail(PLAN_ERRORS.nodeHasIndicators, { count: n.indicators })
  return ok(true)
}

/**
 * An indicator that agencies have reported against (any state: a draft may carry evidence) keeps its meaning: it
 * cannot be removed, nor its unit or source changed, since the values would then be read in another unit or
 * vanish from the dashboard. Its wording, targets and links stay editable.
 */
export function checkIndicatorChange(
  reports: number,
  change: { removal: boolean; unitChanged: boolean; sourceChanged: boolean },
): Result<true> {
  if (reports > 0 && (change.removal || change.unitChanged || change.sourceChanged))
    return fail(PLAN_ERRORS.indicatorHasReports, { count: reports })
  return ok(true)
}

/** Every refusal the plans domain gives, as the translation key of its message (`src/locales/<locale>/plans.json`). */
export const PLAN_ERRORS = {
  yearsInvalid: 'plans.errors.yearsInvalid',
  targetYearOutsidePlan: 'plans.errors.targetYearOutsidePlan',
  targetNotFinite: 'plans.errors.targetNotFinite',
  percentOutOfRange: 'plans.errors.percentOutOfRange',
  negativeValue: 'plans.errors.negativeValue',
  parentKind: 'plans.errors.parentKind',
  periodInvalid: 'plans.errors.periodInvalid',
  periodOutsidePlan: 'plans.errors.periodOutsidePlan',
  periodNotOver: 'plans.errors.periodNotOver',
  thresholdsInvalid: 'plans.errors.thresholdsInvalid',
  unknownGcmObjective: 'plans.errors.unknownGcmObjective',
  unknownSdgTarget: 'plans.errors.unknownSdgTarget',
  transitionNotAllowed: 'plans.errors.transitionNotAllowed',
  ownReport: 'plans.errors.ownReport',
  commentRequired: 'plans.errors.commentRequired',
  evidenceRequired: 'plans.errors.evidenceRequired',
  liveIndicatorNotReported: 'plans.errors.liveIndicatorNotReported',
  unknownSource: 'plans.errors.unknownSource',
  timelineOrder: 'plans.errors.timelineOrder',
  nodeHasChildren: 'plans.errors.nodeHasChildren',
  nodeHasIndicators: 'plans.errors.nodeHasIndicators',
  indicatorHasReports: 'plans.errors.indicatorHasReports',
} as const

export type PlanErrorCode = (typeof PLAN_ERRORS)[keyof typeof PLAN_ERRORS]

export interface PlanError {
  code: PlanErrorCode
  params?: Record<string, string | number>
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: PlanError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail<T = never>(code: PlanErrorCode, params?: Record<string, string | number>): Result<T> {
  return params ? { ok: false, error: { code, params } } : { ok: false, error: { code } }
}

import type { PlanError, Result } from '../../domain/plans/errors.ts'
import { PLAN_ERRORS } from '../../domain/plans/errors.ts'
import { AppError, type ErrorCode } from '../../platform/errors/codes.ts'

/** Workflow refusals are a conflict with the report's state or a rule; the rest is bad input. */
const STATUS: Partial<Record<string, ErrorCode>> = {
  [PLAN_ERRORS.transitionNotAllowed]: 'conflict',
  [PLAN_ERRORS.ownReport]: 'rule_violation',
  [PLAN_ERRORS.evidenceRequired]: 'rule_violation',
  [PLAN_ERRORS.nodeHasChildren]: 'conflict',
  [PLAN_ERRORS.nodeHasIndicators]: 'conflict',
  [PLAN_ERRORS.indicatorHasReports]: 'conflict',
}

export function refused(error: PlanError, path?: string): never {
  throw new AppError(STATUS[error.code] ?? 'validation_failed', {}, [
    { ...(path ? { path } : {}), code: error.code, params: error.params ?? {} },
  ])
}

/** The value of a domain check, or its refusal as the API's error. */
export function checked<T>(result: Result<T>, path?: string): T {
  if (!result.ok) refused(result.error, path)
  return result.value
}

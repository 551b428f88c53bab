import { allowedScope, can } from '../../domain/identity/policy.ts'
import type { StatisticsError } from '../../domain/statistics/errors.ts'
import { STATISTICS_ERRORS } from '../../domain/statistics/errors.ts'
import { AppError } from '../../platform/errors/codes.ts'
import type { RequestActor } from '../identity/actor.ts'

/** A view on screen, or an export: exports are always disclosure-controlled. */
export type StatisticsPurpose = 'view' | 'export'

export interface StatisticsAccess {
  /** Small-cell threshold, or null when the reader may see exact counts. */
  threshold: number | null
  /** The one post the reader's statistics are limited to, or null for every post. */
  postCode: string | null
}

/**
 * What a reader may see: post chiefs and supervisors their own post only; readers without
 * `statistics_microdata` (and every export) disclosure-controlled tables. Statistics have no agency
 * dimension, so an agency scope reads the national aggregates.
 */
export function statisticsAccess(
  actor: RequestActor,
  purpose: StatisticsPurpose,
  threshold: number,
): StatisticsAccess {
  const action = purpose === 'export' ? 'export' : 'read'
  const scope = allowedScope(actor, action, 'statistics')
  if (!scope) throw new AppError('forbidden', { action, resource: 'statistics' })
  if (scope === 'post' && !actor.postCode) throw new AppError('forbidden', { action, resource: 'statistics' })
  const exact = purpose === 'view' && can(actor, 'read', 'statistics_microdata')
  return { threshold: exact ? null : threshold, postCode: scope === 'post' ? actor.postCode : null }
}

const RULES: ReadonlySet<string> = new Set([
  STATISTICS_ERRORS.filterNotSingle,
  STATISTICS_ERRORS.filterIsolatesSmallGroup,
  'statistics.errors.postOutsideScope',
  'statistics.errors.measureNeedsPost',
])

/** A domain refusal as the API's error: a request that breaks a disclosure rule is a rule violation, the rest bad input. */
export function refuse(
  error: StatisticsError | { code: string; params?: Record<string, unknown> },
  path?: string,
): never {
  const code = RULES.has(error.code) ? 'rule_violation' : 'validation_failed'
  throw new AppError(code, {}, [{ ...(path ? { path } : {}), code: error.code, params: error.params ?? {} }])
}

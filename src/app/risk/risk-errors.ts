import type { LifecycleResult, RuleSetRecord } from '../../domain/risk/index.ts'
import { AppError } from '../../platform/errors/codes.ts'
import type { RequestActor } from '../identity/actor.ts'

interface Issue {
  code: string
  path: string
  params: Record<string, string | number>
}

/**
 * Engine refusals as the API's error. Issue codes are message keys in `risk.json`, so the screen can show each
 * at its path; a validation problem points into the request body, which is the rule set itself.
 */
export function ruleViolation(issues: readonly Issue[], base = 'body'): AppError {
  return new AppError(
    'rule_violation',
    {},
    issues.map((i) => ({ path: i.path ? `${base}.${i.path}` : base, code: i.code, params: i.params })),
  )
}

/** One refusal that is not about a place in the body. */
export function refusal(code: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('rule_violation', {}, [{ code, params }])
}

/** The record after a lifecycle step, or the refusal; the actor's username replaces their id in messages. */
export function unwrapLifecycle(result: LifecycleResult, actor: RequestActor): RuleSetRecord {
  if (result.ok) return result.record
  const { code, params, issues } = result.error
  if (code === 'risk.lifecycle.invalid_rule_set') throw ruleViolation(issues)
  const shown = params.actor === actor.id ? { ...params, actor: actor.username } : params
  throw refusal(code, shown)
}

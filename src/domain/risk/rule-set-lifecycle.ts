import { fingerprint } from './fingerprint.ts'
import type { RuleErrorCode, RuleIssue } from './issues.ts'
import type { RuleSet } from './rule-language.ts'
import { validateRuleSet } from './validate-rule-set.ts'

export const RULE_SET_STATUSES = ['draft', 'reviewed', 'active', 'retired'] as const
export type RuleSetStatus = (typeof RULE_SET_STATUSES)[number]

export const LIFECYCLE_ACTIONS = ['edit', 'review', 'return_to_draft', 'activate', 'retire'] as const
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number]

/** The only moves there are. Anything absent is refused; `activate` exists only from `reviewed`. */
export const TRANSITIONS: Record<RuleSetStatus, Partial<Record<LifecycleAction, RuleSetStatus>>> = {
  draft: { edit: 'draft', review: 'reviewed' },
  reviewed: { return_to_draft: 'draft', activate: 'active' },
  active: { retire: 'retired' },
  retired: {},
}

export interface LifecycleEvent {
  action: LifecycleAction
  actor: string
  at: string
  from: RuleSetStatus
  to: RuleSetStatus
}

export interface RuleSetRecord {
  ruleSet: RuleSet
  status: RuleSetStatus
  /** Everyone who wrote any of the content; none of them may review or activate it. */
  authors: string[]
  reviewedBy: string | null
  reviewedFingerprint: string | null
  impactCheckedFingerprint: string | null
  activatedBy: string | null
  history: LifecycleEvent[]
}

export type LifecycleCommand =
  | { action: 'edit'; actor: string; at: string; ruleSet: RuleSet }
  | { action: Exclude<LifecycleAction, 'edit'>; actor: string; at: string }

export const LIFECYCLE_ERROR_CODES = [
  'risk.lifecycle.not_allowed',
  'risk.lifecycle.author_cannot_approve',
  'risk.lifecycle.invalid_rule_set',
  'risk.lifecycle.changed_since_review',
  'risk.lifecycle.impact_not_checked',
  'risk.lifecycle.version_changed',
] as const
export type LifecycleErrorCode = (typeof LIFECYCLE_ERROR_CODES)[number]

export interface LifecycleError {
  code: LifecycleErrorCode
  params: Record<string, string | number>
  /** Validation problems when the code is `invalid_rule_set`. */
  issues: RuleIssue<RuleErrorCode>[]
}

export type LifecycleResult = { ok: true; record: RuleSetRecord } | { ok: false; error: LifecycleError }

const fail = (
  code: LifecycleErrorCode,
  params: LifecycleError['params'] = {},
  issues: LifecycleError['issues'] = [],
) => ({ ok: false, error: { code, params, issues } }) as const

export function createDraft(ruleSet: RuleSet, author: string): LifecycleResult {
  const validation = validateRuleSet(ruleSet)
  if (!validation.ok)
    return fail('risk.lifecycle.invalid_rule_set', { count: validation.errors.length }, validation.errors)
  return {
    ok: true,
    record: {
      ruleSet,
      status: 'draft',
      authors: [author],
      reviewedBy: null,
      reviewedFingerprint: null,
      impactCheckedFingerprint: null,
      activatedBy: null,
      history: [],
    },
  }
}

/** Notes that the impact check was run on the content as it stands; activation requires it for that content. */
export function recordImpactCheck(record: RuleSetRecord): RuleSetRecord {
  return { ...record, impactCheckedFingerprint: fingerprint(record.ruleSet) }
}

export function transition(record: RuleSetRecord, command: LifecycleCommand): LifecycleResult {
  const to = TRANSITIONS[record.status][command.action]
  if (!to) return fail('risk.lifecycle.not_allowed', { from: record.status, action: command.action })
  const guard = checkGuard(record, command)
  if (guard) return guard
  const event: LifecycleEvent = {
    action: command.action,
    actor: command.actor,
    at: command.at,
    from: record.status,
    to,
  }
  const next: RuleSetRecord = { ...record, status: to, history: [...record.history, event] }
  switch (command.action) {
    case 'edit':
      next.ruleSet = command.ruleSet
      if (!next.authors.includes(command.actor)) next.authors = [...next.authors, command.actor]
      break
    case 'review':
      next.reviewedBy = command.actor
      next.reviewedFingerprint = fingerprint(record.ruleSet)
      break
    case 'return_to_draft':
      next.reviewedBy = null
      next.reviewedFingerprint = null
      break
    case 'activate':
      next.activatedBy = command.actor
      break
  }
  return { ok: true, record: next }
}

function checkGuard(record: RuleSetRecord, command: LifecycleCommand): LifecycleResult | null {
  const approving = command.action === 'review' || command.action === 'activate'
  if (approving && record.authors.includes(command.actor))
    return fail('risk.lifecycle.author_cannot_approve', { actor: command.actor, action: command.action })
  if (command.action === 'edit' || command.action === 'review') {
    const content = command.action === 'edit' ? command.ruleSet : record.ruleSet
    if (content.versionId !== record.ruleSet.versionId)
      return fail('risk.lifecycle.version_changed', { versionId: record.ruleSet.versionId })
    const validation = validateRuleSet(content)
    if (!validation.ok)
      return fail('risk.lifecycle.invalid_rule_set', { count: validation.errors.length }, validation.errors)
  }
  if (command.action === 'activate') {
    const now = fingerprint(record.ruleSet)
    if (now !== record.reviewedFingerprint) return fail('risk.lifecycle.changed_since_review')
    if (now !== record.impactCheckedFingerprint) return fail('risk.lifecycle.impact_not_checked')
  }
  return null
}

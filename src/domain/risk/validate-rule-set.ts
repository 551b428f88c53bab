import { isAction, isCategory } from './actions.ts'
import { orderIndicators } from './dependencies.ts'
import { FIELDS } from './fields.ts'
import {
  type IssueParams,
  joinPath,
  type RuleErrorCode,
  type RuleIssue,
  type RuleSetValidation,
  type RuleWarningCode,
} from './issues.ts'
import { protectedAttributeOf } from './protected-attributes.ts'
import { QUESTIONS } from './questions.ts'
import { type Indicator, MAX_SCORE, type RuleSet } from './rule-language.ts'
import { analyseCondition, readsUnknown } from './tautology.ts'
import { validateCondition } from './validate-condition.ts'
import { type ConditionScope, resolveField } from './validate-field.ts'
import {
  ESCALATION_KEYS,
  EVIDENCE_KEYS,
  INDICATOR_KEYS,
  RULE_SET_KEYS,
  refuseUnknownKeys,
} from './validate-keys.ts'
import { validateIndicatorText } from './validate-text.ts'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const ID = /^[a-z][a-z0-9_]{1,63}$/

/**
 * Validates a rule set as it is saved (from untrusted JSON). Every problem is reported, not just the first, each
 * with a stable code, parameters and the path to the offending part.
 */
export function validateRuleSet(input: unknown): RuleSetValidation & { ruleSet: RuleSet | null } {
  const errors: RuleIssue<RuleErrorCode>[] = []
  const warnings: RuleIssue<RuleWarningCode>[] = []
  const err = (code: RuleErrorCode, path: string, params: IssueParams = {}) =>
    errors.push({ code, path, params })
  if (!isObj(input)) {
    err('risk.rule.malformed', '', { expected: 'rule_set' })
    return { ok: false, errors, warnings, ruleSet: null }
  }
  refuseUnknownKeys(input, RULE_SET_KEYS, '', errors)
  if (typeof input.versionId !== 'string' || input.versionId === '')
    err('risk.rule.malformed', 'versionId', { expected: 'string' })
  if (typeof input.name !== 'string') err('risk.rule.malformed', 'name', { expected: 'string' })
  const lists = validateLists(input.lists, err)
  validateEscalation(input.escalation, err, errors)
  const raw = Array.isArray(input.indicators) ? input.indicators : []
  if (!Array.isArray(input.indicators)) err('risk.rule.malformed', 'indicators', { expected: 'array' })
  else if (raw.length === 0) err('risk.rule.empty_rule_set', 'indicators')
  const ids = new Set(raw.flatMap((i) => (isObj(i) && typeof i.id === 'string' ? [i.id] : [])))
  const scope: ConditionScope = {
    fields: FIELDS,
    lists: new Set(Object.keys(lists)),
    indicators: ids,
    inItem: false,
  }
  const seen = new Set<string>()
  for (const [i, indicator] of raw.entries()) {
    const path = joinPath('indicators', i)
    if (!isObj(indicator)) {
      err('risk.rule.malformed', path, { expected: 'indicator' })
      continue
    }
    refuseUnknownKeys(indicator, INDICATOR_KEYS, path, errors)
    validateHeader(indicator, path, seen, err)
    validateIndicatorText(indicator, path, errors)
    validateReasonParams(indicator.reasonParams, scope, joinPath(path, 'reasonParams'), errors)
    validateEvidence(indicator.evidence, joinPath(path, 'evidence'), err, errors)
    validateQuestions(indicator.questions, joinPath(path, 'questions'), err)
    const before = errors.length
    validateCondition(indicator.condition, scope, joinPath(path, 'condition'), errors)
    if (errors.length === before)
      checkTautology(indicator as unknown as Indicator, lists, path, err, warnings)
  }
  const wellFormed = raw.filter(
    (i): i is Indicator => isObj(i) && typeof i.id === 'string' && isObj(i.condition),
  )
  for (const cycle of orderIndicators(wellFormed).cycles) {
    const at = raw.findIndex((i) => isObj(i) && i.id === cycle[0])
    err('risk.rule.cycle', joinPath('indicators', at, 'condition'), { cycle: cycle.join(' → ') })
  }
  const ok = errors.length === 0
  return { ok, errors, warnings, ruleSet: ok ? (input as unknown as RuleSet) : null }
}

type Err = (code: RuleErrorCode, path: string, params?: IssueParams) => void

function validateHeader(indicator: Obj, path: string, seen: Set<string>, err: Err): void {
  const { id, category, action, weight } = indicator
  if (typeof id !== 'string' || !ID.test(id))
    err('risk.rule.bad_id', joinPath(path, 'id'), { id: String(id) })
  else if (seen.has(id)) err('risk.rule.duplicate_id', joinPath(path, 'id'), { id })
  else {
    seen.add(id)
    const attribute = protectedAttributeOf(id)
    if (attribute) err('risk.rule.protected_attribute', joinPath(path, 'id'), { field: id, attribute })
  }
  if (!isCategory(category))
    err('risk.rule.unknown_category', joinPath(path, 'category'), { value: String(category) })
  if (!isAction(action)) err('risk.rule.unknown_action', joinPath(path, 'action'), { value: String(action) })
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0 || weight > MAX_SCORE)
    err('risk.rule.bad_weight', joinPath(path, 'weight'), { weight: String(weight), max: MAX_SCORE })
}

function validateLists(input: unknown, err: Err): Record<string, string[]> {
  if (!isObj(input)) {
    err('risk.rule.bad_list', 'lists', { list: '' })
    return {}
  }
  const out: Record<string, string[]> = {}
  for (const [name, values] of Object.entries(input)) {
    const attribute = protectedAttributeOf(name)
    if (attribute) err('risk.rule.protected_attribute', joinPath('lists', name), { field: name, attribute })
    else if (
      !Array.isArray(values) ||
      values.length === 0 ||
      !values.every((v) => typeof v === 'string' && v !== '')
    )
      err('risk.rule.bad_list', joinPath('lists', name), { list: name })
    else out[name] = values
  }
  return out
}

function validateEscalation(input: unknown, err: Err, errors: RuleIssue<RuleErrorCode>[]): void {
  if (!Array.isArray(input)) {
    err('risk.rule.malformed', 'escalation', { expected: 'array' })
    return
  }
  input.forEach((e, i) => {
    if (isObj(e)) refuseUnknownKeys(e, ESCALATION_KEYS, joinPath('escalation', i), errors)
    const ok = isObj(e) && typeof e.minScore === 'number' && e.minScore > 0 && e.minScore <= MAX_SCORE
    if (!ok || !isAction(e.action))
      err('risk.rule.bad_escalation', joinPath('escalation', i), { max: MAX_SCORE })
  })
}

function validateReasonParams(
  input: unknown,
  scope: ConditionScope,
  path: string,
  out: RuleIssue<RuleErrorCode>[],
): void {
  if (input === undefined) return
  if (!isObj(input)) {
    out.push({ code: 'risk.rule.malformed', path, params: { expected: 'object' } })
    return
  }
  for (const [name, field] of Object.entries(input)) resolveField(field, scope, joinPath(path, name), out)
}

function validateEvidence(input: unknown, path: string, err: Err, errors: RuleIssue<RuleErrorCode>[]): void {
  if (!Array.isArray(input) || input.length === 0) {
    err('risk.rule.missing_evidence', path)
    return
  }
  input.forEach((e, i) => {
    if (isObj(e)) refuseUnknownKeys(e, EVIDENCE_KEYS, joinPath(path, i), errors)
    const text = (k: string) => isObj(e) && typeof e[k] === 'string' && (e[k] as string).trim() !== ''
    const year =
      isObj(e) && Number.isInteger(e.year) && (e.year as number) >= 1900 && (e.year as number) <= 2100
    if (!text('publisher') || !text('title') || !text('supports') || !year)
      err('risk.rule.missing_evidence', joinPath(path, i))
  })
}

function validateQuestions(input: unknown, path: string, err: Err): void {
  if (!Array.isArray(input)) {
    err('risk.rule.malformed', path, { expected: 'array' })
    return
  }
  input.forEach((q, i) => {
    if (typeof q !== 'string' || !QUESTIONS.has(q))
      err('risk.rule.unknown_question', joinPath(path, i), { question: String(q) })
  })
}

function checkTautology(
  indicator: Indicator,
  lists: Record<string, string[]>,
  path: string,
  err: Err,
  warnings: RuleIssue<RuleWarningCode>[],
): void {
  const verdict = analyseCondition(indicator.condition, (p) => FIELDS.get(p), lists)
  const at = joinPath(path, 'condition')
  if (verdict === 'always') err('risk.rule.flags_everyone', at, { indicator: indicator.id })
  else if (verdict === 'never' && !readsUnknown(indicator.condition))
    warnings.push({ code: 'risk.rule.never_fires', path: at, params: { indicator: indicator.id } })
  else if (verdict === 'too_complex')
    warnings.push({ code: 'risk.rule.unchecked_tautology', path: at, params: { indicator: indicator.id } })
}

import { joinPath, type RuleErrorCode, type RuleIssue } from './issues.ts'
import { COMPARISONS } from './rule-language.ts'

type Obj = Record<string, unknown>

/**
 * A rule set is reviewed and signed off as written: a key the engine does not read (a typo such as `wieght`,
 * a `note` smuggled into a condition) would be shown to reviewers as if it meant something. Like every other
 * body of the API, unknown keys are refused, at every depth, each with its path.
 */
export function refuseUnknownKeys(
  input: Obj,
  allowed: readonly string[],
  path: string,
  out: RuleIssue<RuleErrorCode>[],
): void {
  for (const key of Object.keys(input))
    if (!allowed.includes(key))
      out.push({ code: 'risk.rule.unknown_key', path: joinPath(path, key), params: { key } })
}

export const RULE_SET_KEYS = ['versionId', 'name', 'indicators', 'lists', 'escalation'] as const
export const INDICATOR_KEYS = [
  'id',
  'category',
  'weight',
  'action',
  'condition',
  'text',
  'reasonParams',
  'evidence',
  'questions',
] as const
export const TEXT_KEYS = ['name', 'description', 'reason'] as const
export const EVIDENCE_KEYS = ['publisher', 'title', 'year', 'url', 'supports'] as const
export const ESCALATION_KEYS = ['minScore', 'action'] as const
export const COUNT_KEYS = ['count', 'where', 'op', 'value'] as const

/**
 * The keys a field condition may carry, by its operator (see `Condition` in rule-language.ts); none for an
 * unknown operator, which is reported as such.
 */
export function fieldConditionKeys(op: unknown): readonly string[] | null {
  if ((COMPARISONS as readonly unknown[]).includes(op)) return ['field', 'op', 'value', 'ref']
  if (op === 'in' || op === 'notIn') return ['field', 'op', 'values']
  if (op === 'inList' || op === 'notInList') return ['field', 'op', 'list']
  if (op === 'between') return ['field', 'op', 'min', 'max']
  if (op === 'known' || op === 'unknown') return ['field', 'op']
  return null
}

/**
 * Problems found when a rule set is saved. The code is also the message key in `src/locales/<locale>/risk.json`
 * (`risk.rule.unknown_field` → `{ "rule": { "unknown_field": … } }`); `path` says where, dotted from the rule set
 * root (`indicators.3.condition.all.1.field`), in the same style as the API's error details.
 */
export const RULE_ERROR_CODES = [
  'risk.rule.malformed',
  'risk.rule.unknown_operator',
  'risk.rule.unknown_field',
  'risk.rule.protected_attribute',
  'risk.rule.type_mismatch',
  'risk.rule.unknown_value',
  'risk.rule.not_a_list',
  'risk.rule.empty_group',
  'risk.rule.empty_values',
  'risk.rule.bad_range',
  'risk.rule.unknown_list',
  'risk.rule.unknown_indicator',
  'risk.rule.cycle',
  'risk.rule.flags_everyone',
  'risk.rule.too_deep',
  'risk.rule.bad_weight',
  'risk.rule.bad_id',
  'risk.rule.duplicate_id',
  'risk.rule.unknown_category',
  'risk.rule.unknown_action',
  'risk.rule.missing_text',
  'risk.rule.text_not_khmer',
  'risk.rule.placeholder_mismatch',
  'risk.rule.missing_evidence',
  'risk.rule.unknown_question',
  'risk.rule.bad_list',
  'risk.rule.bad_escalation',
  'risk.rule.empty_rule_set',
  'risk.rule.unknown_key',
] as const
export type RuleErrorCode = (typeof RULE_ERROR_CODES)[number]

export const RULE_WARNING_CODES = ['risk.rule.never_fires', 'risk.rule.unchecked_tautology'] as const
export type RuleWarningCode = (typeof RULE_WARNING_CODES)[number]

export type IssueParams = Record<string, string | number>

export interface RuleIssue<C extends string = RuleErrorCode | RuleWarningCode> {
  code: C
  path: string
  params: IssueParams
}

export interface RuleSetValidation {
  ok: boolean
  errors: RuleIssue<RuleErrorCode>[]
  warnings: RuleIssue<RuleWarningCode>[]
}

export function joinPath(base: string, ...parts: (string | number)[]): string {
  return [base, ...parts.map(String)].filter((p) => p !== '').join('.')
}

/** Public surface of the risk engine: pure functions over plain data. */
export {
  ACTION_RANK,
  ACTIONS,
  type Action,
  CATEGORIES,
  type Category,
  type SuggestedAction,
} from './actions.ts'
export { AGE_BANDS, type AgeBand, ageBand } from './age-band.ts'
export { type CatalogueEntry, indicatorCatalogue } from './catalogue.ts'
export { type CompiledRuleSet, compileRuleSet, InvalidRuleSetError } from './compile.ts'
export { type CrossingContext, emptyContext } from './context.ts'
export { DEFAULT_RULE_SET } from './default-rule-set.ts'
export { DOMAINS } from './domains.ts'
export { type Evaluation, evaluate, type IndicatorHit } from './evaluate.ts'
export { FIELDS, type FieldDef, ITEM_FIELDS } from './fields.ts'
export { fingerprint } from './fingerprint.ts'
export { type ImpactOptions, type ImpactReport, impactCheck } from './impact.ts'
export { type GuideQuestion, interviewGuide, recordAnswers } from './interview-guide.ts'
export type { RuleErrorCode, RuleIssue, RuleSetValidation, RuleWarningCode } from './issues.ts'
export { PROTECTED_ATTRIBUTES, protectedAttributeOf } from './protected-attributes.ts'
export { QUESTIONS } from './questions.ts'
export type { Condition, Escalation, Evidence, Indicator, RuleSet } from './rule-language.ts'
export {
  createDraft,
  type LifecycleCommand,
  type LifecycleResult,
  type RuleSetRecord,
  type RuleSetStatus,
  recordImpactCheck,
  TRANSITIONS,
  transition,
} from './rule-set-lifecycle.ts'
export { validateRuleSet } from './validate-rule-set.ts'

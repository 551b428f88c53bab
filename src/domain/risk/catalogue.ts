import type { Action, Category } from './actions.ts'
import { referencedFields, referencedIndicators } from './dependencies.ts'
import type { Condition, Evidence, IndicatorText, RuleSet } from './rule-language.ts'

export interface CatalogueEntry {
  id: string
  category: Category
  weight: number
  action: Action
  text: { en: IndicatorText; km: IndicatorText }
  evidence: Evidence[]
  /** The context fields the condition reads, derived from it so it can never disagree with the rule. */
  inputs: string[]
  /** Other indicators the condition builds on. */
  dependsOn: string[]
  condition: Condition
  questions: string[]
}

/** The indicator catalogue of a rule set as shown to analysts and reviewers. */
export function indicatorCatalogue(ruleSet: RuleSet): CatalogueEntry[] {
  return ruleSet.indicators.map((i) => ({
    id: i.id,
    category: i.category,
    weight: i.weight,
    action: i.action,
    text: i.text,
    evidence: i.evidence,
    inputs: referencedFields(i.condition),
    dependsOn: referencedIndicators(i.condition),
    condition: i.condition,
    questions: i.questions,
  }))
}

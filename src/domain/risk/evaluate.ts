import { ACTION_RANK, type Action, type Category, type SuggestedAction, stronger } from './actions.ts'
import { type CompiledRuleSet, compileRuleSet } from './compile.ts'
import type { CrossingContext } from './context.ts'
import type { Tri } from './predicates.ts'
import { MAX_SCORE, type RuleSet } from './rule-language.ts'
import { fill, type ParamValue } from './text.ts'

export interface Bilingual {
  en: string
  km: string
}

export interface IndicatorHit {
  indicatorId: string
  category: Category
  weight: number
  action: Action
  name: Bilingual
  /** Plain-language reason, from the reviewed text of the rule set version. */
  reason: Bilingual
  params: Record<string, ParamValue>
}

/**
 * Advice for the officer, never a decision: there is no "refuse" among the actions, and the officer's decision is
 * recorded beside this result by the crossings flow.
 */
export interface Evaluation {
  ruleSetVersionId: string
  /** Sum of the triggered weights, capped at 100. */
  score: number
  /** Strongest first (by action, then weight). */
  hits: IndicatorHit[]
  /** Indicators that could not be decided because a fact they need is unknown (often an interview answer). */
  undetermined: string[]
  suggestedAction: SuggestedAction
  /** Every distinct action suggested by a hit or an escalation, strongest first. */
  actions: Action[]
}

const cache = new WeakMap<RuleSet, CompiledRuleSet>()

/**
 * The compiled form of a rule set, compiled on first use and kept for as long as the rule set object lives. A rule
 * set is treated as immutable once evaluated: a new version is a new object (the lifecycle never edits in place).
 */
export function compiled(ruleSet: RuleSet | CompiledRuleSet): CompiledRuleSet {
  if ('indicators' in ruleSet && 'ruleSet' in ruleSet) return ruleSet
  let c = cache.get(ruleSet)
  if (!c) {
    c = compileRuleSet(ruleSet)
    cache.set(ruleSet, c)
  }
  return c
}

export function evaluate(ruleSet: RuleSet | CompiledRuleSet, context: CrossingContext): Evaluation {
  const rs = compiled(ruleSet)
  const memo: Tri[] = new Array(rs.indicators.length)
  const hits: IndicatorHit[] = []
  const undetermined: string[] = []
  let total = 0
  for (let i = 0; i < rs.indicators.length; i++) {
    const ci = rs.indicators[i]!
    const r = ci.test(context, memo)
    memo[i] = r
    if (r === null) undetermined.push(ci.indicator.id)
    if (r !== true) continue
    const { indicator } = ci
    total += indicator.weight
    const params: Record<string, ParamValue> = {}
    for (const [name, read] of ci.reasonParams) params[name] = read(context)
    hits.push({
      indicatorId: indicator.id,
      category: indicator.category,
      weight: indicator.weight,
      action: indicator.action,
      name: { en: indicator.text.en.name, km: indicator.text.km.name },
      reason: {
        en: fill(indicator.text.en.reason, params),
        km: fill(indicator.text.km.reason, params, 'km'),
      },
      params,
    })
  }
  hits.sort((a, b) => ACTION_RANK[b.action] - ACTION_RANK[a.action] || b.weight - a.weight)
  const score = Math.min(MAX_SCORE, total)
  const actions = new Set<Action>(hits.map((h) => h.action))
  for (const e of rs.escalation) if (score >= e.minScore) actions.add(e.action)
  const sorted = [...actions].sort((a, b) => ACTION_RANK[b] - ACTION_RANK[a])
  return {
    ruleSetVersionId: rs.versionId,
    score,
    hits,
    undetermined,
    suggestedAction: sorted[0] ?? 'none',
    actions: sorted,
  }
}

export interface Assessment {
  score: number
  suggestedAction: SuggestedAction
  /** Whether each indicator triggered, in compiled order (`rs.indicators`). */
  triggered: boolean[]
}

/**
 * The score and suggested action alone, without reasons: what the impact check needs for each of a million
 * recorded crossings. `memo` and `triggered` are reused by the caller to avoid allocating per crossing.
 */
export function assess(
  rs: CompiledRuleSet,
  context: CrossingContext,
  memo: Tri[],
  triggered: boolean[],
): Assessment {
  let total = 0
  let action: SuggestedAction = 'none'
  for (let i = 0; i < rs.indicators.length; i++) {
    const ci = rs.indicators[i]!
    const r = ci.test(context, memo)
    memo[i] = r
    triggered[i] = r === true
    if (r === true) {
      total += ci.indicator.weight
      action = stronger(action, ci.indicator.action)
    }
  }
  const score = Math.min(MAX_SCORE, total)
  for (const e of rs.escalation) if (score >= e.minScore) action = stronger(action, e.action)
  return { score, suggestedAction: action, triggered }
}

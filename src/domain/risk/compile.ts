import { compileCount } from './compile-count.ts'
import { compileField, type FieldCondition, paramReader } from './compile-field.ts'
import type { CrossingContext } from './context.ts'
import { orderIndicators } from './dependencies.ts'
import { FIELDS, type FieldDef, ITEM_FIELDS } from './fields.ts'
import type { RuleErrorCode, RuleIssue } from './issues.ts'
import { allOf, anyOf, notOf, type Predicate } from './predicates.ts'
import type { Condition, Escalation, Indicator, RuleSet, Scalar } from './rule-language.ts'
import { validateRuleSet } from './validate-rule-set.ts'

export interface CompiledIndicator {
  indicator: Indicator
  test: Predicate
  reasonParams: [name: string, read: (ctx: CrossingContext) => Scalar | null][]
}

export interface CompiledRuleSet {
  ruleSet: RuleSet
  versionId: string
  /** In dependency order: slot i of the memo holds the result of indicators[i]. */
  indicators: CompiledIndicator[]
  /** Strongest first. */
  escalation: Escalation[]
}

export class InvalidRuleSetError extends Error {
  readonly errors: RuleIssue<RuleErrorCode>[]
  constructor(errors: RuleIssue<RuleErrorCode>[]) {
    super(`Invalid rule set: ${errors.map((e) => `${e.code} at ${e.path}`).join('; ')}`)
    this.name = 'InvalidRuleSetError'
    this.errors = errors
  }
}

/**
 * Validates once and turns every condition into a tree of closures, so evaluating a crossing walks no JSON and
 * parses nothing. Throws `InvalidRuleSetError` rather than compile a rule set that failed validation.
 */
export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const validation = validateRuleSet(ruleSet)
  if (!validation.ok) throw new InvalidRuleSetError(validation.errors)
  const byId = new Map(ruleSet.indicators.map((i) => [i.id, i]))
  const order = orderIndicators(ruleSet.indicators).order
  const slots = new Map(order.map((id, i) => [id, i]))
  const lists = new Map(Object.entries(ruleSet.lists).map(([k, v]) => [k, new Set<Scalar>(v)]))
  const env: Env = { fields: FIELDS, lists, slots }
  return {
    ruleSet,
    versionId: ruleSet.versionId,
    indicators: order.map((id) => {
      const indicator = byId.get(id)!
      const reasonParams = Object.entries(indicator.reasonParams ?? {}).map(
        ([name, path]) => [name, paramReader(path)] as CompiledIndicator['reasonParams'][number],
      )
      return { indicator, test: compileCondition(indicator.condition, env), reasonParams }
    }),
    escalation: [...ruleSet.escalation].sort((a, b) => b.minScore - a.minScore),
  }
}

interface Env {
  fields: ReadonlyMap<string, FieldDef>
  lists: ReadonlyMap<string, ReadonlySet<Scalar>>
  slots: ReadonlyMap<string, number>
}

function compileCondition(c: Condition, env: Env): Predicate {
  if ('all' in c) return allOf(cheapestFirst(c.all).map((x) => compileCondition(x, env)))
  if ('any' in c) return anyOf(cheapestFirst(c.any).map((x) => compileCondition(x, env)))
  if ('not' in c) return notOf(compileCondition(c.not, env))
  if ('indicator' in c) {
    const slot = env.slots.get(c.indicator)!
    return (_ctx, memo) => memo[slot] ?? null
  }
  if ('count' in c) {
    const def = env.fields.get(c.count)!
    const itemFields = def.type.kind === 'list' ? ITEM_FIELDS[def.type.item] : env.fields
    return compileCount(c, def, (where) => compileCondition(where, { ...env, fields: itemFields }))
  }
  return compileField(c as FieldCondition, env.fields, env.lists)
}

/** Rough cost of evaluating a condition: counts walk a list, everything else reads a field or two. */
function cost(c: Condition): number {
  if ('all' in c) return c.all.reduce((n, x) => n + cost(x), 0)
  if ('any' in c) return c.any.reduce((n, x) => n + cost(x), 0)
  if ('not' in c) return cost(c.not)
  if ('count' in c) return 10 + (c.where ? cost(c.where) : 0)
  return 'ref' in c ? 2 : 1
}

/**
 * Kleene `all` and `any` give the same answer in any order, so cheap parts go first: a false part of an `all`
 * (a true part of an `any`) then spares the walk over a list.
 */
function cheapestFirst(cs: readonly Condition[]): Condition[] {
  return cs
    .map((c, i) => ({ c, i, k: cost(c) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((x) => x.c)
}

import { ACTION_RANK, type SuggestedAction, stronger } from './actions.ts'
import type { CrossingContext } from './context.ts'
import { FIELDS, type FieldDef, ITEM_FIELDS } from './fields.ts'
import type { Tri } from './predicates.ts'
import { type Condition, MAX_SCORE, type RuleSet, type Scalar } from './rule-language.ts'
import { compare } from './tautology.ts'

/**
 * A reference interpreter: walks the JSON rule tree on every call, resolves paths by splitting strings and looks
 * indicators up by id. It is the plainest statement of the semantics, used to cross-check the compiled closures in
 * tests and as the baseline in the benchmark. Do not use it in the request path.
 */
export function interpret(
  ruleSet: RuleSet,
  context: CrossingContext,
): { score: number; suggestedAction: SuggestedAction; triggered: string[]; undetermined: string[] } {
  const triggered: string[] = []
  const undetermined: string[] = []
  let total = 0
  let action: SuggestedAction = 'none'
  for (const indicator of ruleSet.indicators) {
    const r = holds(indicator.condition, context, ruleSet)
    if (r === null) undetermined.push(indicator.id)
    if (r !== true) continue
    triggered.push(indicator.id)
    total += indicator.weight
    action = stronger(action, indicator.action)
  }
  const score = Math.min(MAX_SCORE, total)
  for (const e of ruleSet.escalation) if (score >= e.minScore) action = stronger(action, e.action)
  triggered.sort((a, b) => a.localeCompare(b))
  return { score, suggestedAction: ACTION_RANK[action] >= 0 ? action : 'none', triggered, undetermined }
}

function read(root: unknown, path: string, kind: string): Scalar | null {
  let v: unknown = root
  for (const k of path.split('.'))
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined
  const want = kind === 'enum' ? 'string' : kind
  if (typeof v !== want || (typeof v === 'number' && Number.isNaN(v))) return null
  return v as Scalar
}

function holds(
  c: Condition,
  root: unknown,
  rs: RuleSet,
  fields: ReadonlyMap<string, FieldDef> = FIELDS,
): Tri {
  if ('all' in c) {
    const rs2 = c.all.map((x) => holds(x, root, rs, fields))
    return rs2.includes(false) ? false : rs2.includes(null) ? null : true
  }
  if ('any' in c) {
    const rs2 = c.any.map((x) => holds(x, root, rs, fields))
    return rs2.includes(true) ? true : rs2.includes(null) ? null : false
  }
  if ('not' in c) {
    const r = holds(c.not, root, rs, fields)
    return r === null ? null : !r
  }
  if ('indicator' in c) return holds(rs.indicators.find((i) => i.id === c.indicator)!.condition, root, rs)
  if ('count' in c) {
    const list = c.count
      .split('.')
      .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], root)
    if (!Array.isArray(list)) return null
    const type = FIELDS.get(c.count)!.type
    const itemFields = type.kind === 'list' ? ITEM_FIELDS[type.item] : FIELDS
    const results = list.map((x) => (c.where ? holds(c.where, x, rs, itemFields) : true))
    const lo = results.filter((r) => r === true).length
    const hi = lo + results.filter((r) => r === null).length
    const counts = Array.from({ length: hi - lo + 1 }, (_, i) => compare(c.op, lo + i, c.value))
    return counts.every((x) => x === counts[0]) ? counts[0]! : null
  }
  const kindOf = (p: string) => fields.get(p)!.type.kind
  const v = read(root, c.field, kindOf(c.field))
  if (c.op === 'known') return v !== null
  if (c.op === 'unknown') return v === null
  if (v === null) return null
  switch (c.op) {
    case 'in':
      return c.values.includes(v)
    case 'notIn':
      return !c.values.includes(v)
    case 'inList':
      return (rs.lists[c.list] ?? []).includes(v as string)
    case 'notInList':
      return !(rs.lists[c.list] ?? []).includes(v as string)
    case 'between':
      return (v as number) >= c.min && (v as number) <= c.max
  }
  if ('ref' in c) {
    const w = read(root, c.ref, kindOf(c.ref))
    return w === null ? null : compare(c.op, v, w)
  }
  return 'value' in c ? compare(c.op, v, c.value) : null
}

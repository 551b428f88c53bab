import { ITEM_FIELDS } from './fields.ts'
import { joinPath } from './issues.ts'
import { COMPARISONS } from './rule-language.ts'
import {
  type ConditionScope,
  push,
  resolveField,
  type Sink,
  validateFieldCondition,
} from './validate-field.ts'
import { COUNT_KEYS, fieldConditionKeys, refuseUnknownKeys } from './validate-keys.ts'

export const MAX_DEPTH = 24

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const KINDS = ['all', 'any', 'not', 'indicator', 'count', 'field'] as const

/** Checks one condition node and everything under it, adding every problem found to `out`. */
export function validateCondition(
  input: unknown,
  scope: ConditionScope,
  path: string,
  out: Sink,
  depth = 0,
): void {
  if (depth > MAX_DEPTH) {
    push(out, 'risk.rule.too_deep', path, { max: MAX_DEPTH })
    return
  }
  // Exactly one kind per node, so the reviewer and the compiler can never read a node differently.
  if (!isObj(input) || KINDS.filter((k) => k in input).length !== 1) {
    push(out, 'risk.rule.malformed', path, { expected: 'condition' })
    return
  }
  if ('all' in input || 'any' in input) {
    const key = 'all' in input ? 'all' : 'any'
    refuseUnknownKeys(input, [key], path, out)
    const items = input[key]
    if (!Array.isArray(items)) {
      push(out, 'risk.rule.malformed', joinPath(path, key), { expected: 'array' })
      return
    }
    // An empty `all` is vacuously true (flags everyone); an empty `any` never fires: both are mistakes.
    if (items.length === 0) {
      push(out, 'risk.rule.empty_group', joinPath(path, key), { group: key })
      return
    }
    for (const [i, c] of items.entries()) validateCondition(c, scope, joinPath(path, key, i), out, depth + 1)
    return
  }
  if ('not' in input) {
    refuseUnknownKeys(input, ['not'], path, out)
    validateCondition(input.not, scope, joinPath(path, 'not'), out, depth + 1)
    return
  }
  if ('indicator' in input) {
    refuseUnknownKeys(input, ['indicator'], path, out)
    if (scope.inItem) {
      push(out, 'risk.rule.malformed', path, { expected: 'item_condition' })
      return
    }
    if (typeof input.indicator !== 'string' || !scope.indicators.has(input.indicator))
      push(out, 'risk.rule.unknown_indicator', joinPath(path, 'indicator'), {
        indicator: String(input.indicator),
      })
    return
  }
  if ('count' in input) {
    refuseUnknownKeys(input, COUNT_KEYS, path, out)
    validateCount(input, scope, path, out, depth)
    return
  }
  const keys = fieldConditionKeys(input.op)
  if (keys) refuseUnknownKeys(input, keys, path, out)
  validateFieldCondition(input, scope, path, out)
}

function validateCount(input: Obj, scope: ConditionScope, path: string, out: Sink, depth: number): void {
  if (scope.inItem) {
    push(out, 'risk.rule.malformed', path, { expected: 'item_condition' })
    return
  }
  const def = resolveField(input.count, scope, joinPath(path, 'count'), out)
  if (def && def.type.kind !== 'list')
    push(out, 'risk.rule.not_a_list', joinPath(path, 'count'), { field: def.path })
  if (typeof input.op !== 'string' || !(COMPARISONS as readonly string[]).includes(input.op))
    push(out, 'risk.rule.unknown_operator', joinPath(path, 'op'), { operator: String(input.op) })
  if (typeof input.value !== 'number' || !Number.isInteger(input.value) || input.value < 0)
    push(out, 'risk.rule.type_mismatch', joinPath(path, 'value'), {
      field: String(input.count),
      expected: 'count',
      actual: typeof input.value,
    })
  if (input.where !== undefined && def?.type.kind === 'list') {
    const itemScope: ConditionScope = { ...scope, fields: ITEM_FIELDS[def.type.item], inItem: true }
    validateCondition(input.where, itemScope, joinPath(path, 'where'), out, depth + 1)
  }
}

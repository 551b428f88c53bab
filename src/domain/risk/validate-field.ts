import { DOMAINS } from './domains.ts'
import type { FieldDef, FieldType } from './fields.ts'
import { type IssueParams, joinPath, type RuleErrorCode, type RuleIssue } from './issues.ts'
import { protectedAttributeOf } from './protected-attributes.ts'
import { COMPARISONS } from './rule-language.ts'

/** What a condition may reference where it stands: top-level fields, or the fields of a list item. */
export interface ConditionScope {
  fields: ReadonlyMap<string, FieldDef>
  lists: ReadonlySet<string>
  indicators: ReadonlySet<string>
  inItem: boolean
}

export type Sink = RuleIssue<RuleErrorCode>[]
type Obj = Record<string, unknown>

const FIELD_OPS = new Set<string>([
  ...COMPARISONS,
  'in',
  'notIn',
  'inList',
  'notInList',
  'between',
  'known',
  'unknown',
])
const ORDERING = new Set<string>(['lt', 'lte', 'gt', 'gte'])

export function describeType(type: FieldType): string {
  return type.kind === 'enum' ? `enum:${type.domain}` : type.kind
}

export function push(out: Sink, code: RuleErrorCode, path: string, params: IssueParams = {}): void {
  out.push({ code, path, params })
}

/** Looks a field up, reporting a protected attribute before an unknown field so the reason is the real one. */
export function resolveField(name: unknown, scope: ConditionScope, path: string, out: Sink): FieldDef | null {
  if (typeof name !== 'string' || name === '') {
    push(out, 'risk.rule.malformed', path, { expected: 'field' })
    return null
  }
  const attribute = protectedAttributeOf(name)
  if (attribute) {
    push(out, 'risk.rule.protected_attribute', path, { field: name, attribute })
    return null
  }
  const def = scope.fields.get(name)
  if (!def) push(out, 'risk.rule.unknown_field', path, { field: name })
  return def ?? null
}

/** Checks that a constant fits a field; returns false after reporting when it does not. */
export function checkScalar(def: FieldDef, value: unknown, path: string, out: Sink): boolean {
  const { type } = def
  const actual = typeof value === 'number' && !Number.isFinite(value) ? 'non-finite' : typeof value
  const expected = type.kind === 'enum' ? 'string' : type.kind
  if (type.kind === 'list' || actual !== expected) {
    push(out, 'risk.rule.type_mismatch', path, { field: def.path, expected: describeType(type), actual })
    return false
  }
  if (type.kind === 'enum' && !(DOMAINS[type.domain] as readonly string[]).includes(value as string)) {
    push(out, 'risk.rule.unknown_value', path, { field: def.path, value: String(value), domain: type.domain })
    return false
  }
  return true
}

/** Checks a `{ field, op, … }` node: the field, the operator for its type, and the constants or reference. */
export function validateFieldCondition(input: Obj, scope: ConditionScope, path: string, out: Sink): void {
  const op = input.op
  if (typeof op !== 'string' || !FIELD_OPS.has(op)) {
    push(out, 'risk.rule.unknown_operator', joinPath(path, 'op'), { operator: String(op) })
    return
  }
  const def = resolveField(input.field, scope, joinPath(path, 'field'), out)
  if (!def) return
  if (def.type.kind === 'list') {
    push(out, 'risk.rule.type_mismatch', joinPath(path, 'field'), {
      field: def.path,
      expected: 'scalar',
      actual: 'list',
    })
    return
  }
  if ((ORDERING.has(op) || op === 'between') && def.type.kind !== 'number') {
    push(out, 'risk.rule.type_mismatch', joinPath(path, 'op'), {
      field: def.path,
      expected: 'number',
      actual: describeType(def.type),
    })
    return
  }
  if (op === 'known' || op === 'unknown') return
  if (op === 'between') {
    validateRange(input, def, path, out)
    return
  }
  if (op === 'in' || op === 'notIn') {
    validateValues(input, def, path, out)
    return
  }
  if (op === 'inList' || op === 'notInList') {
    if (def.type.kind !== 'string' && def.type.kind !== 'enum')
      push(out, 'risk.rule.type_mismatch', joinPath(path, 'op'), {
        field: def.path,
        expected: 'string',
        actual: describeType(def.type),
      })
    if (typeof input.list !== 'string' || !scope.lists.has(input.list))
      push(out, 'risk.rule.unknown_list', joinPath(path, 'list'), { list: String(input.list) })
    return
  }
  if ('ref' in input) {
    validateRef(input.ref, def, scope, joinPath(path, 'ref'), out)
    return
  }
  if (!('value' in input)) push(out, 'risk.rule.malformed', joinPath(path, 'value'), { expected: 'value' })
  else checkScalar(def, input.value, joinPath(path, 'value'), out)
}

function validateRange(input: Obj, def: FieldDef, path: string, out: Sink): void {
  const okMin = checkScalar(def, input.min, joinPath(path, 'min'), out)
  const okMax = checkScalar(def, input.max, joinPath(path, 'max'), out)
  if (okMin && okMax && (input.min as number) > (input.max as number))
    push(out, 'risk.rule.bad_range', path, {
      field: def.path,
      min: input.min as number,
      max: input.max as number,
    })
}

function validateValues(input: Obj, def: FieldDef, path: string, out: Sink): void {
  const values = input.values
  if (!Array.isArray(values))
    push(out, 'risk.rule.malformed', joinPath(path, 'values'), { expected: 'array' })
  else if (values.length === 0)
    push(out, 'risk.rule.empty_values', joinPath(path, 'values'), { field: def.path })
  else for (const [i, v] of values.entries()) checkScalar(def, v, joinPath(path, 'values', i), out)
}

function validateRef(ref: unknown, def: FieldDef, scope: ConditionScope, path: string, out: Sink): void {
  const other = resolveField(ref, scope, path, out)
  if (!other) return
  if (describeType(other.type) !== describeType(def.type))
    push(out, 'risk.rule.type_mismatch', path, {
      field: other.path,
      expected: describeType(def.type),
      actual: describeType(other.type),
    })
}

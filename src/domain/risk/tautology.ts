import { DOMAINS } from './domains.ts'
import type { FieldDef } from './fields.ts'
import type { Comparison, Condition, Scalar } from './rule-language.ts'

/**
 * Static check for a condition that would flag everyone (or no one) whose facts are known. Each fact the condition
 * reads becomes a variable with one representative value per region its constants cut the domain into (integers
 * c-1, c, c+1 around each constant; every enum value; each string constant plus "any other"). Comparisons between
 * two fields, counts and indicator references become free variables, which only widens the space, so an
 * "always" verdict is sound. Past `limit` units of work (combinations × size of the condition) the check gives up,
 * so saving a huge rule cannot stall the server; the impact check then has to catch it.
 */
export type Verdict = 'always' | 'never' | 'depends' | 'too_complex'

const OTHER = '\u0000other'
type Value = Scalar

interface Vars {
  reps: Map<string, Value[]>
  constants: Map<string, Set<number>>
}

export function analyseCondition(
  condition: Condition,
  fieldOf: (path: string) => FieldDef | undefined,
  lists: Lists,
  limit = 2_000_000,
): Verdict {
  const vars: Vars = { reps: new Map(), constants: new Map() }
  collect(condition, fieldOf, lists, vars)
  for (const [key, cs] of vars.constants) vars.reps.set(key, integerReps(key, cs, fieldOf))
  const keys = [...vars.reps.keys()]
  const domains = keys.map((k) => vars.reps.get(k)!)
  if (domains.reduce((n, d) => n * d.length, 1) * size(condition) > limit) return 'too_complex'
  const assignment = new Map<string, Value>()
  let sawTrue = false
  let sawFalse = false
  const idx = keys.map(() => 0)
  for (;;) {
    for (const [i, k] of keys.entries()) assignment.set(k, domains[i]![idx[i]!]!)
    if (holds(condition, assignment, lists)) sawTrue = true
    else sawFalse = true
    if (sawTrue && sawFalse) return 'depends'
    let i = 0
    while (i < idx.length && ++idx[i]! === domains[i]!.length) idx[i++] = 0
    if (i === idx.length) break
  }
  return sawTrue ? 'always' : 'never'
}

function integerReps(
  key: string,
  cs: Set<number>,
  fieldOf: (path: string) => FieldDef | undefined,
): number[] {
  const path = key.startsWith('count:') ? key.slice(6, key.indexOf('|')) : key.slice(6)
  const type = fieldOf(path)?.type
  const [min, max] =
    type?.kind === 'number' ? [type.min, type.max] : type?.kind === 'list' ? [0, type.maxItems] : [0, 1e9]
  const out = new Set<number>([min, max])
  for (const c of cs) for (const v of [c - 1, c, c + 1]) if (v >= min && v <= max) out.add(v)
  return [...out]
}

function addConstant(vars: Vars, key: string, ...values: number[]): void {
  const set = vars.constants.get(key) ?? new Set<number>()
  for (const v of values) set.add(v)
  vars.constants.set(key, set)
}

function addReps(vars: Vars, key: string, values: readonly Value[]): void {
  const have = vars.reps.get(key) ?? []
  for (const v of values) if (!have.includes(v)) have.push(v)
  vars.reps.set(key, have)
}

const countKey = (c: { count: string; where?: Condition }) =>
  `count:${c.count}|${JSON.stringify(c.where ?? null)}`

function refKey(op: Comparison, a: string, b: string): { key: string; negate: boolean } {
  switch (op) {
    case 'eq':
    case 'ne':
      return { key: `ref:eq:${[a, b].sort().join(':')}`, negate: op === 'ne' }
    case 'lt':
    case 'gte':
      return { key: `ref:lt:${a}:${b}`, negate: op === 'gte' }
    default:
      return { key: `ref:lt:${b}:${a}`, negate: op === 'lte' }
  }
}

type Lists = Record<string, readonly string[]>

function collect(c: Condition, fieldOf: (p: string) => FieldDef | undefined, lists: Lists, vars: Vars): void {
  if ('all' in c) {
    for (const x of c.all) collect(x, fieldOf, lists, vars)
    return
  }
  if ('any' in c) {
    for (const x of c.any) collect(x, fieldOf, lists, vars)
    return
  }
  if ('not' in c) {
    collect(c.not, fieldOf, lists, vars)
    return
  }
  if ('indicator' in c) {
    addReps(vars, `ind:${c.indicator}`, [true, false])
    return
  }
  if ('count' in c) {
    addConstant(vars, countKey(c), c.value)
    return
  }
  if ('ref' in c) {
    addReps(vars, refKey(c.op, c.field, c.ref).key, [true, false])
    return
  }
  const type = fieldOf(c.field)?.type
  const key = `field:${c.field}`
  if (type?.kind === 'boolean') {
    addReps(vars, key, [true, false])
    return
  }
  if (type?.kind === 'enum') {
    addReps(vars, key, DOMAINS[type.domain])
    return
  }
  if (type?.kind === 'number') {
    if ('value' in c) addConstant(vars, key, c.value as number)
    else if ('values' in c) addConstant(vars, key, ...(c.values as number[]))
    else if ('min' in c) addConstant(vars, key, c.min, c.max)
    else addConstant(vars, key)
    return
  }
  const strings =
    'value' in c ? [c.value] : 'values' in c ? c.values : 'list' in c ? (lists[c.list] ?? []) : []
  addReps(vars, key, [...strings, OTHER])
}

function holds(c: Condition, a: Map<string, Value>, lists: Lists): boolean {
  if ('all' in c) return c.all.every((x) => holds(x, a, lists))
  if ('any' in c) return c.any.some((x) => holds(x, a, lists))
  if ('not' in c) return !holds(c.not, a, lists)
  if ('indicator' in c) return a.get(`ind:${c.indicator}`) === true
  if ('count' in c) return compare(c.op, a.get(countKey(c)) as number, c.value)
  if ('ref' in c) {
    const { key, negate } = refKey(c.op, c.field, c.ref)
    return (a.get(key) === true) !== negate
  }
  const v = a.get(`field:${c.field}`)!
  switch (c.op) {
    case 'known':
      return true
    case 'unknown':
      return false
    case 'in':
      return c.values.includes(v)
    case 'notIn':
      return !c.values.includes(v)
    case 'inList':
      return (lists[c.list] ?? []).includes(v as string)
    case 'notInList':
      return !(lists[c.list] ?? []).includes(v as string)
    case 'between':
      return (v as number) >= c.min && (v as number) <= c.max
    default:
      return compare(c.op, v, c.value)
  }
}

export function compare(op: Comparison, a: Value, b: Value): boolean {
  switch (op) {
    case 'eq':
      return a === b
    case 'ne':
      return a !== b
    case 'lt':
      return a < b
    case 'lte':
      return a <= b
    case 'gt':
      return a > b
    case 'gte':
      return a >= b
  }
}

function size(c: Condition): number {
  if ('all' in c) return c.all.reduce((n, x) => n + size(x), 1)
  if ('any' in c) return c.any.reduce((n, x) => n + size(x), 1)
  if ('not' in c) return 1 + size(c.not)
  return 'values' in c ? 1 + c.values.length : 1
}

/** True when the condition tests for a missing fact, which a known-values analysis cannot judge as "never". */
export function readsUnknown(c: Condition): boolean {
  if ('all' in c) return c.all.some(readsUnknown)
  if ('any' in c) return c.any.some(readsUnknown)
  if ('not' in c) return readsUnknown(c.not)
  return 'field' in c && (c.op === 'unknown' || c.op === 'known')
}

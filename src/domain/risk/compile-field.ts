import type { CrossingContext } from './context.ts'
import type { FieldDef } from './fields.ts'
import { comparator, type Predicate } from './predicates.ts'
import type { Condition, Scalar } from './rule-language.ts'

type Reader = (root: unknown) => Scalar | null
type Obj = Record<string, unknown>

export function getter(path: string): (root: unknown) => unknown {
  const parts = path.split('.')
  const step = (o: unknown, k: string) => (o !== null && typeof o === 'object' ? (o as Obj)[k] : undefined)
  if (parts.length === 1) {
    const [a] = parts as [string]
    return (o) => step(o, a)
  }
  if (parts.length === 2) {
    const [a, b] = parts as [string, string]
    return (o) => step(step(o, a), b)
  }
  return (o) => parts.reduce(step, o)
}

/**
 * A typed reader: a value of the wrong type (bad upstream data) counts as unknown, never as a match. Paths of one
 * or two steps, which is every catalogue field, read in a single closure because this is the innermost loop.
 */
export function reader(def: FieldDef): Reader {
  const want = def.type.kind === 'enum' ? 'string' : def.type.kind
  const typed = (v: unknown): Scalar | null =>
    typeof v === want && (want !== 'number' || !Number.isNaN(v)) ? (v as Scalar) : null
  const parts = def.path.split('.')
  if (parts.length === 1) {
    const [a] = parts as [string]
    return (o) => (o !== null && typeof o === 'object' ? typed((o as Obj)[a]) : null)
  }
  if (parts.length === 2) {
    const [a, b] = parts as [string, string]
    return (o) => {
      const x = (o as Obj)[a]
      return x !== null && typeof x === 'object' ? typed((x as Obj)[b]) : null
    }
  }
  const get = getter(def.path)
  return (o) => typed(get(o))
}

export function paramReader(path: string): (ctx: CrossingContext) => Scalar | null {
  const get = getter(path)
  return (ctx) => {
    const v = get(ctx)
    if (Array.isArray(v)) return v.length
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null
  }
}

export type FieldCondition = Extract<Condition, { field: string }>

/** Compiles a condition on one field; `fields` is the top-level catalogue or a list item's fields. */
export function compileField(
  c: FieldCondition,
  fields: ReadonlyMap<string, FieldDef>,
  lists: ReadonlyMap<string, ReadonlySet<Scalar>>,
): Predicate {
  const read = reader(fields.get(c.field)!)
  switch (c.op) {
    case 'known':
      return (o) => read(o) !== null
    case 'unknown':
      return (o) => read(o) === null
    case 'between': {
      const { min, max } = c
      return (o) => {
        const v = read(o) as number | null
        return v === null ? null : v >= min && v <= max
      }
    }
    case 'in':
    case 'notIn':
    case 'inList':
    case 'notInList': {
      const set = 'values' in c ? new Set<Scalar>(c.values) : lists.get(c.list)!
      const want = c.op === 'in' || c.op === 'inList'
      return (o) => {
        const v = read(o)
        return v === null ? null : set.has(v) === want
      }
    }
  }
  if ('ref' in c) {
    const other = reader(fields.get(c.ref)!)
    const cmp = comparator(c.op)
    return (o) => {
      const a = read(o)
      const b = other(o)
      return a === null || b === null ? null : cmp(a, b)
    }
  }
  const k = c.value
  const cmp = comparator(c.op)
  return (o) => {
    const v = read(o)
    return v === null ? null : cmp(v, k)
  }
}

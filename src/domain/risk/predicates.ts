import type { Comparison, Scalar } from './rule-language.ts'

/** Three-valued truth: null is "unknown" (a fact the rule needs is missing). */
export type Tri = boolean | null

/**
 * A compiled condition. `root` is the crossing context, or one list item inside a count; `memo` holds the results
 * of the indicators computed before this one.
 */
export type Predicate = (root: unknown, memo: Tri[]) => Tri

export function allOf(ps: Predicate[]): Predicate {
  if (ps.length === 1) return ps[0]!
  return (ctx, memo) => {
    let unknown = false
    for (let i = 0; i < ps.length; i++) {
      const r = ps[i]!(ctx, memo)
      if (r === false) return false
      if (r === null) unknown = true
    }
    return unknown ? null : true
  }
}

export function anyOf(ps: Predicate[]): Predicate {
  if (ps.length === 1) return ps[0]!
  return (ctx, memo) => {
    let unknown = false
    for (let i = 0; i < ps.length; i++) {
      const r = ps[i]!(ctx, memo)
      if (r === true) return true
      if (r === null) unknown = true
    }
    return unknown ? null : false
  }
}

export function notOf(p: Predicate): Predicate {
  return (ctx, memo) => {
    const r = p(ctx, memo)
    return r === null ? null : !r
  }
}

export function comparator(op: Comparison): (a: Scalar, b: Scalar) => boolean {
  switch (op) {
    case 'eq':
      return (a, b) => a === b
    case 'ne':
      return (a, b) => a !== b
    case 'lt':
      return (a, b) => a < b
    case 'lte':
      return (a, b) => a <= b
    case 'gt':
      return (a, b) => a > b
    case 'gte':
      return (a, b) => a >= b
  }
}

/**
 * Compares a count known only as a range: `lo` items surely match, up to `hi` may (some items' facts unknown).
 * The answer is known only when every count in the range gives the same one.
 */
export function countCompare(op: Comparison, lo: number, hi: number, k: number): Tri {
  const cmp = comparator(op)
  const a = cmp(lo, k)
  const b = cmp(hi, k)
  if (a !== b) return null
  if (op === 'eq' && lo < k && k < hi) return null
  if (op === 'ne' && lo < k && k < hi) return null
  return a
}

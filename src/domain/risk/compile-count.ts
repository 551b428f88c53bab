import { getter } from './compile-field.ts'
import type { FieldDef } from './fields.ts'
import { countCompare, type Predicate } from './predicates.ts'
import type { Condition } from './rule-language.ts'

/**
 * Compiles `count <list> where <condition> <op> <value>`. `compileWhere` compiles the item condition against the
 * list item's fields; it is passed in to keep this file free of a cycle with `compile.ts`.
 */
export function compileCount(
  c: Extract<Condition, { count: string }>,
  def: FieldDef,
  compileWhere: (where: Condition) => Predicate,
): Predicate {
  const list = getter(def.path)
  const where = c.where ? compileWhere(c.where) : null
  const { op, value } = c
  // Matches only ever add up, so once `stopAt` items match the answer is `decided`, whatever the rest hold.
  const stopAt = op === 'gte' || op === 'lt' ? value : value + 1
  const decided = op === 'gte' || op === 'gt' || op === 'ne'
  return (ctx, memo) => {
    const items = list(ctx)
    if (!Array.isArray(items)) return null
    if (!where) return countCompare(op, items.length, items.length, value)
    let yes = 0
    let maybe = 0
    for (let i = 0; i < items.length; i++) {
      const r = where(items[i], memo)
      if (r === true) {
        if (++yes >= stopAt) return decided
      } else if (r === null) maybe++
    }
    return countCompare(op, yes, yes + maybe, value)
  }
}

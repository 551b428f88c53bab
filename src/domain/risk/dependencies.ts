import type { Condition, Indicator } from './rule-language.ts'

/** Ids of the indicators a condition reads, in order of first mention. */
export function referencedIndicators(condition: Condition): string[] {
  const out: string[] = []
  const walk = (c: Condition): void => {
    if ('all' in c) c.all.forEach(walk)
    else if ('any' in c) c.any.forEach(walk)
    else if ('not' in c) walk(c.not)
    else if ('indicator' in c && !out.includes(c.indicator)) out.push(c.indicator)
  }
  walk(condition)
  return out
}

/** Every field path a condition reads (list fields by their own path), for the catalogue's "inputs". */
export function referencedFields(condition: Condition): string[] {
  const out = new Set<string>()
  const walk = (c: Condition): void => {
    if ('all' in c) c.all.forEach(walk)
    else if ('any' in c) c.any.forEach(walk)
    else if ('not' in c) walk(c.not)
    else if ('count' in c) out.add(c.count)
    else if ('field' in c) {
      out.add(c.field)
      if ('ref' in c) out.add(c.ref)
    }
  }
  walk(condition)
  return [...out]
}

export interface Ordering {
  /** Indicator ids, each after every indicator it references. */
  order: string[]
  /** Each cycle as the ids along it, first id repeated at the end (`a → b → a`). */
  cycles: string[][]
}

/** Depth-first topological order; references to unknown ids are ignored here (validation reports them). */
export function orderIndicators(indicators: readonly Indicator[]): Ordering {
  const deps = new Map(indicators.map((i) => [i.id, referencedIndicators(i.condition)]))
  const state = new Map<string, 'visiting' | 'done'>()
  const order: string[] = []
  const cycles: string[][] = []
  const stack: string[] = []
  const visit = (id: string): void => {
    const s = state.get(id)
    if (s === 'done') return
    if (s === 'visiting') {
      cycles.push([...stack.slice(stack.indexOf(id)), id])
      return
    }
    state.set(id, 'visiting')
    stack.push(id)
    for (const d of deps.get(id) ?? []) if (deps.has(d)) visit(d)
    stack.pop()
    state.set(id, 'done')
    order.push(id)
  }
  for (const i of indicators) visit(i.id)
  return { order, cycles }
}

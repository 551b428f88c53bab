import { describe, expect, it } from 'vitest'
import { createBudget, remaining, spend } from './privacy-budget.ts'

function fresh(epsilon: number, delta = 0) {
  const result = createBudget(epsilon, delta)
  if (!result.ok) throw new Error(result.error.code)
  return result.value
}

describe('privacy budget', () => {
  it('adds up what each release spends', () => {
    const once = spend(fresh(1), { epsilon: 0.25 })
    const twice = once.ok ? spend(once.value, { epsilon: 0.25 }) : once
    expect(twice.ok && remaining(twice.value).epsilon).toBe(0.5)
  })

  it('lets a budget be spent exactly, despite floating-point rounding', () => {
    let budget = fresh(1)
    for (let i = 0; i < 10; i++) {
      const next = spend(budget, { epsilon: 0.1 })
      if (!next.ok) throw new Error(`refused at step ${i}`)
      budget = next.value
    }
    const more = spend(budget, { epsilon: 0.01 })
    expect(more.ok).toBe(false)
  })

  it('refuses to overspend, saying what was asked and what is left', () => {
    const result = spend(fresh(1, 1e-5), { epsilon: 0.5, delta: 1e-4 })
    expect(result.ok ? undefined : result.error).toEqual({
      code: 'statistics.errors.privacyBudgetExceeded',
      params: { requestedEpsilon: 0.5, remainingEpsilon: 1, requestedDelta: 1e-4, remainingDelta: 1e-5 },
    })
  })

  it('refuses budgets and costs that are not privacy losses', () => {
    const code = (r: ReturnType<typeof createBudget>) => (r.ok ? undefined : r.error.code)
    expect(code(createBudget(0))).toBe('statistics.errors.invalidEpsilon')
    expect(code(createBudget(Number.POSITIVE_INFINITY))).toBe('statistics.errors.invalidEpsilon')
    expect(code(createBudget(1, 1))).toBe('statistics.errors.invalidDelta')
    expect(code(spend(fresh(1), { epsilon: -1 }))).toBe('statistics.errors.invalidEpsilon')
  })
})

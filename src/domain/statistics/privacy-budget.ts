import { fail, ok, type Result, STATISTICS_ERRORS } from './errors.ts'

/**
 * The privacy loss a release may spend in total. Losses add up under basic sequential composition
 * (ε₁ + ε₂, δ₁ + δ₂) — loose, but simple to state to a reader of the release notes.
 */
export interface PrivacyBudget {
  epsilon: number
  delta: number
  spentEpsilon: number
  spentDelta: number
}

export interface PrivacyCost {
  epsilon: number
  delta?: number
}

/** Rounding of repeated float additions must not refuse a spend that exactly uses up the budget. */
const SLACK = 1e-12

export function createBudget(epsilon: number, delta = 0): Result<PrivacyBudget> {
  if (!(epsilon > 0) || !Number.isFinite(epsilon))
    return fail(STATISTICS_ERRORS.invalidEpsilon, { epsilon: String(epsilon) })
  if (!(delta >= 0 && delta < 1)) return fail(STATISTICS_ERRORS.invalidDelta, { delta: String(delta) })
  return ok({ epsilon, delta, spentEpsilon: 0, spentDelta: 0 })
}

export function remaining(budget: PrivacyBudget): { epsilon: number; delta: number } {
  return {
    epsilon: Math.max(0, budget.epsilon - budget.spentEpsilon),
    delta: Math.max(0, budget.delta - budget.spentDelta),
  }
}

/** A new budget with the cost spent, or a refusal that leaves the budget as it was. */
export function spend(budget: PrivacyBudget, cost: PrivacyCost): Result<PrivacyBudget> {
  const delta = cost.delta ?? 0
  if (!(cost.epsilon > 0) || !Number.isFinite(cost.epsilon)) {
    return fail(STATISTICS_ERRORS.invalidEpsilon, { epsilon: String(cost.epsilon) })
  }
  if (!(delta >= 0 && delta < 1)) return fail(STATISTICS_ERRORS.invalidDelta, { delta: String(delta) })
  const left = remaining(budget)
  if (cost.epsilon > left.epsilon + SLACK || delta > left.delta + SLACK) {
    return fail(STATISTICS_ERRORS.privacyBudgetExceeded, {
      requestedEpsilon: cost.epsilon,
      remainingEpsilon: left.epsilon,
      requestedDelta: delta,
      remainingDelta: left.delta,
    })
  }
  return ok({
    ...budget,
    spentEpsilon: budget.spentEpsilon + cost.epsilon,
    spentDelta: budget.spentDelta + delta,
  })
}

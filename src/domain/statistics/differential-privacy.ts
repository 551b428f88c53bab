import { fail, ok, type Result, STATISTICS_ERRORS } from './errors.ts'
import { type PrivacyBudget, spend } from './privacy-budget.ts'
import { openUnit, type RandomSource } from './random.ts'

export type Mechanism =
  | { kind: 'laplace'; epsilon: number; sensitivity?: number }
  | { kind: 'gaussian'; epsilon: number; delta: number; sensitivity?: number }

/** Laplace(0, scale) by inverting its distribution function. */
export function laplaceNoise(scale: number, random: RandomSource): number {
  const u = openUnit(random) - 0.5
  return -scale * Math.sign(u) * Math.log(1 - 2 * Math.abs(u))
}

/** Normal(0, sigma²) by Box–Muller. */
export function gaussianNoise(sigma: number, random: RandomSource): number {
  const u1 = openUnit(random)
  const u2 = openUnit(random)
  return sigma * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2)
}

/** b = Δ / ε gives ε-differential privacy (Dwork & Roth, The Algorithmic Foundations of DP, Thm 3.6). */
export function laplaceScale(epsilon: number, sensitivity = 1): number {
  return sensitivity / epsilon
}

/**
 * σ = Δ · √(2 ln(1.25 / δ)) / ε gives (ε, δ)-differential privacy for ε < 1 (Dwork & Roth, Thm A.1);
 * the bound is not proven for larger ε, so larger ε is refused rather than silently under-protected.
 */
export function gaussianSigma(epsilon: number, delta: number, sensitivity = 1): number {
  return (sensitivity * Math.sqrt(2 * Math.log(1.25 / delta))) / epsilon
}

export function validateMechanism(mechanism: Mechanism): Result<Mechanism> {
  const { epsilon } = mechanism
  const sensitivity = mechanism.sensitivity ?? 1
  if (!(epsilon > 0) || !Number.isFinite(epsilon))
    return fail(STATISTICS_ERRORS.invalidEpsilon, { epsilon: String(epsilon) })
  if (!(sensitivity > 0) || !Number.isFinite(sensitivity)) {
    return fail(STATISTICS_ERRORS.invalidSensitivity, { sensitivity: String(sensitivity) })
  }
  if (mechanism.kind === 'gaussian') {
    if (mechanism.delta === undefined) return fail(STATISTICS_ERRORS.gaussianNeedsDelta)
    if (!(mechanism.delta > 0 && mechanism.delta < 1)) {
      return fail(STATISTICS_ERRORS.invalidDelta, { delta: String(mechanism.delta) })
    }
    if (epsilon >= 1) return fail(STATISTICS_ERRORS.gaussianEpsilonTooLarge, { epsilon })
  }
  return ok(mechanism)
}

export function noiseFor(mechanism: Mechanism, random: RandomSource): number {
  const sensitivity = mechanism.sensitivity ?? 1
  return mechanism.kind === 'laplace'
    ? laplaceNoise(laplaceScale(mechanism.epsilon, sensitivity), random)
    : gaussianNoise(gaussianSigma(mechanism.epsilon, mechanism.delta, sensitivity), random)
}

export interface NoisyRelease {
  /** Rounded to whole numbers and floored at zero — post-processing, which costs no privacy. */
  values: number[]
  budget: PrivacyBudget
  mechanism: Mechanism
}

/**
 * Noisy counts for one histogram. The cells must be disjoint (each person in one cell) for the cost to
 * be a single ε (parallel composition); when a person can fall in several cells, set `sensitivity` to the
 * most cells one person can touch. The budget is checked before any noise is drawn.
 */
export function releaseNoisyCounts(
  counts: readonly number[],
  mechanism: Mechanism,
  budget: PrivacyBudget,
  random: RandomSource,
): Result<NoisyRelease> {
  const valid = validateMechanism(mechanism)
  if (!valid.ok) return valid
  const cost = { epsilon: mechanism.epsilon, delta: mechanism.kind === 'gaussian' ? mechanism.delta : 0 }
  const spent = spend(budget, cost)
  if (!spent.ok) return spent
  const values = counts.map((c) => Math.max(0, Math.round(c + noiseFor(mechanism, random))))
  return ok({ values, budget: spent.value, mechanism })
}

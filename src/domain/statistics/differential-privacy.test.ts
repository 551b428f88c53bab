import { describe, expect, it } from 'vitest'
import {
  gaussianNoise,
  gaussianSigma,
  laplaceNoise,
  releaseNoisyCounts,
  validateMechanism,
} from './differential-privacy.ts'
import { createBudget, type PrivacyBudget } from './privacy-budget.ts'
import { seededRandom } from './random.ts'

function budget(epsilon: number, delta = 0): PrivacyBudget {
  const result = createBudget(epsilon, delta)
  if (!result.ok) throw new Error(result.error.code)
  return result.value
}

function moments(samples: number[]) {
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length
  const variance = samples.reduce((s, x) => s + (x - mean) ** 2, 0) / samples.length
  return { mean, variance }
}

describe('differential privacy', () => {
  it('draws the same noise from the same seed, so releases can be tested', () => {
    const a = releaseNoisyCounts([10, 20, 30], { kind: 'laplace', epsilon: 1 }, budget(1), seededRandom(42))
    const b = releaseNoisyCounts([10, 20, 30], { kind: 'laplace', epsilon: 1 }, budget(1), seededRandom(42))
    expect(a.ok && b.ok && a.value.values).toEqual(b.ok && b.value.values)
  })

  it('draws Laplace noise with mean 0 and variance 2b²', () => {
    const random = seededRandom(7)
    const { mean, variance } = moments(Array.from({ length: 40_000 }, () => laplaceNoise(2, random)))
    expect(Math.abs(mean)).toBeLessThan(0.05)
    expect(variance).toBeGreaterThan(8 * 0.95)
    expect(variance).toBeLessThan(8 * 1.05)
  })

  it('draws Gaussian noise with mean 0 and variance σ²', () => {
    const random = seededRandom(11)
    const { mean, variance } = moments(Array.from({ length: 40_000 }, () => gaussianNoise(3, random)))
    expect(Math.abs(mean)).toBeLessThan(0.05)
    expect(variance).toBeGreaterThan(9 * 0.95)
    expect(variance).toBeLessThan(9 * 1.05)
  })

  it('scales Gaussian noise as Δ·√(2 ln(1.25/δ))/ε', () => {
    expect(gaussianSigma(0.5, 1e-5)).toBeCloseTo(Math.sqrt(2 * Math.log(125_000)) / 0.5, 12)
    expect(gaussianSigma(0.5, 1e-5, 2)).toBeCloseTo(2 * gaussianSigma(0.5, 1e-5), 12)
  })

  it('publishes whole, non-negative counts and spends ε from the budget', () => {
    const result = releaseNoisyCounts(
      [0, 1, 500],
      { kind: 'laplace', epsilon: 0.5 },
      budget(1),
      seededRandom(3),
    )
    if (!result.ok) throw new Error(result.error.code)
    for (const v of result.value.values) expect(Number.isInteger(v) && v >= 0).toBe(true)
    expect(result.value.budget.spentEpsilon).toBe(0.5)
  })

  it('spends δ as well for the Gaussian mechanism', () => {
    const mechanism = { kind: 'gaussian', epsilon: 0.5, delta: 1e-6 } as const
    const result = releaseNoisyCounts([5], mechanism, budget(1, 1e-5), seededRandom(3))
    expect(result.ok && result.value.budget.spentDelta).toBe(1e-6)
  })

  it('refuses to overspend the budget and draws no noise when it refuses', () => {
    let draws = 0
    const counting = () => {
      draws++
      return 0.3
    }
    const first = releaseNoisyCounts([5], { kind: 'laplace', epsilon: 0.75 }, budget(1), counting)
    if (!first.ok) throw new Error(first.error.code)
    const drawsAfterFirst = draws
    const second = releaseNoisyCounts([5], { kind: 'laplace', epsilon: 0.5 }, first.value.budget, counting)
    expect(second.ok ? undefined : second.error.code).toBe('statistics.errors.privacyBudgetExceeded')
    expect(draws).toBe(drawsAfterFirst)
  })

  it('refuses invalid mechanisms with stable codes', () => {
    const code = (m: Parameters<typeof validateMechanism>[0]) => {
      const r = validateMechanism(m)
      return r.ok ? undefined : r.error.code
    }
    expect(code({ kind: 'laplace', epsilon: 0 })).toBe('statistics.errors.invalidEpsilon')
    expect(code({ kind: 'laplace', epsilon: 1, sensitivity: -1 })).toBe(
      'statistics.errors.invalidSensitivity',
    )
    expect(code({ kind: 'gaussian', epsilon: 0.5, delta: 0 })).toBe('statistics.errors.invalidDelta')
    expect(code({ kind: 'gaussian', epsilon: 2, delta: 1e-6 })).toBe(
      'statistics.errors.gaussianEpsilonTooLarge',
    )
    expect(code({ kind: 'gaussian', epsilon: 0.5 } as never)).toBe('statistics.errors.gaussianNeedsDelta')
    expect(code({ kind: 'laplace', epsilon: 1 })).toBeUndefined()
  })
})

/**
 * A source of uniform numbers in [0, 1). Domain code never picks its own: releases inject a
 * cryptographically strong source, tests a seeded one, so every test run draws the same noise.
 */
export type RandomSource = () => number

/**
 * Mulberry32: small, fast and reproducible. For tests and simulations only — it is predictable, and
 * predictable noise protects nobody.
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Uniform in the open interval (0, 1): logarithms of it are finite. */
export function openUnit(random: RandomSource): number {
  for (;;) {
    const u = random()
    if (u > 0 && u < 1) return u
  }
}

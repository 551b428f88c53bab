import { describe, expect, it } from 'vitest'
import { syntheticReturnees } from './synthetic-returnees.ts'

const take = (seed: number, count = 500) => [...syntheticReturnees({ seed, count, rangeDays: 365 })]

describe('synthetic returnees', () => {
  it('gives the same returnees for the same seed and others for another', () => {
    expect(take(7)).toEqual(take(7))
    expect(take(7)).not.toEqual(take(8))
  })

  it('flags every child and only children, and keeps each inside the range', () => {
    for (const r of take(3)) {
      expect(r.triageFlags.includes('child')).toBe(r.age < 18)
      if (r.triageFlags.includes('unaccompanied_child')) expect(r.age).toBeLessThan(18)
      expect(r.daysAgo).toBeGreaterThanOrEqual(0)
      expect(r.daysAgo).toBeLessThan(365)
    }
  })

  it('crowds most returnees into one wave', () => {
    const inWave = take(11, 2000).filter((r) => r.daysAgo <= 150 && r.daysAgo > 108).length
    expect(inWave / 2000).toBeGreaterThan(0.6)
  })
})

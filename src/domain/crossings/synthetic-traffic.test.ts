import { describe, expect, it } from 'vitest'
import { syntheticTraffic } from './synthetic-traffic.ts'

const options = { seed: 42, movements: 5000, from: new Date(Date.UTC(2024, 0, 1)), days: 3 * 365 }

describe('synthetic traffic', () => {
  const all = [...syntheticTraffic(options)]
  const movements = all.flatMap((t) => t.movements)

  it('produces about the requested number of movements, the same for the same seed', () => {
    expect(movements.length).toBeGreaterThanOrEqual(5000)
    expect(movements.length).toBeLessThan(5000 + 12)
    const again = [...syntheticTraffic(options)].flatMap((t) => t.movements)
    expect(again.map((m) => m.at.getTime())).toEqual(movements.map((m) => m.at.getTime()))
  })

  it('alternates each traveller’s admitted movements, foreigners entering first and Cambodians leaving first', () => {
    for (const { traveller, movements: ms } of all) {
      const admitted = ms.filter((m) => m.decision === 'admit')
      const first = traveller.nationality === 'KHM' ? 'exit' : 'entry'
      const second = first === 'entry' ? 'exit' : 'entry'
      for (const [i, m] of admitted.entries()) expect(m.direction).toBe(i % 2 === 0 ? first : second)
      for (let i = 1; i < ms.length; i++) expect(ms[i]!.at.getTime()).toBeGreaterThan(ms[i - 1]!.at.getTime())
    }
  })

  it('includes refusals with a reason, overstays, and a Khmer New Year peak', () => {
    const refusals = movements.filter((m) => m.decision === 'refuse')
    expect(refusals.length).toBeGreaterThan(0)
    expect(refusals.every((m) => m.refusalReason)).toBe(true)
    expect(movements.some((m) => (m.overstayDays ?? 0) > 0)).toBe(true)
    const perDay = (month: number, from: number, to: number) =>
      movements.filter(
        (m) => m.at.getUTCMonth() + 1 === month && m.at.getUTCDate() >= from && m.at.getUTCDate() <= to,
      ).length /
      (to - from + 1)
    expect(perDay(4, 10, 20)).toBeGreaterThan(perDay(3, 1, 28) * 1.3)
  })

  it('sends a wave of Cambodian returnees through Poipet', () => {
    const poipetReturns = movements.filter((m) => m.postCode === 'LAND-POIPET' && m.purpose === 'employment')
    expect(poipetReturns.length).toBeGreaterThan(100)
  })
})

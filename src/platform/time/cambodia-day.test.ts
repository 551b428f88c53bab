import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cambodiaDayOf } from './cambodia-day.ts'

describe('the day in Cambodia', () => {
  it('is already tomorrow from 17:00 UTC', () => {
    expect(cambodiaDayOf(new Date('2026-04-13T16:59:59Z'))).toBe('2026-04-13')
    expect(cambodiaDayOf(new Date('2026-04-13T17:00:00Z'))).toBe('2026-04-14')
  })

  it('is what toLocaleDateString in Phnom Penh says, for any moment, with one formatter kept for the process', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01') }), (d) => {
        expect(cambodiaDayOf(d)).toBe(d.toLocaleDateString('en-CA', { timeZone: 'Asia/Phnom_Penh' }))
      }),
      { numRuns: 300 },
    )
    expect(cambodiaDayOf(new Date('nonsense'))).toBe('Invalid Date')
  })
})

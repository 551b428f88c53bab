import { describe, expect, it } from 'vitest'
import { cambodiaDayOf } from './cambodia-day.ts'

describe('the day in Cambodia', () => {
  it('is already tomorrow from 17:00 UTC', () => {
    expect(cambodiaDayOf(new Date('2026-04-13T16:59:59Z'))).toBe('2026-04-13')
    expect(cambodiaDayOf(new Date('2026-04-13T17:00:00Z'))).toBe('2026-04-14')
  })
})

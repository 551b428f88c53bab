import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { khmerDigits, latinDigits } from './digits.ts'

describe('Khmer and Latin digits', () => {
  it('writes each digit in the other script and leaves everything else', () => {
    expect(khmerDigits('2026-Q1, 10 km')).toBe('២០២៦-Q១, ១០ km')
    expect(latinDigits('០៩/១២/២០២៦ ថ្ងៃ')).toBe('09/12/2026 ថ្ងៃ')
    expect(khmerDigits('')).toBe('')
  })

  it('round-trips any text without Khmer digits', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/[០-៩]/.test(s)),
        (s) => latinDigits(khmerDigits(s)) === s,
      ),
    )
  })
})

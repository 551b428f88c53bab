import { describe, expect, it } from 'vitest'
import { periodLabel, readableLabels } from './period-label.ts'

const english = {
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  digits: (n: number) => String(n),
}
const khmerDigits = new Intl.NumberFormat('km-KH', { numberingSystem: 'khmr', useGrouping: false })

describe('period labels', () => {
  it('names months, days and years with the given words and digits', () => {
    expect(periodLabel('2026-03', english)).toBe('Mar 2026')
    expect(periodLabel('2026-03-07', english)).toBe('7 Mar 2026')
    expect(periodLabel('2026', english)).toBe('2026')
    const khmer = {
      months: english.months.map((_, i) => `m${i + 1}`),
      digits: (n: number) => khmerDigits.format(n),
    }
    expect(periodLabel('2026-12', khmer)).toBe('m12 ២០២៦')
  })

  it('keeps quarters, weeks and values that are not periods as they are', () => {
    for (const key of ['2026-Q1', '2026-W09', 'unknown', '2026-13'])
      expect(periodLabel(key, english)).toBe(key)
    // In Khmer a quarter keeps its shape, in Khmer digits.
    const khmer = { months: english.months, digits: (n: number) => khmerDigits.format(n) }
    expect(periodLabel('2026-Q1', khmer)).toBe('២០២៦-Q១')
  })

  it("writes a breakdown's periods by name and its figure-only labels in the reader's digits", () => {
    const khmer = { months: english.months, digits: (n: number) => khmerDigits.format(n) }
    const bands = [
      { code: '0-4', label: '0-4' },
      { code: '60+', label: '60+' },
      { code: 'F', label: 'ស្រី' },
    ]
    expect(readableLabels(bands, 'ageBand', khmer).map((b) => b.label)).toEqual(['០-៤', '៦០+', 'ស្រី'])
    expect(readableLabels([{ code: '2026-03', label: '2026-03' }], 'period:month', khmer)[0]?.label).toBe(
      'Mar ២០២៦',
    )
  })
})

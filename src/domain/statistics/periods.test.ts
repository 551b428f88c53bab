import { describe, expect, it } from 'vitest'
import { isoWeekOf, isoWeeksInYear, parsePeriod, periodKey, periodsBetween } from './periods.ts'

function errorOf(key: string) {
  const result = parsePeriod(key)
  return result.ok ? undefined : result.error
}

describe('periods', () => {
  it('bucket a date by day, ISO week, month, quarter and year', () => {
    expect(periodKey('2025-08-14', 'day')).toBe('2025-08-14')
    expect(periodKey('2025-08-14', 'week')).toBe('2025-W33')
    expect(periodKey('2025-08-14', 'month')).toBe('2025-08')
    expect(periodKey('2025-08-14', 'quarter')).toBe('2025-Q3')
    expect(periodKey('2025-08-14', 'year')).toBe('2025')
  })

  it('put the first days of January in the previous ISO year when the week began in December', () => {
    expect(isoWeekOf('2021-01-03')).toEqual({ year: 2020, week: 53 })
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 })
    expect(periodKey('2027-01-01', 'week')).toBe('2026-W53')
  })

  it('know which years have 53 ISO weeks', () => {
    expect(isoWeeksInYear(2020)).toBe(53)
    expect(isoWeeksInYear(2025)).toBe(52)
    expect(isoWeeksInYear(2026)).toBe(53)
  })

  it('parse each kind of period with its first and last day', () => {
    const range = (key: string) => {
      const r = parsePeriod(key)
      return r.ok ? [r.value.unit, r.value.start, r.value.end] : r.error.code
    }
    expect(range('2024-02')).toEqual(['month', '2024-02-01', '2024-02-29'])
    expect(range('2025-Q4')).toEqual(['quarter', '2025-10-01', '2025-12-31'])
    expect(range('2025-W01')).toEqual(['week', '2024-12-30', '2025-01-05'])
    expect(range('2025')).toEqual(['year', '2025-01-01', '2025-12-31'])
    expect(range('2025-03-07')).toEqual(['day', '2025-03-07', '2025-03-07'])
  })

  it('refuse impossible periods and name them in the error', () => {
    for (const key of [
      '2025-02-29',
      '2025-W53',
      '2025-W00',
      '2025-13',
      '2025-00',
      '2025-Q5',
      '2025-Q0',
      'last month',
      '',
    ]) {
      expect(errorOf(key)).toEqual({ code: 'statistics.errors.invalidPeriod', params: { period: key } })
    }
  })

  it('list the buckets of a range in order, partial buckets at the ends included', () => {
    const months = periodsBetween('2024-11-15', '2025-02-01', 'month')
    expect(months.ok && months.value).toEqual(['2024-11', '2024-12', '2025-01', '2025-02'])
    const weeks = periodsBetween('2024-12-29', '2025-01-06', 'week')
    expect(weeks.ok && weeks.value).toEqual(['2024-W52', '2025-W01', '2025-W02'])
  })

  it('refuse a reversed, malformed or endless range', () => {
    const code = (r: ReturnType<typeof periodsBetween>) => (r.ok ? undefined : r.error.code)
    expect(code(periodsBetween('2025-02-01', '2025-01-01', 'day'))).toBe(
      'statistics.errors.periodRangeReversed',
    )
    expect(code(periodsBetween('2025-02-30', '2025-03-01', 'day'))).toBe('statistics.errors.invalidDate')
    expect(code(periodsBetween('2000-01-01', '2025-01-01', 'day'))).toBe(
      'statistics.errors.periodRangeTooLong',
    )
  })
})

import { describe, expect, it } from 'vitest'
import { addDays, ageOn, daysBetween, isIsoDate, isoWeekday, toEpochDay } from './calendar.ts'

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2025-02-29')).toBe(false)
    expect(isIsoDate('2025-04-31')).toBe(false)
    expect(isIsoDate('2025-4-03')).toBe(false)
    expect(isIsoDate('2025-13-01')).toBe(false)
  })

  it('adds days across month and year ends', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59)
  })

  it('keeps years below 100 as they are', () => {
    expect(addDays('0050-01-01', 1)).toBe('0050-01-02')
    expect(toEpochDay('1970-01-02')).toBe(1)
  })

  it('numbers weekdays from Monday', () => {
    expect(isoWeekday('2025-01-06')).toBe(1)
    expect(isoWeekday('2025-01-05')).toBe(7)
  })

  it('counts completed years, a leapling ageing on 1 March in common years', () => {
    expect(ageOn('2000-06-15', '2025-06-14')).toBe(24)
    expect(ageOn('2000-06-15', '2025-06-15')).toBe(25)
    expect(ageOn('2004-02-29', '2025-02-28')).toBe(20)
    expect(ageOn('2004-02-29', '2025-03-01')).toBe(21)
  })
})

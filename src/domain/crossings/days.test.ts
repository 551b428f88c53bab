import { describe, expect, it } from 'vitest'
import { ageOn, daysBetween, isCalendarDay } from './days.ts'

describe('calendar days', () => {
  it('counts whole days across months, leap days and years', () => {
    expect(daysBetween('2026-01-01', '2026-01-01')).toBe(0)
    expect(daysBetween('2026-01-31', '2026-02-01')).toBe(1)
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2)
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1)
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9)
  })

  it('accepts only real days', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true)
    expect(isCalendarDay('2028-02-29')).toBe(true)
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-1-1', '', 'tomorrow'])
      expect(isCalendarDay(bad), bad).toBe(false)
  })

  it('gives the age in completed years, or null when the birth date is partial', () => {
    expect(ageOn('2015-06-15', '2026-06-14')).toBe(10)
    expect(ageOn('2015-06-15', '2026-06-15')).toBe(11)
    expect(ageOn('2014-06-15', '2026-06-15')).toBe(12)
    expect(ageOn('2015-06', '2026-06-15')).toBeNull()
    expect(ageOn(null, '2026-06-15')).toBeNull()
  })
})

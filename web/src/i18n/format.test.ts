import { describe, expect, it } from 'vitest'
import { dayToText, formatDateTime, formatDay, formatNumber, formatTime, parseDay } from './format.ts'

describe('dates, times and numbers in both languages', () => {
  // 13:30 UTC is 20:30 in Phnom Penh, and already the next day for 17:30 UTC.
  it('reads a moment on Cambodia’s clock, day first, 24-hour, whatever the machine’s zone', () => {
    expect(formatDateTime('2026-12-04T13:30:00Z', 'en')).toBe('4 Dec 2026, 20:30')
    expect(formatDateTime('2026-12-04T17:30:00Z', 'en')).toBe('5 Dec 2026, 00:30')
    expect(formatTime('2026-12-04T13:30:05Z', 'en', true)).toBe('20:30:05')
  })

  it('writes Khmer month names and Khmer digits only in the Khmer interface', () => {
    const km = formatDateTime('2026-12-04T13:30:00Z', 'km')
    expect(km).toBe('៤ ធ្នូ ២០២៦, ២០:៣០')
    expect(km).not.toMatch(/[0-9A-Za-z]/)
    expect(formatDay('2026-01-31', 'km')).toBe('៣១ មករា ២០២៦')
    expect(formatDay('2026-01-31', 'en')).toBe('31 Jan 2026')
  })

  it('keeps what a partial day knows: the month and year, or the year alone', () => {
    expect(formatDay('1990-05', 'en')).toBe('May 1990')
    expect(formatDay('1990-05', 'km')).toBe('ឧសភា ១៩៩០')
    expect(formatDay('1990', 'km')).toBe('១៩៩០')
  })

  it('groups numbers with each language’s separators', () => {
    expect(formatNumber(12345.5, 'en')).toBe('12,345.5')
    expect(formatNumber(12345.5, 'km')).toBe('១២.៣៤៥,៥')
    expect(formatNumber(0, 'km')).toBe('០')
  })

  it('reads a typed day first, in either script, and refuses days that do not exist', () => {
    expect(parseDay('4/12/2026')).toBe('2026-12-04')
    expect(parseDay('04-12-2026')).toBe('2026-12-04')
    expect(parseDay('៤/១២/២០២៦')).toBe('2026-12-04')
    expect(parseDay('2026-12-04')).toBe('2026-12-04')
    expect(parseDay('12/31/2026')).toBeNull()
    expect(parseDay('31/02/2026')).toBeNull()
    expect(parseDay('')).toBeNull()
    expect(parseDay('yesterday')).toBeNull()
    expect(dayToText('2026-12-04')).toBe('04/12/2026')
  })

  it('shows nothing rather than "Invalid Date" for a malformed moment', () => {
    expect(formatDateTime('not a date', 'en')).toBe('')
  })
})

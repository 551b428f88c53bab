import { describe, expect, it } from 'vitest'
import {
  formatIsoDate,
  isCalendarDate,
  parseIsoDay,
  type RawDate,
  readRawDate,
  resolveBirthDate,
  resolveExpiryDate,
} from './dates.ts'

const ref = parseIsoDay('2026-05-20')!
const raw = (text: string) => readRawDate(text, 0) as RawDate
const birth = (text: string) => formatIsoDate(resolveBirthDate(raw(text), ref))
const expiry = (text: string) => formatIsoDate(resolveExpiryDate(raw(text), ref))

describe('MRZ dates', () => {
  it('puts a birth date in the latest century that is not in the future', () => {
    expect(birth('740812')).toBe('1974-08-12')
    expect(birth('260520')).toBe('2026-05-20')
    expect(birth('260521')).toBe('1926-05-21')
    expect(birth('000101')).toBe('2000-01-01')
  })

  it('puts an expiry date within fifty years either side of the reference date', () => {
    expect(expiry('120415')).toBe('2012-04-15')
    expect(expiry('760101')).toBe('2076-01-01')
    expect(expiry('770101')).toBe('1977-01-01')
    expect(expiry('990101')).toBe('1999-01-01')
  })

  it('keeps an unknown day or month as a reduced ISO date', () => {
    expect(birth('7408<<')).toBe('1974-08')
    expect(birth('74<<<<')).toBe('1974')
  })

  it('rejects a known day after an unknown month, and letters', () => {
    expect(readRawDate('74<<12', 0)).toBe('date_format')
    expect(readRawDate('74O812', 0)).toBe('date_format')
  })

  it('rejects month 13 and day 00 before the century is known', () => {
    expect(readRawDate('741312', 0)).toBe('date_invalid')
    expect(readRawDate('740800', 0)).toBe('date_invalid')
  })

  it('checks the calendar once the century is known (29 February 2000 exists, 1900 did not)', () => {
    expect(isCalendarDate({ year: 2000, month: 2, day: 29 })).toBe(true)
    expect(isCalendarDate({ year: 1900, month: 2, day: 29 })).toBe(false)
    expect(isCalendarDate({ year: 2025, month: 4, day: 31 })).toBe(false)
  })

  it('refuses reference days that are not calendar days', () => {
    expect(parseIsoDay('2026-02-30')).toBeNull()
    expect(parseIsoDay('20260520')).toBeNull()
  })
})

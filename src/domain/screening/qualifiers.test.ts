import { describe, expect, it } from 'vitest'
import {
  birthDateQualifier,
  compareBirthDates,
  nationalityQualifier,
  parsePartialDate,
  qualifierAdjustment,
  sexQualifier,
} from './qualifiers.ts'

const date = (s: string) => parsePartialDate(s)!

describe('parsePartialDate', () => {
  it('reads year, year-month and full dates, with unknown parts as 00 or XX', () => {
    expect(parsePartialDate('1990')).toEqual({ year: 1990 })
    expect(parsePartialDate('1990-04')).toEqual({ year: 1990, month: 4 })
    expect(parsePartialDate('1990-04-12')).toEqual({ year: 1990, month: 4, day: 12 })
    expect(parsePartialDate('1990-00-00')).toEqual({ year: 1990 })
    expect(parsePartialDate('1990-XX-XX')).toEqual({ year: 1990 })
    expect(parsePartialDate('12/04/1990')).toEqual({ year: 1990, month: 4, day: 12 })
  })

  it('ignores what is not a date', () => {
    expect(parsePartialDate('yesterday')).toBeUndefined()
    expect(parsePartialDate('')).toBeUndefined()
    expect(parsePartialDate('0001-01-01')).toBeUndefined()
  })
})

describe('compareBirthDates', () => {
  it('agrees at the precision both dates have', () => {
    expect(compareBirthDates(date('1990'), date('1990-04-12'))).toBe('partial-match')
    expect(compareBirthDates(date('1990-04'), date('1990-04-12'))).toBe('partial-match')
    expect(compareBirthDates(date('1990-04-12'), date('1990-04-12'))).toBe('match')
  })

  it('recognises a day/month swap, a near year and real differences', () => {
    expect(compareBirthDates(date('1990-04-12'), date('1990-12-04'))).toBe('day-month-swap')
    expect(compareBirthDates(date('1990'), date('1991-02-03'))).toBe('near-year')
    expect(compareBirthDates(date('1990-04-12'), date('1990-04-13'))).toBe('day-mismatch')
    expect(compareBirthDates(date('1990-04'), date('1990-05'))).toBe('day-mismatch')
    expect(compareBirthDates(date('1990-04-12'), date('1975-04-12'))).toBe('mismatch')
  })
})

describe('qualifiers', () => {
  it('explain a birth-date outcome with a message key and both dates', () => {
    expect(birthDateQualifier('1990-04-12', '1990-12-04')).toMatchObject({
      kind: 'birthDate',
      outcome: 'day-month-swap',
      messageKey: 'screening.qualifier.birthDate.dayMonthSwap',
      params: { a: '1990-04-12', b: '1990-12-04' },
    })
    expect(birthDateQualifier('1990', undefined)).toBeUndefined()
  })

  it('compare nationality only between codes of the same form', () => {
    expect(nationalityQualifier('KHM', ['THA', 'KHM'])?.outcome).toBe('match')
    expect(nationalityQualifier('KHM', 'VNM')).toMatchObject({ outcome: 'mismatch', adjustment: -0.1 })
    expect(nationalityQualifier('KH', 'VNM')).toBeUndefined()
  })

  it('count only a recorded F/M disagreement for sex', () => {
    expect(sexQualifier('F', 'male')?.outcome).toBe('mismatch')
    expect(sexQualifier('X', 'M')).toBeUndefined()
  })

  it('never let a positive qualifier lift a name that is not already a hit', () => {
    const same = { birthDate: '1990-04-12' }
    expect(qualifierAdjustment(0.5, 0.7, same, same)).toBe(0)
    expect(qualifierAdjustment(0.9, 0.7, same, same)).toBeGreaterThan(0)
    expect(qualifierAdjustment(0.5, 0.7, { sex: 'F' }, { sex: 'M' })).toBeLessThan(0)
  })
})

import { describe, expect, it } from 'vitest'
import { addRange, checkDigit, checkSumDigit, newCheckSum } from './check-digit.ts'

describe('7-3-1 check digit', () => {
  it('gives the ICAO 9303 date example 520727 the check digit 3', () => {
    expect(checkDigit('520727')).toBe(3)
  })

  it('matches published reference values for letters and fillers', () => {
    expect(checkDigit('123456BB')).toBe(5)
    expect(checkDigit('ABCDEFGHIJKLMNOPQRSTUVWXYZ')).toBe(7)
    expect(checkDigit('0123456789ABCDEF')).toBe(0)
    expect(checkDigit('L898902C3')).toBe(6)
  })

  it('counts the filler as zero, so trailing fillers do not change the digit', () => {
    expect(checkDigit('D23145890<<<')).toBe(checkDigit('D23145890'))
  })

  it('returns -1 for a character outside the ICAO set', () => {
    expect(checkDigit('L89890 2C3')).toBe(-1)
    expect(checkDigit('l898902c3')).toBe(-1)
    expect(checkDigit('L898902É3')).toBe(-1)
  })

  it('computes the same digit over several ranges as over their concatenation', () => {
    const sum = newCheckSum()
    addRange(sum, 'xxL898902C36yy', 2, 12)
    addRange(sum, '7408122', 0, 7)
    expect(checkSumDigit(sum)).toBe(checkDigit('L898902C367408122'))
  })
})

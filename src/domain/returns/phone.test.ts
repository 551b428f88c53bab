import { describe, expect, it } from 'vitest'
import { normalisePhone } from './phone.ts'

describe('normalisePhone', () => {
  it.each([
    ['012 345 678', '+85512345678'],
    ['097-123-4567', '+855971234567'],
    ['+855 12 345 678', '+85512345678'],
    ['+855 (0)12 345 678', '+85512345678'],
    ['85512345678', '+85512345678'],
    ['00855 97 123 4567', '+855971234567'],
    ['+66 81 234 5678', '+66812345678'],
  ])('writes %s as %s', (raw, e164) => {
    expect(normalisePhone(raw)).toBe(e164)
  })

  it.each(['12', '012 34', '0123456789012', '+855 1234', 'phone', '+0 12 345 678'])('refuses %s', (raw) => {
    expect(normalisePhone(raw)).toBeNull()
  })
})

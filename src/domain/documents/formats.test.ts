import { describe, expect, it } from 'vitest'
import { detectFormat } from './formats.ts'

const line = (first: string, length: number) => first.padEnd(length, '<')

describe('format detection', () => {
  it('reads three lines of 30 as TD1', () => {
    expect(detectFormat([line('I<UTO', 30), line('', 30), line('', 30)])).toBe('TD1')
  })

  it('tells a TD2 card from an MRV-B visa by the document code', () => {
    expect(detectFormat([line('I<UTO', 36), line('', 36)])).toBe('TD2')
    expect(detectFormat([line('V<UTO', 36), line('', 36)])).toBe('MRVB')
  })

  it('tells a TD3 passport from an MRV-A visa by the document code', () => {
    expect(detectFormat([line('P<UTO', 44), line('', 44)])).toBe('TD3')
    expect(detectFormat([line('V<UTO', 44), line('', 44)])).toBe('MRVA')
  })

  it('recognises no format when the lines differ in length or count', () => {
    expect(detectFormat([line('P<UTO', 44), line('', 43)])).toBeNull()
    expect(detectFormat([line('P<UTO', 44)])).toBeNull()
    expect(detectFormat([line('I<UTO', 30), line('', 30)])).toBeNull()
    expect(detectFormat([])).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import {
  documentKey,
  normaliseDocumentNumber,
  normaliseIssuingState,
  ocrCanonical,
  ocrVariants,
} from './documents.ts'

describe('document numbers', () => {
  it('normalise case, spaces, hyphens and the MRZ filler', () => {
    expect(normaliseDocumentNumber(' n0 123-456<<')).toBe('N0123456')
    expect(normaliseDocumentNumber('ab/12.34')).toBe('AB1234')
    expect(normaliseDocumentNumber('x'.repeat(10_000)).length).toBe(30)
  })

  it('normalise issuing states and reject what is not a code', () => {
    expect(normaliseIssuingState('khm')).toBe('KHM')
    expect(normaliseIssuingState('D<<')).toBe('D')
    expect(normaliseIssuingState('K1M')).toBeUndefined()
    expect(documentKey('khm', 'n 0123')).toBe('KHM:N0123')
    expect(documentKey('', 'N0123')).toBeUndefined()
  })

  it('give every OCR misreading of a number one canonical form', () => {
    expect(ocrCanonical('AB1O5')).toBe(ocrCanonical('A8I05'))
    expect(ocrCanonical('SZG')).toBe('526')
  })

  it('list OCR-confusion variants, fewest changes first, within the limits', () => {
    const variants = ocrVariants('NO1')
    expect(variants[0]).toBe('NO1')
    expect(variants).toContain('N01')
    expect(variants).toContain('NOI')
    expect(variants).toContain('N0I')
    expect(variants).toHaveLength(4)
    expect(ocrVariants('OOOOOOOOO', { limit: 10 })).toHaveLength(10)
    expect(ocrVariants('OOOO', { maxChanges: 1 })).toHaveLength(5)
    expect(ocrVariants('<<<')).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { ISO_3166_ALPHA3 } from './iso3166-alpha3.ts'
import { isKnownStateCode, readStateCode } from './issuing-states.ts'

describe('issuing states and nationalities', () => {
  it('holds the 249 ISO 3166-1 alpha-3 codes, Cambodia and its neighbours among them', () => {
    expect(new Set(ISO_3166_ALPHA3).size).toBe(249)
    for (const code of ['KHM', 'THA', 'VNM', 'LAO', 'CHN']) expect(isKnownStateCode(code)).toBe(true)
  })

  it('normalises the German D<< to DEU and keeps the raw value', () => {
    expect(readStateCode('D<<')).toEqual({ raw: 'D', code: 'DEU', kind: 'special' })
  })

  it('accepts the ICAO special codes', () => {
    for (const code of [
      'XXA',
      'XXB',
      'XXC',
      'XXX',
      'UNO',
      'UNA',
      'UNK',
      'EUE',
      'XOM',
      'XPO',
      'GBN',
      'RKS',
      'XXK',
    ]) {
      expect(readStateCode(code).kind, code).toBe('special')
    }
  })

  it('accepts the specimen state UTO only in specimen mode', () => {
    expect(isKnownStateCode('UTO')).toBe(false)
    expect(isKnownStateCode('UTO', true)).toBe(true)
  })

  it('rejects made-up codes and keeps withdrawn ones apart', () => {
    expect(readStateCode('ZZZ').kind).toBe('unknown')
    expect(readStateCode('K<<').kind).toBe('unknown')
    expect(readStateCode('ANT').kind).toBe('deprecated')
  })
})

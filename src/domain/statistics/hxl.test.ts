import { describe, expect, it } from 'vitest'
import { DEFAULT_AGE_BANDS } from './age-bands.ts'
import { attributeOf, formatHashtag, parseHashtag, validateHxlRow } from './hxl.ts'
import { ageAttributes, HXL_MEASURES, HXL_ROW_DIMENSIONS, pivotAttributes } from './hxl-mapping.ts'

describe('HXL hashtags', () => {
  it('parse a tag with attributes, lower-cased, whitespace before + allowed', () => {
    expect(parseHashtag('#Affected +F +Adults')).toEqual({ tag: 'affected', attributes: ['f', 'adults'] })
    expect(parseHashtag('#adm1+name')).toEqual({ tag: 'adm1', attributes: ['name'] })
    expect(parseHashtag('  #date  ')).toEqual({ tag: 'date', attributes: [] })
  })

  it('reject what the HXL syntax does not allow', () => {
    for (const bad of [
      'affected',
      '#',
      '#1adm',
      '#adm-1',
      '#affected+',
      '#affected+1f',
      '#affected f',
      '#aff ected',
      '#affected++f',
    ]) {
      expect(parseHashtag(bad), bad).toBeUndefined()
    }
  })

  it('validate a row: empty cells are untagged columns, at least one hashtag, same width as the headings', () => {
    expect(validateHxlRow(['#date', '', '#affected+f+adults']).ok).toBe(true)
    const code = (r: ReturnType<typeof validateHxlRow>) => (r.ok ? undefined : r.error)
    expect(code(validateHxlRow(['', ' ']))).toEqual({ code: 'statistics.errors.noHxlHashtags' })
    expect(code(validateHxlRow(['#date', 'Province']))).toEqual({
      code: 'statistics.errors.invalidHxlHashtag',
      params: { column: 2, value: 'Province' },
    })
    expect(code(validateHxlRow(['#date'], 2))?.code).toBe('statistics.errors.hxlRowLengthMismatch')
  })

  it('turn codes into attribute words', () => {
    expect(attributeOf('Transit-Visa 2')).toBe('transit_visa_2')
    expect(attributeOf('18-24')).toBe('v18_24')
    expect(attributeOf('ប')).toBe('blank')
  })
})

describe('HXL mapping', () => {
  it('gives valid hashtags for every row dimension and measure', () => {
    for (const tag of [...Object.values(HXL_ROW_DIMENSIONS), ...Object.values(HXL_MEASURES)]) {
      expect(parseHashtag(formatHashtag(tag))).toEqual(tag)
    }
  })

  it('maps sex to HXL core attributes and keeps other codes apart', () => {
    expect(pivotAttributes('sex', 'f', DEFAULT_AGE_BANDS)).toEqual(['f'])
    expect(pivotAttributes('sex', 'male', DEFAULT_AGE_BANDS)).toEqual(['m'])
    expect(pivotAttributes('sex', 'unknown', DEFAULT_AGE_BANDS)).toEqual(['sex_unknown'])
  })

  it('maps an age band to its life stage and its exact range', () => {
    expect(ageAttributes('0-4', DEFAULT_AGE_BANDS)).toEqual(['children', 'age_0_4'])
    expect(ageAttributes('18-24', DEFAULT_AGE_BANDS)).toEqual(['adults', 'age_18_24'])
    expect(ageAttributes('60+', DEFAULT_AGE_BANDS)).toEqual(['elderly', 'age_60_plus'])
    expect(ageAttributes('unknown', DEFAULT_AGE_BANDS)).toEqual(['age_unknown'])
  })

  it('gives a band straddling 18 only its range, since it is neither children nor adults', () => {
    expect(ageAttributes('15-24', [{ from: 15, to: 24, label: '15-24' }])).toEqual(['age_15_24'])
  })

  it('prefixes other pivoted values with their dimension', () => {
    expect(pivotAttributes('direction', 'entry', DEFAULT_AGE_BANDS)).toEqual(['dir_entry'])
    expect(pivotAttributes('vulnerabilityType', 'noDocuments', DEFAULT_AGE_BANDS)).toEqual([
      'vuln_nodocuments',
    ])
  })
})

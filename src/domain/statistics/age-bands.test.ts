import { describe, expect, it } from 'vitest'
import { ageBandOf, compareDimensionValues, DEFAULT_AGE_BANDS, defineAgeBands } from './age-bands.ts'

function errorOf(bounds: number[]) {
  const result = defineAgeBands(bounds)
  return result.ok ? undefined : result.error.code
}

describe('age bands', () => {
  it('default to 0–4, 5–11, 12–17, 18–24, 25–59, 60+', () => {
    expect(DEFAULT_AGE_BANDS.map((b) => b.label)).toEqual(['0-4', '5-11', '12-17', '18-24', '25-59', '60+'])
  })

  it('put every age in exactly one band, boundaries included', () => {
    expect(ageBandOf(0)?.label).toBe('0-4')
    expect(ageBandOf(4)?.label).toBe('0-4')
    expect(ageBandOf(5)?.label).toBe('5-11')
    expect(ageBandOf(17)?.label).toBe('12-17')
    expect(ageBandOf(18)?.label).toBe('18-24')
    expect(ageBandOf(59)?.label).toBe('25-59')
    expect(ageBandOf(60)?.label).toBe('60+')
    expect(ageBandOf(104)?.label).toBe('60+')
  })

  it('leave impossible ages out of every band', () => {
    expect(ageBandOf(-1)).toBeUndefined()
    expect(ageBandOf(3.5)).toBeUndefined()
    expect(ageBandOf(Number.NaN)).toBeUndefined()
  })

  it('accept a configuration such as 0–14, 15–17, 18+', () => {
    const result = defineAgeBands([0, 15, 18])
    expect(result.ok && result.value.map((b) => b.label)).toEqual(['0-14', '15-17', '18+'])
  })

  it('refuse configurations with gaps, overlaps or nonsense', () => {
    expect(errorOf([])).toBe('statistics.errors.ageBandsEmpty')
    expect(errorOf([1, 5])).toBe('statistics.errors.ageBandsMustStartAtZero')
    expect(errorOf([0, 5, 5])).toBe('statistics.errors.ageBandsNotIncreasing')
    expect(errorOf([0, 12, 5])).toBe('statistics.errors.ageBandsNotIncreasing')
    expect(errorOf([0, 4.5])).toBe('statistics.errors.ageBandsNotWholeYears')
    expect(errorOf([0, 150])).toBe('statistics.errors.ageBandsTooOld')
  })

  it('sort by their lower bound, and other codes by code', () => {
    const shuffled = ['60+', '12-17', '0-4', '25-59', '5-11', '18-24']
    expect([...shuffled].sort(compareDimensionValues)).toEqual([
      '0-4',
      '5-11',
      '12-17',
      '18-24',
      '25-59',
      '60+',
    ])
    expect(['0-14', '15-17', '18+'].reverse().sort(compareDimensionValues)).toEqual(['0-14', '15-17', '18+'])
    expect(['KH-2', 'KH-12', 'F', '*'].sort(compareDimensionValues)).toEqual(['*', 'F', 'KH-12', 'KH-2'])
    expect(['2025-10', '2024-12', '2025-09'].sort(compareDimensionValues)).toEqual([
      '2024-12',
      '2025-09',
      '2025-10',
    ])
  })
})

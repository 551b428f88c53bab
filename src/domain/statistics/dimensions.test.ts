import { describe, expect, it } from 'vitest'
import { resolveDimensions, UNKNOWN, valuesOf } from './dimensions.ts'

function errorOf(names: string[]) {
  const result = resolveDimensions(names)
  return result.ok ? undefined : result.error
}

function one(name: string) {
  const result = resolveDimensions([name])
  if (!result.ok) throw new Error(result.error.code)
  return result.value[0]!
}

describe('dimension catalogue', () => {
  it('resolves catalogued dimensions and period units', () => {
    const result = resolveDimensions(['sex', 'ageBand', 'period:quarter'])
    expect(result.ok && result.value.map((d) => [d.definition.id, d.unit])).toEqual([
      ['sex', undefined],
      ['ageBand', undefined],
      ['period', 'quarter'],
    ])
  })

  it('names an unknown dimension in a stable error', () => {
    expect(errorOf(['sex', 'religion'])).toEqual({
      code: 'statistics.errors.unknownDimension',
      params: { dimension: 'religion' },
    })
  })

  it('refuses a period without a unit, an unknown unit, and a unit on a dimension that has none', () => {
    expect(errorOf(['period'])?.code).toBe('statistics.errors.periodUnitRequired')
    expect(errorOf(['period:fortnight'])?.code).toBe('statistics.errors.invalidPeriodUnit')
    expect(errorOf(['sex:month'])?.code).toBe('statistics.errors.unexpectedDimensionUnit')
  })

  it('refuses the same dimension twice, even at two period units', () => {
    expect(errorOf(['sex', 'sex'])?.code).toBe('statistics.errors.duplicateDimension')
    expect(errorOf(['period:month', 'period:year'])?.code).toBe('statistics.errors.duplicateDimension')
  })

  it('refuses more dimensions than a table can show without suppressing nearly everything', () => {
    expect(errorOf(['sex', 'ageBand', 'post', 'nationality', 'direction'])?.code).toBe(
      'statistics.errors.tooManyDimensions',
    )
  })

  it('counts missing, empty and impossible values as unknown', () => {
    expect(valuesOf({}, one('sex'))).toEqual([UNKNOWN])
    expect(valuesOf({ sex: '' }, one('sex'))).toEqual([UNKNOWN])
    expect(valuesOf({ age: -3 }, one('ageBand'))).toEqual([UNKNOWN])
    expect(valuesOf({ date: '2025-02-30' }, one('period:month'))).toEqual([UNKNOWN])
    expect(valuesOf({ vulnerabilityTypes: [] }, one('vulnerabilityType'))).toEqual([UNKNOWN])
  })

  it('gives each distinct value of a multi-valued dimension once', () => {
    expect(valuesOf({ vulnerabilityTypes: ['health', 'debt', 'health'] }, one('vulnerabilityType'))).toEqual([
      'health',
      'debt',
    ])
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generaliseAge, generaliseDate, keepOnly } from './generalise.ts'
import {
  checkKAnonymity,
  checkKFloor,
  type DeidentifiedRecord,
  HARD_MINIMUM_K,
  kForExport,
  withoutSmallClasses,
} from './k-anonymity.ts'

function victims(n: number, fields: DeidentifiedRecord): DeidentifiedRecord[] {
  return Array.from({ length: n }, () => ({ ...fields }))
}

function report(records: DeidentifiedRecord[], qis: string[], k?: number) {
  const result = checkKAnonymity(records, qis, k)
  if (!result.ok) throw new Error(result.error.code)
  return result.value
}

describe('k-anonymity check', () => {
  const data = [
    ...victims(12, { gender: 'Female', ageBand: '18-24', citizenship: 'KH', year: '2024' }),
    ...victims(11, { gender: 'Male', ageBand: '25-59', citizenship: 'KH', year: '2024' }),
    ...victims(3, { gender: 'Female', ageBand: '12-17', citizenship: 'VN', year: '2024' }),
    ...victims(1, { gender: 'Male', ageBand: '60+', citizenship: 'TH', year: '2025' }),
  ]

  it('uses k = 11 by default, as CTDC publishes, and reports the classes under it', () => {
    const r = report(data, ['gender', 'ageBand', 'citizenship', 'year'])
    expect(r).toMatchObject({ k: 11, satisfied: false, records: 27, classes: 4, recordsInSmallClasses: 4 })
    expect(r.tooSmall).toEqual([
      { values: { gender: 'Male', ageBand: '60+', citizenship: 'TH', year: '2025' }, size: 1 },
      { values: { gender: 'Female', ageBand: '12-17', citizenship: 'VN', year: '2024' }, size: 3 },
    ])
  })

  it('is satisfied when every class reaches k, here on fewer quasi-identifiers', () => {
    expect(report(data, ['year'], 2).satisfied).toBe(false)
    expect(report(data.slice(0, 23), ['gender', 'year']).satisfied).toBe(true)
  })

  it('counts a missing value as a value of its own, never as a wildcard', () => {
    const r = report([...victims(11, { gender: 'Female' }), { gender: null }], ['gender'])
    expect(r.tooSmall).toEqual([{ values: { gender: '(missing)' }, size: 1 }])
  })

  it('withholds the records of small classes as a last resort, leaving a k-anonymous set', () => {
    const result = withoutSmallClasses(data, ['gender', 'ageBand', 'citizenship', 'year'])
    if (!result.ok) throw new Error(result.error.code)
    expect(result.value.withheld).toBe(4)
    expect(report(result.value.kept, ['gender', 'ageBand', 'citizenship', 'year']).satisfied).toBe(true)
  })

  it('leaves a k-anonymous set after withholding, whatever the data (property)', () => {
    const record = fc.record({
      g: fc.constantFrom('F', 'M'),
      a: fc.constantFrom('0-4', '18-24', '60+'),
      c: fc.constantFrom('KH', 'TH'),
    })
    fc.assert(
      fc.property(fc.array(record, { maxLength: 80 }), fc.integer({ min: 2, max: 12 }), (records, k) => {
        const result = withoutSmallClasses(records, ['g', 'a', 'c'], k)
        if (!result.ok) throw new Error(result.error.code)
        expect(report(result.value.kept, ['g', 'a', 'c'], k).satisfied).toBe(true)
        expect(result.value.kept.length + result.value.withheld).toBe(records.length)
      }),
      { numRuns: 100 },
    )
  })

  it('refuses a k below 2, no quasi-identifiers, or a field no record has', () => {
    const code = (r: ReturnType<typeof checkKAnonymity>) => (r.ok ? undefined : r.error)
    expect(code(checkKAnonymity(data, ['gender'], 1))?.code).toBe('protection.errors.invalidK')
    expect(code(checkKAnonymity(data, []))?.code).toBe('protection.errors.noQuasiIdentifiers')
    expect(code(checkKAnonymity(data, ['gender', 'ethnicity']))).toEqual({
      code: 'protection.errors.unknownQuasiIdentifier',
      params: { field: 'ethnicity' },
    })
  })
})

describe('generalisation helpers', () => {
  it('turn ages into bands and dates into years, quarters or months', () => {
    expect(generaliseAge(17)).toBe('12-17')
    expect(generaliseAge(null)).toBe('*')
    expect(
      generaliseAge(16, [
        { from: 0, to: 17, label: '0-17' },
        { from: 18, to: null, label: '18+' },
      ]),
    ).toBe('0-17')
    expect(generaliseDate('2024-11-03', 'year')).toBe('2024')
    expect(generaliseDate('2024-11-03', 'quarter')).toBe('2024-Q4')
    expect(generaliseDate('2024-11-03', 'month')).toBe('2024-11')
    expect(generaliseDate('2024-02-30', 'year')).toBe('*')
  })

  it('fold rare values into "other"', () => {
    const region = new Set(['KH', 'TH', 'VN', 'LA', 'MM'])
    expect(keepOnly('TH', region)).toBe('TH')
    expect(keepOnly('IN', region)).toBe('other')
    expect(keepOnly(undefined, region)).toBe('*')
  })
})

describe('the k floor', () => {
  it('runs at the floor when no k is asked, at a higher k when asked, and refuses any k under the floor', () => {
    expect(kForExport(undefined, 11)).toEqual({ ok: true, value: 11 })
    expect(kForExport(20, 11)).toEqual({ ok: true, value: 20 })
    for (const k of [2, 0, -5, 10])
      expect(kForExport(k, 11)).toEqual({
        ok: false,
        error: { code: 'protection.errors.kBelowFloor', params: { k, floor: 11 } },
      })
    expect(kForExport(2.5, 11).ok).toBe(false)
  })

  it('lets a floor be set from the hard minimum to the maximum only', () => {
    expect(checkKFloor(HARD_MINIMUM_K)).toEqual({ ok: true, value: HARD_MINIMUM_K })
    expect(checkKFloor(15)).toEqual({ ok: true, value: 15 })
    for (const floor of [HARD_MINIMUM_K - 1, 2, 0, -1, 11.5, 1001]) expect(checkKFloor(floor).ok).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { checkKAnonymity } from '../../domain/protection/k-anonymity.ts'
import { seededRandom } from '../../domain/statistics/random.ts'
import { anonymiseMicrodata, MICRODATA_QUASI_IDENTIFIERS, type MicrodataRow } from './export-microdata.ts'

function rows(n: number, make: (i: number) => Partial<MicrodataRow>): MicrodataRow[] {
  return Array.from({ length: n }, (_, i) => ({
    month: '2026-10',
    post: 'LAND-POIPET',
    direction: 'entry',
    nationality: 'KHM',
    sex: 'F',
    ageBand: '25-59',
    ...make(i),
  }))
}

/** A month of crossings at a few posts with a long tail of rare nationalities and ages. */
function traffic(n: number, seed: number): MicrodataRow[] {
  const random = seededRandom(seed)
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)] as T
  return rows(n, () => ({
    month: pick(['2026-07', '2026-08', '2026-09']),
    post: pick(['LAND-POIPET', 'LAND-BAVET', 'AIR-PNH']),
    nationality:
      random() < 0.9 ? pick(['KHM', 'THA', 'VNM']) : pick(['FRA', 'USA', 'JPN', 'KOR', 'CHN', 'AUS']),
    sex: pick(['F', 'M']),
    ageBand: pick(['0-4', '5-11', '12-17', '18-24', '25-59', '60+']),
  }))
}

const qis = [...MICRODATA_QUASI_IDENTIFIERS]

describe('k-anonymity of a microdata export', () => {
  it('releases rows as they are when every group already has k', () => {
    const data = [...rows(11, () => ({})), ...rows(12, () => ({ sex: 'M' }))]
    const result = anonymiseMicrodata(data, { k: 11 })
    expect(result).toMatchObject({ ok: true, value: { steps: [], withheld: 0, records: 23 } })
  })

  it('generalises step by step and withholds the last small groups until k holds', () => {
    const data = traffic(3000, 11)
    expect(checkKAnonymity(data, qis, 11)).toMatchObject({ ok: true, value: { satisfied: false } })
    const result = anonymiseMicrodata(data, { k: 11 })
    if (!result.ok) throw new Error(result.error.code)
    expect(result.value.steps.length).toBeGreaterThan(0)
    expect(checkKAnonymity(result.value.rows, qis, 11)).toMatchObject({
      ok: true,
      value: { satisfied: true },
    })
    expect(result.value.rows.length + result.value.withheld).toBe(3000)
    expect(result.value.withheld).toBeLessThanOrEqual(150)
  })

  it('keeps children apart from adults when it coarsens ages', () => {
    const data = [
      ...rows(6, () => ({ ageBand: '5-11' })),
      ...rows(6, () => ({ ageBand: '12-17' })),
      ...rows(20, () => ({ ageBand: '18-24' })),
    ]
    const result = anonymiseMicrodata(data, { k: 11 })
    if (!result.ok) throw new Error(result.error.code)
    expect(result.value.steps).toEqual(['ageToLifeStage'])
    expect(new Set(result.value.rows.map((r) => r.ageBand))).toEqual(new Set(['0-17', '18-59']))
  })

  it('refuses rather than release almost nothing when too few records remain in groups of k', () => {
    const data = rows(30, (i) => ({
      post: `POST-${i % 3}`,
      sex: i % 2 ? 'F' : 'M',
      month: `2026-0${(i % 9) + 1}`,
    }))
    const result = anonymiseMicrodata(data.slice(0, 15), { k: 11 })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'exports.errors.kAnonymityUnreachable', params: { k: 11 } },
    })
  })
})

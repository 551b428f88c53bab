import { describe, expect, it } from 'vitest'
import type { StatisticsCatalog } from '../../../src/app/statistics/statistics.contract.ts'
import { defaultState, withFilter } from './dashboard-state.ts'
import { type FigureSpec, figureIndicator, figureQuery } from './figure-spec.ts'

const catalog: StatisticsCatalog = {
  measures: [
    { id: 'movements', labelKey: 'x', dimensions: ['period', 'post', 'direction', 'sex', 'nationality'] },
    { id: 'returnees', labelKey: 'x', dimensions: ['period', 'sex', 'ageBand', 'provinceOfReturn'] },
  ],
  dimensions: [],
  indicators: [{ id: 'sdg-16-2-2', labelKey: 'x', definitionKey: 'y' }],
  suppressionThreshold: 10,
}
const state = withFilter(withFilter(defaultState(new Date('2026-11-21')), 'post', ['LAND-POIPET']), 'sex', [
  'F',
])

describe('figures asked of the statistics API', () => {
  it('uses the first measure the catalog has and the period unit chosen', () => {
    const spec: FigureSpec = {
      kind: 'timeSeries',
      label: 'l',
      measure: ['crossings', 'movements'],
      series: 'direction',
    }
    expect(figureQuery(spec, catalog, { ...state, unit: 'quarter' })).toEqual({
      measure: 'movements',
      dimensions: ['period:quarter', 'direction'],
      from: state.from,
      to: state.to,
      filters: { post: ['LAND-POIPET'], sex: ['F'] },
    })
  })

  it('drops filters the measure cannot be narrowed by', () => {
    const spec: FigureSpec = { kind: 'pyramid', label: 'l', measure: ['returnees'] }
    expect(figureQuery(spec, catalog, state)?.filters).toEqual({ sex: ['F'] })
  })

  it('leaves out a figure whose measure or dimension is not counted', () => {
    expect(figureQuery({ kind: 'pyramid', label: 'l', measure: ['victims'] }, catalog, state)).toBeNull()
    const byPurpose: FigureSpec = {
      kind: 'bars',
      label: 'l',
      measure: ['movements'],
      category: 'travelPurpose',
    }
    expect(figureQuery(byPurpose, catalog, state)).toBeNull()
  })

  it('leaves out an indicator the catalog does not offer', () => {
    expect(figureIndicator({ kind: 'indicator', label: 'l', indicator: 'sdg-16-2-2' }, catalog)).toBe(
      'sdg-16-2-2',
    )
    expect(
      figureIndicator({ kind: 'indicator', label: 'l', indicator: 'referral-completion-rate' }, catalog),
    ).toBeNull()
  })
})

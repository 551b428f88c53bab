import { describe, expect, it } from 'vitest'
import {
  type DashboardState,
  defaultState,
  drillIntoPeriod,
  drillIntoPost,
  parseState,
  stateToSearch,
  withFilter,
} from './dashboard-state.ts'

const TODAY = new Date('2026-11-21T10:00:00Z')
const defaults = defaultState(TODAY)

describe('dashboard state in the URL', () => {
  it('defaults to the last twelve whole months by month', () => {
    expect(defaults).toEqual({
      view: 'national',
      from: '2025-12-01',
      to: '2026-11-21',
      unit: 'month',
      filters: {},
    })
  })

  it("ends on Cambodia's day, not the browser's UTC day, late in the UTC evening", () => {
    // 17:30 UTC on 31 December is 00:30 on 1 January in Phnom Penh: the range moves to the new year.
    expect(defaultState(new Date('2026-12-31T17:30:00Z'))).toMatchObject({
      from: '2026-02-01',
      to: '2027-01-01',
    })
    expect(defaultState(new Date('2026-12-31T16:59:00Z'))).toMatchObject({
      from: '2026-01-01',
      to: '2026-12-31',
    })
  })

  it('survives a round trip through the query string', () => {
    const state: DashboardState = {
      view: 'returns',
      from: '2026-01-01',
      to: '2026-03-31',
      unit: 'week',
      filters: { provinceOfReturn: ['KH-1', 'KH-2'], sex: ['F'] },
    }
    expect(parseState(stateToSearch(state), defaults)).toEqual(state)
  })

  it('replaces malformed parameters with the defaults', () => {
    const s = parseState(
      '?view=secret&from=yesterday&to=2026-02-30x&unit=fortnight&post=LAND-POIPET',
      defaults,
    )
    expect(s).toEqual({ ...defaults, filters: { post: ['LAND-POIPET'] } })
  })

  it("applies the default filters (a post chief's post) to a bare address only", () => {
    const chief = withFilter(defaultState(TODAY, 'post'), 'post', ['LAND-POIPET'])
    expect(parseState('', chief)).toEqual(chief)
    expect(parseState('?view=national', chief).filters).toEqual({})
  })

  it('drills from a month into its days and from a quarter into its months', () => {
    expect(drillIntoPeriod(defaults, '2026-02')).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
      unit: 'day',
    })
    expect(drillIntoPeriod(defaults, '2026-Q2')).toMatchObject({
      from: '2026-04-01',
      to: '2026-06-30',
      unit: 'month',
    })
    expect(drillIntoPeriod(defaults, '2026-W01')).toMatchObject({
      from: '2025-12-29',
      to: '2026-01-04',
      unit: 'day',
    })
  })

  it('ignores a click on something that is not a period', () => {
    expect(drillIntoPeriod(defaults, 'unknown')).toBe(defaults)
  })

  it('opens the post view filtered to the clicked post, keeping the other filters', () => {
    const s = drillIntoPost(withFilter(defaults, 'sex', ['F']), 'LAND-BAVET')
    expect(s.view).toBe('post')
    expect(s.filters).toEqual({ sex: ['F'], post: ['LAND-BAVET'] })
  })

  it('removes a filter given no values', () => {
    expect(withFilter(withFilter(defaults, 'sex', ['F']), 'sex', []).filters).toEqual({})
  })
})

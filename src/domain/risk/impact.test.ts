import { describe, expect, it } from 'vitest'
import { AGE_BANDS, ageBand } from './age-band.ts'
import type { CrossingContext } from './context.ts'
import { impactCheck } from './impact.ts'
import { crossing, indicator, ruleSet } from './test-factories.ts'

const minors = ruleSet([indicator({ id: 'minor', action: 'secondary_interview', weight: 30 })], {
  versionId: 'new',
})
const khmerAdvice = ruleSet(
  [
    indicator({
      id: 'khmer',
      action: 'advise',
      condition: { field: 'traveller.nationality', op: 'eq', value: 'KHM' },
    }),
  ],
  { versionId: 'old' },
)

function* travellers(): Generator<CrossingContext> {
  yield crossing({
    traveller: { ageYears: 10, sex: 'female', nationality: 'KHM' },
    travel: { post: 'POIPET' },
  })
  yield crossing({ traveller: { ageYears: 16, sex: 'male', nationality: 'KHM' }, travel: { post: 'BAVET' } })
  yield crossing({
    traveller: { ageYears: 30, sex: 'female', nationality: 'THA' },
    travel: { post: 'POIPET' },
  })
  yield crossing({ traveller: { ageYears: null, sex: null, nationality: null }, travel: { post: null } })
}

describe('impact check', () => {
  it('counts whom a rule set would have flagged, by post, nationality, sex and age band', () => {
    const r = impactCheck(travellers(), { candidate: minors })
    expect([r.total, r.flagged]).toEqual([4, 2])
    expect(r.byPost).toEqual({
      POIPET: { total: 2, flagged: 1, secondaryInterviews: 1 },
      BAVET: { total: 1, flagged: 1, secondaryInterviews: 1 },
      unknown: { total: 1, flagged: 0, secondaryInterviews: 0 },
    })
    expect(r.byNationality.KHM).toEqual({ total: 2, flagged: 2, secondaryInterviews: 2 })
    expect(r.bySex.female).toEqual({ total: 2, flagged: 1, secondaryInterviews: 1 })
    expect(r.byAgeBand).toEqual({
      '5-11': { total: 1, flagged: 1, secondaryInterviews: 1 },
      '12-17': { total: 1, flagged: 1, secondaryInterviews: 1 },
      '25-59': { total: 1, flagged: 0, secondaryInterviews: 0 },
      unknown: { total: 1, flagged: 0, secondaryInterviews: 0 },
    })
    expect(r.bySuggestedAction).toEqual({ secondary_interview: 2, none: 2 })
  })

  it('counts the extra secondary interviews against the active rule set', () => {
    const current = ruleSet([
      indicator({
        id: 'adult_thai',
        action: 'secondary_interview',
        condition: { field: 'traveller.nationality', op: 'eq', value: 'THA' },
      }),
    ])
    const r = impactCheck(travellers(), { candidate: minors, current })
    expect(r.secondaryInterviews).toEqual({
      candidate: 2,
      current: 1,
      extra: 1,
      newlyReferred: 2,
      noLongerReferred: 1,
    })
    expect(r.currentVersionId).toBe('test-1')
    expect(impactCheck(travellers(), { candidate: minors }).secondaryInterviews.extra).toBe(2)
  })

  it('does not count advice as a secondary interview', () => {
    const r = impactCheck(travellers(), { candidate: khmerAdvice })
    expect([r.flagged, r.secondaryInterviews.candidate]).toEqual([2, 0])
  })

  it('warns when an indicator would flag nearly everyone in the recorded crossings', () => {
    const all = Array.from({ length: 10 }, (_, i) =>
      crossing({ traveller: { nationality: i < 9 ? 'KHM' : 'THA' } }),
    )
    const r = impactCheck(all, { candidate: khmerAdvice })
    expect(r.indicators).toEqual([{ id: 'khmer', hits: 9, share: 0.9, flagsNearlyEveryone: true }])
    expect(r.warnings).toEqual([
      { code: 'risk.impact.indicator_flags_nearly_everyone', params: { indicator: 'khmer', percent: 90 } },
      { code: 'risk.impact.rule_set_flags_nearly_everyone', params: { percent: 90 } },
    ])
    expect(impactCheck(all, { candidate: khmerAdvice, nearlyEveryoneShare: 0.95 }).warnings).toEqual([])
  })

  it('reports zeros for no crossings', () => {
    const r = impactCheck([], { candidate: minors })
    expect([r.total, r.flagged, r.warnings, r.indicators[0]?.share]).toEqual([0, 0, [], 0])
  })
})

describe('age bands', () => {
  it.each([
    [0, '0-4'],
    [4, '0-4'],
    [5, '5-11'],
    [11, '5-11'],
    [12, '12-17'],
    [17, '12-17'],
    [18, '18-24'],
    [24, '18-24'],
    [25, '25-59'],
    [59, '25-59'],
    [60, '60+'],
    [104, '60+'],
    [-1, 'unknown'],
    [null, 'unknown'],
  ])('puts age %s in band %s', (age, band) => {
    expect(ageBand(age)).toBe(band)
    expect(AGE_BANDS).toContain(band)
  })
})

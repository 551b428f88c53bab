import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { engines } from '../../test/test-db.ts'
import { draftWith } from './risk.testing.ts'

// Four crossings whose outcome under the default rules is worked out by hand:
//   A  THA male 40, tourist                       → nothing
//   B  KHM female 22, job offer via social media  → job_offer_via_social_media (secondary interview)
//   C  KHM male 30, first trip to Sihanoukville   → young_first_trip_scam_destination (advise)
//   D  THA female 16, alone, no consent letter    → minor_without_guardian (protection referral)
// The candidate raises C's indicator from "advise" to "secondary interview": one extra interview.
const CROSSINGS = [
  {
    traveller: { ageYears: 40, sex: 'male', nationality: 'THA' },
    travel: { purpose: 'tourism', jobOfferChannel: 'none' },
  },
  {
    traveller: { ageYears: 22, sex: 'female', nationality: 'KHM', firstInternationalTrip: false },
    travel: { purpose: 'work', jobOfferChannel: 'social_media' },
  },
  {
    traveller: { ageYears: 30, sex: 'male', nationality: 'KHM', firstInternationalTrip: true },
    travel: { purpose: 'work', jobOfferChannel: 'none', destinationArea: 'KHM:SIHANOUKVILLE' },
  },
  { traveller: { ageYears: 16, sex: 'female', nationality: 'THA' }, travel: { purpose: 'tourism' } },
]

describe.each(engines())('risk impact check on %s', (engine) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(engine)
  })
  afterAll(() => t.close())

  it('replays a draft over the recorded crossings and counts what it would change', async () => {
    const officer = await t.signIn('officer.poipet')
    const actions = []
    for (const context of CROSSINGS)
      actions.push(
        (await officer.request('POST', '/api/risk/evaluations', { context })).json().suggestedAction,
      )
    expect(actions).toEqual(['none', 'secondary_interview', 'advise', 'protection_referral'])

    const analyst = await t.signIn('analyst')
    const id = await draftWith(analyst, (rs) => {
      const i = rs.indicators.find((x) => x.id === 'young_first_trip_scam_destination')!
      i.action = 'secondary_interview'
    })
    const res = await analyst.request('POST', `/api/risk/rule-sets/${id}/impact-check`, { days: 7 })
    expect(res.statusCode).toBe(200)
    const { report, days } = res.json().impactCheck
    expect(days).toBe(7)
    expect(report).toMatchObject({
      total: 4,
      flagged: 3,
      secondaryInterviews: { candidate: 3, current: 2, extra: 1, newlyReferred: 1, noLongerReferred: 0 },
      byPost: { 'LAND-POIPET': { total: 4, flagged: 3, secondaryInterviews: 3 } },
      byNationality: {
        KHM: { total: 2, flagged: 2, secondaryInterviews: 2 },
        THA: { total: 2, flagged: 1, secondaryInterviews: 1 },
      },
      bySex: {
        female: { total: 2, flagged: 2, secondaryInterviews: 2 },
        male: { total: 2, flagged: 1, secondaryInterviews: 1 },
      },
      byAgeBand: {
        '12-17': { total: 1, flagged: 1, secondaryInterviews: 1 },
        '18-24': { total: 1, flagged: 1, secondaryInterviews: 1 },
        '25-59': { total: 2, flagged: 1, secondaryInterviews: 1 },
      },
    })
  })
})

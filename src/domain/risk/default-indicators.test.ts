import { describe, expect, it } from 'vitest'
import { DEFAULT_RULE_SET } from './default-rule-set.ts'
import { evaluate } from './evaluate.ts'
import { crossing, crossingsAgo } from './test-factories.ts'
import { hasKhmerScript } from './text.ts'

const hitsFor = (ctx: Parameters<typeof evaluate>[1]) =>
  evaluate(DEFAULT_RULE_SET, ctx).hits.map((h) => h.indicatorId)

describe('default indicators', () => {
  it('flag nothing for an ordinary tourist', () => {
    const r = evaluate(DEFAULT_RULE_SET, crossing())
    expect(r.hits).toEqual([])
    expect(r.suggestedAction).toBe('none')
  })

  it('cover the ten seeded situations, each citing at least two publications, complete in Khmer', () => {
    expect(DEFAULT_RULE_SET.indicators.map((i) => i.id)).toEqual([
      'young_first_trip_scam_destination',
      'job_offer_via_social_media',
      'recruitment_fee_or_debt',
      'inconsistent_travel_purpose',
      'shared_sponsor_recruiter_phone',
      'documents_held_by_other',
      'companion_answers_for_traveller',
      'minor_without_guardian',
      'short_stay_return_without_belongings',
      'repeated_crossing_pattern',
    ])
    for (const i of DEFAULT_RULE_SET.indicators) {
      expect(i.evidence.length, i.id).toBeGreaterThanOrEqual(2)
      expect(Object.values(i.text.km).every(hasKhmerScript), i.id).toBe(true)
      expect(i.questions.length, i.id).toBeGreaterThan(0)
    }
  })

  it('flag a young adult on a first trip towards a scam-compound area, but not an older or seasoned one', () => {
    const young = { ageYears: 23, firstInternationalTrip: true }
    const to = { destinationArea: 'MMR:MYAWADDY', direction: 'exit' as const }
    expect(hitsFor(crossing({ traveller: young, travel: to }))).toEqual(['young_first_trip_scam_destination'])
    expect(hitsFor(crossing({ traveller: { ...young, ageYears: 41 }, travel: to }))).toEqual([])
    expect(hitsFor(crossing({ traveller: { ...young, firstInternationalTrip: false }, travel: to }))).toEqual(
      [],
    )
    expect(hitsFor(crossing({ traveller: young }))).toEqual([])
  })

  it('flag a job offer received through social media, declared or told at interview', () => {
    expect(hitsFor(crossing({ travel: { purpose: 'work', jobOfferChannel: 'social_media' } }))).toEqual([
      'job_offer_via_social_media',
    ])
    expect(
      hitsFor(crossing({ travel: { purpose: 'work' }, interview: { jobOfferChannel: 'messaging_app' } })),
    ).toEqual(['job_offer_via_social_media'])
    expect(hitsFor(crossing({ travel: { purpose: 'work', jobOfferChannel: 'agency' } }))).toEqual([])
  })

  it('flag recruitment fees or debt once the traveller tells of them', () => {
    expect(hitsFor(crossing({ interview: { owesDebt: true } }))).toEqual(['recruitment_fee_or_debt'])
    expect(
      hitsFor(
        crossing({ interview: { paidRecruitmentFee: false, owesDebt: false, journeyPaidByOther: false } }),
      ),
    ).toEqual([])
  })

  it('flag documents held by someone else, seen at the desk or told', () => {
    expect(hitsFor(crossing({ document: { heldByTraveller: false } }))).toEqual(['documents_held_by_other'])
    expect(
      hitsFor(crossing({ companions: [{ relationship: 'friend', holdsTravellerDocuments: true }] })),
    ).toEqual(['documents_held_by_other'])
    expect(hitsFor(crossing({ interview: { documentsHeldByOther: true } }))).toEqual([
      'documents_held_by_other',
    ])
  })

  it('flag a companion answering for an adult, but not a parent answering for a young child', () => {
    const recruiter = { relationship: 'recruiter' as const, answersForTraveller: true }
    const parent = { relationship: 'parent' as const, answersForTraveller: true }
    expect(hitsFor(crossing({ companions: [recruiter] }))).toEqual(['companion_answers_for_traveller'])
    expect(hitsFor(crossing({ companions: [parent] }))).toEqual(['companion_answers_for_traveller'])
    expect(hitsFor(crossing({ traveller: { ageYears: 7 }, companions: [parent] }))).toEqual([])
  })

  it('flag a purpose that does not hold together', () => {
    expect(hitsFor(crossing({ interview: { statedPurpose: 'work' } }))).toEqual([
      'inconsistent_travel_purpose',
    ])
    expect(hitsFor(crossing({ travel: { purpose: 'family', jobOfferChannel: 'family_friend' } }))).toEqual([
      'inconsistent_travel_purpose',
    ])
    expect(hitsFor(crossing({ interview: { statedPurpose: 'tourism' } }))).toEqual([])
  })

  it('flag a minor without parent, guardian or consent letter for a protection referral', () => {
    const r = evaluate(DEFAULT_RULE_SET, crossing({ traveller: { ageYears: 15 } }))
    expect(r.hits.map((h) => h.indicatorId)).toEqual(['minor_without_guardian'])
    expect(r.suggestedAction).toBe('protection_referral')
    expect(r.hits[0]?.reason.en).toBe(
      'Aged 15, travelling without a parent or guardian and without a consent letter.',
    )
    expect(
      hitsFor(crossing({ traveller: { ageYears: 15 }, companions: [{ relationship: 'legal_guardian' }] })),
    ).toEqual([])
    expect(
      hitsFor(crossing({ traveller: { ageYears: 15 }, travel: { guardianConsentLetter: true } })),
    ).toEqual([])
  })

  it('flag several travellers with the same phone or unlicensed recruiter, but not a licensed agency', () => {
    expect(hitsFor(crossing({ network: { samePhoneTravellers7d: 6 } }))).toEqual([
      'shared_sponsor_recruiter_phone',
    ])
    expect(
      hitsFor(crossing({ network: { sameRecruiterTravellers7d: 12 }, travel: { recruiterLicensed: false } })),
    ).toEqual(['shared_sponsor_recruiter_phone'])
    expect(
      hitsFor(crossing({ network: { sameRecruiterTravellers7d: 12 }, travel: { recruiterLicensed: true } })),
    ).toEqual([])
    expect(hitsFor(crossing({ network: { sameSponsorTravellers7d: 9 } }))).toEqual([])
  })

  it('flag a return after a short stay without belongings, but not a border-pass day trip', () => {
    const back = { history: { lastStayDays: 12 }, travel: { carriesBelongings: false } }
    expect(hitsFor(crossing(back))).toEqual(['short_stay_return_without_belongings'])
    expect(hitsFor(crossing({ ...back, document: { type: 'border_pass' } }))).toEqual([])
  })

  it('flag repeated crossings and repeated escorting, but not a border-pass commuter', () => {
    const often = { history: { recentCrossings: crossingsAgo(1, 3, 5, 8, 12, 20, 29) } }
    expect(hitsFor(crossing(often))).toEqual(['repeated_crossing_pattern'])
    expect(hitsFor(crossing({ ...often, document: { type: 'border_pass' } }))).toEqual([])
    expect(
      hitsFor(
        crossing({
          history: { distinctCompanionsLast90Days: 5 },
          companions: [{ relationship: 'friend', ageYears: 30 }],
        }),
      ),
    ).toEqual(['repeated_crossing_pattern'])
  })

  it('combine indicators into a referral for a trafficked-looking journey', () => {
    const r = evaluate(
      DEFAULT_RULE_SET,
      crossing({
        traveller: { ageYears: 22, firstInternationalTrip: true, nationality: 'KHM' },
        document: { heldByTraveller: false },
        travel: {
          direction: 'exit',
          purpose: 'tourism',
          destinationArea: 'MMR:MYAWADDY',
          jobOfferChannel: 'social_media',
        },
      }),
    )
    expect(r.hits.map((h) => [h.indicatorId, h.weight])).toEqual([
      ['documents_held_by_other', 40],
      ['job_offer_via_social_media', 25],
      ['inconsistent_travel_purpose', 20],
      ['young_first_trip_scam_destination', 20],
    ])
    expect(r.score).toBe(100) // 105, capped
    expect(r.suggestedAction).toBe('protection_referral')
  })
})

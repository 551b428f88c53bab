import { describe, expect, it } from 'vitest'
import { DEFAULT_RULE_SET, impactCheck, type RuleSet } from '../../domain/risk/index.ts'
import { crossing } from '../../domain/risk/test-factories.ts'
import { mergeImpact } from './impact-merge.ts'

// The current version minus its strongest indicators, so the candidate adds interviews and the totals move.
const current: RuleSet = {
  ...DEFAULT_RULE_SET,
  versionId: 'current',
  indicators: DEFAULT_RULE_SET.indicators.filter(
    (i) => !['documents_held_by_other', 'minor_without_guardian'].includes(i.id),
  ),
}

const contexts = Array.from({ length: 11 }, (_, n) =>
  crossing({
    traveller: { ageYears: 12 + n * 5, sex: n % 2 ? 'female' : 'male', nationality: n % 3 ? 'KHM' : 'THA' },
    document: { heldByTraveller: n % 4 !== 0 },
    travel: { post: n % 2 ? 'LAND-POIPET' : 'LAND-BAVET', jobOfferChannel: n % 5 ? 'none' : 'social_media' },
  }),
)

describe('merging impact reports page by page', () => {
  it('gives the same report as one pass over all crossings, whatever the page size', () => {
    const options = { candidate: DEFAULT_RULE_SET, current }
    const whole = impactCheck(contexts, options)
    for (const size of [1, 3, 4, 11]) {
      let merged = impactCheck([], options)
      for (let i = 0; i < contexts.length; i += size)
        merged = mergeImpact(merged, impactCheck(contexts.slice(i, i + size), options))
      expect(merged, `pages of ${size}`).toEqual(whole)
    }
    expect(whole.secondaryInterviews.extra).toBeGreaterThan(0)
  })

  it('recomputes the "flags nearly everyone" warnings over the whole', () => {
    const everyone = Array.from({ length: 5 }, () => crossing({ document: { heldByTraveller: false } }))
    const options = { candidate: DEFAULT_RULE_SET }
    let merged = impactCheck([], options)
    for (const c of everyone) merged = mergeImpact(merged, impactCheck([c], options))
    expect(merged.warnings).toEqual(impactCheck(everyone, options).warnings)
    expect(merged.warnings.map((w) => w.code)).toContain('risk.impact.indicator_flags_nearly_everyone')
  })
})

import { describe, expect, it } from 'vitest'
import { ACTIONS } from './actions.ts'
import { compileRuleSet, InvalidRuleSetError } from './compile.ts'
import { emptyContext } from './context.ts'
import { compiled, evaluate } from './evaluate.ts'
import type { Condition } from './rule-language.ts'
import { crossing, indicator, ruleSet, withCondition } from './test-factories.ts'

const triggers = (condition: Condition, ctx = crossing()) => evaluate(withCondition(condition), ctx)

describe('evaluate', () => {
  it('never triggers on a fact that is unknown, and reports the indicator as undetermined', () => {
    const r = triggers(
      { field: 'traveller.ageYears', op: 'lt', value: 18 },
      crossing({ traveller: { ageYears: null } }),
    )
    expect(r.hits).toEqual([])
    expect(r.undetermined).toEqual(['test_indicator'])
    expect(r.suggestedAction).toBe('none')
  })

  it('keeps a negated unknown unknown, so "not answered" never reads as "answered no"', () => {
    const r = triggers({ not: { field: 'interview.knowsEmployer', op: 'eq', value: true } })
    expect(r.hits).toEqual([])
    expect(r.undetermined).toEqual(['test_indicator'])
  })

  it('triggers an "any" when one part is true even if another is unknown, and an "all" only when all are true', () => {
    const known = { field: 'travel.post', op: 'eq', value: 'POIPET' } as const
    const unknown = { field: 'interview.owesDebt', op: 'eq', value: true } as const
    expect(triggers({ any: [known, unknown] }).hits).toHaveLength(1)
    expect(triggers({ all: [known, unknown] }).undetermined).toEqual(['test_indicator'])
    expect(triggers({ all: [{ not: known }, unknown] }).undetermined).toEqual([])
  })

  it('tests whether a fact is known without being unknown itself', () => {
    const atPoipet = { field: 'travel.post', op: 'eq', value: 'POIPET' } as const
    expect(triggers({ all: [{ field: 'interview.owesDebt', op: 'unknown' }, atPoipet] }).hits).toHaveLength(1)
    const r = triggers({ all: [{ field: 'interview.owesDebt', op: 'known' }, atPoipet] })
    expect([r.hits, r.undetermined]).toEqual([[], []])
  })

  it('treats a fact of the wrong type as unknown rather than as a match', () => {
    const ctx = crossing()
    Object.assign(ctx.traveller, { ageYears: '12' })
    expect(triggers({ field: 'traveller.ageYears', op: 'lt', value: 18 }, ctx).undetermined).toEqual([
      'test_indicator',
    ])
  })

  it('counts companions, leaving the answer open while some companions’ facts are unknown', () => {
    const parentCount = {
      count: 'companions',
      where: { field: 'relationship', op: 'in', values: ['parent', 'legal_guardian'] },
      op: 'eq',
      value: 0,
    } as const
    expect(triggers(parentCount, crossing({ companions: [{ relationship: 'friend' }] })).hits).toHaveLength(1)
    expect(triggers(parentCount, crossing({ companions: [{ relationship: 'parent' }] })).hits).toHaveLength(0)
    expect(
      triggers(parentCount, crossing({ companions: [{ relationship: 'friend' }, {}] })).undetermined,
    ).toEqual(['test_indicator'])
  })

  it('compares two fields with each other', () => {
    const c = { field: 'interview.statedPurpose', op: 'ne', ref: 'travel.purpose' } as const
    expect(triggers(c, crossing({ interview: { statedPurpose: 'work' } })).hits).toHaveLength(1)
    expect(triggers(c, crossing({ interview: { statedPurpose: 'tourism' } })).hits).toHaveLength(0)
  })

  it('evaluates an indicator built on another one after it, whatever their order in the rule set', () => {
    const rs = ruleSet([
      indicator({
        id: 'combined',
        weight: 5,
        condition: { all: [{ indicator: 'minor' }, { field: 'travel.post', op: 'eq', value: 'POIPET' }] },
      }),
      indicator({ id: 'minor', weight: 7 }),
    ])
    const r = evaluate(rs, crossing({ traveller: { ageYears: 9 } }))
    expect(r.hits.map((h) => h.indicatorId).sort()).toEqual(['combined', 'minor'])
    expect(r.score).toBe(12)
  })

  it('sums weights into a score capped at 100 and suggests the strongest action', () => {
    const rs = ruleSet([
      indicator({ id: 'one', weight: 60, action: 'advise' }),
      indicator({ id: 'two', weight: 70, action: 'protection_referral' }),
      indicator({
        id: 'three',
        weight: 5,
        action: 'secondary_interview',
        condition: { field: 'travel.post', op: 'eq', value: 'BAVET' },
      }),
    ])
    const r = evaluate(rs, crossing({ traveller: { ageYears: 10 } }))
    expect(r.score).toBe(100)
    expect(r.suggestedAction).toBe('protection_referral')
    expect(r.actions).toEqual(['protection_referral', 'advise'])
    expect(r.hits.map((h) => h.indicatorId)).toEqual(['two', 'one'])
  })

  it('escalates the suggested action once the score reaches a threshold', () => {
    const rs = ruleSet([indicator({ weight: 45, action: 'advise' })], {
      escalation: [
        { minScore: 40, action: 'secondary_interview' },
        { minScore: 90, action: 'notify_ncct' },
      ],
    })
    const r = evaluate(rs, crossing({ traveller: { ageYears: 10 } }))
    expect(r.suggestedAction).toBe('secondary_interview')
    expect(r.actions).toEqual(['secondary_interview', 'advise'])
  })

  it('explains a hit in English and Khmer, with the facts behind it and Khmer digits', () => {
    const rs = ruleSet([
      indicator({
        reasonParams: { age: 'traveller.ageYears', post: 'travel.post' },
        text: {
          en: { name: 'Minor', description: 'Under 18', reason: 'Aged {age} at {post}' },
          km: { name: 'អនីតិជន', description: 'ក្រោម ១៨', reason: 'អាយុ {age} នៅ {post}' },
        },
      }),
    ])
    const [hit] = evaluate(rs, crossing({ traveller: { ageYears: 15 } })).hits
    expect(hit?.reason).toEqual({ en: 'Aged 15 at POIPET', km: 'អាយុ ១៥ នៅ POIPET' })
    expect(hit?.params).toEqual({ age: 15, post: 'POIPET' })
    expect(hit?.name).toEqual({ en: 'Minor', km: 'អនីតិជន' })
  })

  it('records the rule-set version used', () => {
    expect(evaluate(ruleSet([indicator()], { versionId: 'rs-42' }), emptyContext()).ruleSetVersionId).toBe(
      'rs-42',
    )
  })

  it('refuses to compile a rule set that fails validation', () => {
    expect(() => compileRuleSet(withCondition({ field: 'traveller.religion', op: 'known' }))).toThrow(
      InvalidRuleSetError,
    )
  })

  it('compiles a rule set once and reuses it', () => {
    const rs = ruleSet([indicator()])
    expect(compiled(rs)).toBe(compiled(rs))
    const c = compileRuleSet(rs)
    expect(compiled(c)).toBe(c)
  })

  it('has no action that refuses a traveller', () => {
    expect(ACTIONS.filter((a) => /refus|deny|reject|ban/.test(a))).toEqual([])
  })
})

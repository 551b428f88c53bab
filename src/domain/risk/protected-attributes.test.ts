import { describe, expect, it } from 'vitest'
import { emptyContext } from './context.ts'
import { evaluate } from './evaluate.ts'
import { defineFields, FIELDS, ITEM_FIELDS } from './fields.ts'
import { PROTECTED_ATTRIBUTES, protectedAttributeOf } from './protected-attributes.ts'
import { crossing, indicator, ruleSet, withCondition } from './test-factories.ts'
import { validateRuleSet } from './validate-rule-set.ts'

describe('protected attributes', () => {
  it('rejects a rule that references religion', () => {
    const v = validateRuleSet(withCondition({ field: 'traveller.religion', op: 'eq', value: 'x' }))
    expect(v.errors).toEqual([
      {
        code: 'risk.rule.protected_attribute',
        path: 'indicators.0.condition.field',
        params: { field: 'traveller.religion', attribute: 'religion' },
      },
    ])
  })

  it.each([
    ['traveller.ethnicity', 'ethnicity'],
    ['traveller.ethnicOrigin', 'ethnicity'],
    ['traveller.race', 'race'],
    ['traveller.skin_colour', 'race'],
    ['traveller.religiousAffiliation', 'religion'],
    ['traveller.politicalOpinion', 'political_opinion'],
    ['traveller.partyMembership', 'political_opinion'],
    ['traveller.trade_union', 'union_membership'],
    ['traveller.unionMembership', 'union_membership'],
    ['traveller.healthStatus', 'health'],
    ['traveller.hivStatus', 'health'],
    ['traveller.sexualOrientation', 'sexual_life_or_orientation'],
    ['traveller.sex-life', 'sexual_life_or_orientation'],
  ])('recognises %s as %s in any spelling', (name, attribute) => {
    expect(protectedAttributeOf(name)).toBe(attribute)
  })

  it.each([
    'traveller.sex',
    'traveller.nationality',
    'interview.journeyPaidByOther',
    'travel.thirdPartySponsor',
    'destination.europeanUnion',
  ])('does not mistake %s for a protected attribute', (name) => {
    expect(protectedAttributeOf(name)).toBeNull()
  })

  it('keeps every protected attribute out of the field catalogue', () => {
    const names = [...FIELDS.keys(), ...Object.values(ITEM_FIELDS).flatMap((m) => [...m.keys()])]
    expect(names.filter((n) => protectedAttributeOf(n) !== null)).toEqual([])
    expect(PROTECTED_ATTRIBUTES).toHaveLength(7)
  })

  it('refuses to add a protected attribute to a field catalogue', () => {
    expect(() => defineFields([['traveller.ethnicity', { kind: 'string' }, 'declared', 'no']])).toThrow(
      /ethnicity/,
    )
  })

  it('rejects a protected attribute inside a count over companions', () => {
    const v = validateRuleSet(
      withCondition({
        count: 'companions',
        where: { field: 'religion', op: 'eq', value: 'x' },
        op: 'gte',
        value: 1,
      }),
    )
    expect(v.errors.map((e) => [e.code, e.path])).toEqual([
      ['risk.rule.protected_attribute', 'indicators.0.condition.where.field'],
    ])
  })

  it('rejects a protected attribute used as a comparison reference, a reason parameter, a list or an id', () => {
    const rs = ruleSet([
      indicator({
        id: 'ethnic_profile',
        condition: { field: 'traveller.nationality', op: 'eq', ref: 'traveller.ethnicity' },
        reasonParams: { x: 'traveller.religion' },
        text: {
          en: { name: 'n', description: 'd', reason: '{x}' },
          km: { name: 'ន', description: 'ព', reason: '{x}' },
        },
      }),
    ])
    rs.lists = { religiousMinorityAreas: ['X'] }
    const paths = validateRuleSet(rs)
      .errors.filter((e) => e.code === 'risk.rule.protected_attribute')
      .map((e) => e.path)
    expect(paths.sort()).toEqual([
      'indicators.0.condition.ref',
      'indicators.0.id',
      'indicators.0.reasonParams.x',
      'lists.religiousMinorityAreas',
    ])
  })

  it('ignores a protected attribute smuggled into a context', () => {
    const rs = ruleSet([indicator({ condition: { field: 'traveller.nationality', op: 'eq', value: 'THA' } })])
    const plain = crossing()
    const tainted = crossing()
    Object.assign(tainted.traveller, { religion: 'any', ethnicity: 'any' })
    expect(evaluate(rs, tainted)).toEqual(evaluate(rs, plain))
    expect(evaluate(rs, emptyContext()).hits).toEqual([])
  })
})

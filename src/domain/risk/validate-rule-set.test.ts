import { describe, expect, it } from 'vitest'
import { DEFAULT_RULE_SET } from './default-rule-set.ts'
import type { RuleSet } from './rule-language.ts'
import { indicator, ruleSet, withCondition } from './test-factories.ts'
import { validateRuleSet } from './validate-rule-set.ts'

const errorsOf = (rs: unknown) => validateRuleSet(rs).errors.map((e) => [e.code, e.path, e.params])
const codesOf = (rs: unknown) => validateRuleSet(rs).errors.map((e) => e.code)

describe('validateRuleSet', () => {
  it('accepts the default rule set without errors or warnings', () => {
    const v = validateRuleSet(DEFAULT_RULE_SET)
    expect(v.errors).toEqual([])
    expect(v.warnings).toEqual([])
    expect(v.ruleSet).toBe(DEFAULT_RULE_SET)
  })

  it('refuses keys the rule language does not have, at every depth, naming each', () => {
    const base = indicator()
    const hostile = {
      ...ruleSet([
        {
          ...base,
          wieght: 50,
          text: { ...base.text, fr: base.text.en, en: { ...base.text.en, footnote: 'x' } },
          evidence: [{ ...base.evidence[0]!, secret: true }],
          condition: {
            all: [
              { field: 'traveller.ageYears', op: 'lt', value: 18, values: [1] },
              { not: { field: 'travel.post', op: 'known' }, comment: 'hidden' },
              { count: 'companions', op: 'gte', value: 1, unless: true },
              { field: 'traveller.ageYears', op: 'between', min: 1, max: 2, value: 3 },
            ],
            note: 'reviewers read this as meaningful',
          },
        } as never,
      ]),
      escalation: [{ minScore: 50, action: 'advise', silently: true }],
      author: 'someone',
    }
    const unknown = validateRuleSet(hostile)
      .errors.filter((e) => e.code === 'risk.rule.unknown_key')
      .map((e) => e.path)
    expect(unknown.sort()).toEqual(
      [
        'author',
        'escalation.0.silently',
        'indicators.0.wieght',
        'indicators.0.text.fr',
        'indicators.0.text.en.footnote',
        'indicators.0.evidence.0.secret',
        'indicators.0.condition.note',
        'indicators.0.condition.all.0.values',
        'indicators.0.condition.all.1.comment',
        'indicators.0.condition.all.2.unless',
        'indicators.0.condition.all.3.value',
      ].sort(),
    )
    expect(validateRuleSet(hostile).ruleSet).toBeNull()
  })

  it('rejects a rule that references an unknown field, naming it', () => {
    expect(errorsOf(withCondition({ field: 'traveller.shoeSize', op: 'gt', value: 40 }))).toEqual([
      ['risk.rule.unknown_field', 'indicators.0.condition.field', { field: 'traveller.shoeSize' }],
    ])
  })

  it('rejects a constant of the wrong type', () => {
    expect(errorsOf(withCondition({ field: 'traveller.ageYears', op: 'eq', value: 'young' }))).toEqual([
      [
        'risk.rule.type_mismatch',
        'indicators.0.condition.value',
        { field: 'traveller.ageYears', expected: 'number', actual: 'string' },
      ],
    ])
  })

  it('rejects ordering comparisons on a field that is not a number', () => {
    expect(errorsOf(withCondition({ field: 'travel.purpose', op: 'gt', value: 'work' }))).toEqual([
      [
        'risk.rule.type_mismatch',
        'indicators.0.condition.op',
        { field: 'travel.purpose', expected: 'number', actual: 'enum:purpose' },
      ],
    ])
  })

  it('rejects comparing two fields of different types', () => {
    expect(codesOf(withCondition({ field: 'travel.purpose', op: 'eq', ref: 'traveller.ageYears' }))).toEqual([
      'risk.rule.type_mismatch',
    ])
    expect(
      codesOf(withCondition({ field: 'interview.statedPurpose', op: 'ne', ref: 'travel.purpose' })),
    ).toEqual([])
  })

  it('rejects a value outside an enumeration', () => {
    expect(
      errorsOf(withCondition({ field: 'travel.purpose', op: 'in', values: ['work', 'holiday'] })),
    ).toEqual([
      [
        'risk.rule.unknown_value',
        'indicators.0.condition.values.1',
        { field: 'travel.purpose', value: 'holiday', domain: 'purpose' },
      ],
    ])
  })

  it('rejects comparing a list with a constant, and counting a field that is not a list', () => {
    expect(codesOf(withCondition({ field: 'companions', op: 'eq', value: 1 }))).toEqual([
      'risk.rule.type_mismatch',
    ])
    expect(codesOf(withCondition({ count: 'traveller.ageYears', op: 'gte', value: 1 }))).toEqual([
      'risk.rule.not_a_list',
    ])
  })

  it('rejects unknown operators, empty groups, empty value lists, inverted ranges and unknown lists', () => {
    expect(codesOf(withCondition({ field: 'traveller.ageYears', op: 'matches', value: 1 }))).toEqual([
      'risk.rule.unknown_operator',
    ])
    expect(codesOf(withCondition({ all: [] }))).toEqual(['risk.rule.empty_group'])
    expect(codesOf(withCondition({ any: [] }))).toEqual(['risk.rule.empty_group'])
    expect(codesOf(withCondition({ field: 'travel.post', op: 'in', values: [] }))).toEqual([
      'risk.rule.empty_values',
    ])
    expect(errorsOf(withCondition({ field: 'traveller.ageYears', op: 'between', min: 30, max: 18 }))).toEqual(
      [['risk.rule.bad_range', 'indicators.0.condition', { field: 'traveller.ageYears', min: 30, max: 18 }]],
    )
    expect(
      errorsOf(withCondition({ field: 'travel.destinationArea', op: 'inList', list: 'nowhere' })),
    ).toEqual([['risk.rule.unknown_list', 'indicators.0.condition.list', { list: 'nowhere' }]])
  })

  it('rejects a node that mixes two kinds of condition, or is not a condition at all', () => {
    expect(codesOf(withCondition({ all: [{ indicator: 'x' }], field: 'travel.post', op: 'known' }))).toEqual([
      'risk.rule.malformed',
    ])
    expect(codesOf(withCondition('age < 18'))).toEqual(['risk.rule.malformed'])
    expect(codesOf(withCondition({ field: 'travel.post', op: 'eq' }))).toEqual(['risk.rule.malformed'])
  })

  it('rejects conditions nested too deep to review', () => {
    let c: unknown = { field: 'travel.post', op: 'known' }
    for (let i = 0; i < 30; i++) c = { not: c }
    expect(codesOf(withCondition(c))).toEqual(['risk.rule.too_deep'])
  })

  it('rejects a reference to an unknown indicator', () => {
    expect(errorsOf(withCondition({ indicator: 'ghost' }))).toEqual([
      ['risk.rule.unknown_indicator', 'indicators.0.condition.indicator', { indicator: 'ghost' }],
    ])
  })

  it('rejects a cycle between indicators, naming the path of the cycle', () => {
    const rs = ruleSet([
      indicator({ id: 'a_rule', condition: { indicator: 'b_rule' } }),
      indicator({
        id: 'b_rule',
        condition: { all: [{ indicator: 'a_rule' }, { field: 'travel.post', op: 'known' }] },
      }),
    ])
    expect(errorsOf(rs)).toEqual([
      ['risk.rule.cycle', 'indicators.0.condition', { cycle: 'a_rule → b_rule → a_rule' }],
    ])
  })

  it('rejects an indicator that refers to itself', () => {
    expect(codesOf(withCondition({ indicator: 'test_indicator' }))).toEqual(['risk.rule.cycle'])
  })

  it.each([
    ['a range covering every age', { field: 'traveller.ageYears', op: 'gte', value: 0 }],
    [
      'two halves of the age range',
      {
        any: [
          { field: 'traveller.ageYears', op: 'lt', value: 18 },
          { field: 'traveller.ageYears', op: 'gte', value: 18 },
        ],
      },
    ],
    [
      'every purpose',
      {
        field: 'travel.purpose',
        op: 'in',
        values: ['tourism', 'work', 'business', 'family', 'study', 'transit', 'return', 'other'],
      },
    ],
    ['a negated impossibility', { not: { field: 'traveller.ageYears', op: 'gt', value: 200 } }],
    ['a count that is never negative', { count: 'companions', op: 'gte', value: 0 }],
    [
      'both answers to a yes/no question',
      {
        any: [
          { field: 'interview.owesDebt', op: 'eq', value: true },
          { field: 'interview.owesDebt', op: 'eq', value: false },
        ],
      },
    ],
    [
      'a comparison and its opposite',
      {
        any: [
          { field: 'interview.statedPurpose', op: 'eq', ref: 'travel.purpose' },
          { field: 'interview.statedPurpose', op: 'ne', ref: 'travel.purpose' },
        ],
      },
    ],
    [
      'a post that is or is not on a list',
      {
        any: [
          { field: 'travel.post', op: 'inList', list: 'places' },
          { field: 'travel.post', op: 'notInList', list: 'places' },
        ],
      },
    ],
  ])('rejects a rule that would flag everyone: %s', (_name, condition) => {
    expect(errorsOf(withCondition(condition))).toEqual([
      ['risk.rule.flags_everyone', 'indicators.0.condition', { indicator: 'test_indicator' }],
    ])
  })

  it('warns about a rule that can never fire', () => {
    const v = validateRuleSet(
      withCondition({
        all: [
          { field: 'traveller.ageYears', op: 'lt', value: 18 },
          { field: 'traveller.ageYears', op: 'gte', value: 18 },
        ],
      }),
    )
    expect(v.ok).toBe(true)
    expect(v.warnings.map((w) => w.code)).toEqual(['risk.rule.never_fires'])
  })

  it.each([0, -5, 101, Number.NaN, '10', null])('rejects the weight %s', (weight) => {
    expect(
      errorsOf(
        withCondition({ field: 'travel.post', op: 'eq', value: 'POIPET' }, { weight: weight as number }),
      ),
    ).toEqual([['risk.rule.bad_weight', 'indicators.0.weight', { weight: String(weight), max: 100 }]])
  })

  it('rejects bad and duplicate ids, unknown categories and actions, including a refusal', () => {
    const rs = ruleSet([
      indicator({ id: 'Bad Id' }),
      indicator({ id: 'same_id' }),
      indicator({ id: 'same_id' }),
      indicator({ id: 'refuser', category: 'terrorism' as never, action: 'refuse_entry' as never }),
    ])
    expect(validateRuleSet(rs).errors.map((e) => [e.code, e.path])).toEqual([
      ['risk.rule.bad_id', 'indicators.0.id'],
      ['risk.rule.duplicate_id', 'indicators.2.id'],
      ['risk.rule.unknown_category', 'indicators.3.category'],
      ['risk.rule.unknown_action', 'indicators.3.action'],
    ])
  })

  it('requires a complete Khmer text in Khmer script, with the same placeholders as the reason parameters', () => {
    const rs = ruleSet([
      indicator({
        reasonParams: { age: 'traveller.ageYears' },
        text: {
          en: { name: 'Minor', description: 'Under 18', reason: 'Aged {age}' },
          km: { name: 'Minor', description: '', reason: 'អាយុ {years}' },
        },
      }),
    ])
    expect(validateRuleSet(rs).errors.map((e) => [e.code, e.path])).toEqual([
      ['risk.rule.text_not_khmer', 'indicators.0.text.km.name'],
      ['risk.rule.missing_text', 'indicators.0.text.km.description'],
      ['risk.rule.placeholder_mismatch', 'indicators.0.text.km.reason'],
    ])
  })

  it('requires evidence for every indicator and known interview questions', () => {
    const rs = ruleSet([
      indicator({ evidence: [] }),
      indicator({ id: 'second', evidence: [{ publisher: 'IOM', title: '', year: 2019, supports: 'x' }] }),
      indicator({ id: 'third', questions: ['what_is_your_religion'] }),
    ])
    expect(validateRuleSet(rs).errors.map((e) => [e.code, e.path])).toEqual([
      ['risk.rule.missing_evidence', 'indicators.0.evidence'],
      ['risk.rule.missing_evidence', 'indicators.1.evidence.0'],
      ['risk.rule.unknown_question', 'indicators.2.questions.0'],
    ])
  })

  it('rejects an empty rule set, bad lists and bad escalation steps', () => {
    const rs: RuleSet = {
      versionId: 'v',
      name: 'n',
      indicators: [],
      lists: { empty: [] },
      escalation: [{ minScore: 0, action: 'advise' }],
    }
    expect(codesOf(rs)).toEqual([
      'risk.rule.bad_list',
      'risk.rule.bad_escalation',
      'risk.rule.empty_rule_set',
    ])
    expect(codesOf(null)).toEqual(['risk.rule.malformed'])
  })

  it('reports every problem at once, not just the first', () => {
    const rs = ruleSet([
      indicator({
        weight: 0,
        condition: {
          all: [
            { field: 'traveller.religion', op: 'known' },
            { field: 'nope', op: 'known' },
          ],
        },
      }),
    ])
    expect(codesOf(rs).sort()).toEqual([
      'risk.rule.bad_weight',
      'risk.rule.protected_attribute',
      'risk.rule.unknown_field',
    ])
    expect(validateRuleSet(rs).ruleSet).toBeNull()
  })
})

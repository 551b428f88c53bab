import { describe, expect, it } from 'vitest'
import { loadCatalog } from '../../platform/i18n/catalog.ts'
import { ACTIONS, CATEGORIES } from './actions.ts'
import { AGE_BANDS } from './age-band.ts'
import { DOMAINS } from './domains.ts'
import { FIELDS, ITEM_FIELDS } from './fields.ts'
import { RULE_ERROR_CODES, RULE_WARNING_CODES, type RuleIssue } from './issues.ts'
import { PROTECTED_ATTRIBUTES } from './protected-attributes.ts'
import { QUESTIONS } from './questions.ts'
import { LIFECYCLE_ACTIONS, LIFECYCLE_ERROR_CODES, RULE_SET_STATUSES } from './rule-set-lifecycle.ts'
import { indicator, ruleSet, withCondition } from './test-factories.ts'
import { placeholders } from './text.ts'
import { validateRuleSet } from './validate-rule-set.ts'

const en = loadCatalog('en')
const km = loadCatalog('km')

function requiredKeys(): string[] {
  return [
    ...RULE_ERROR_CODES,
    ...RULE_WARNING_CODES,
    ...LIFECYCLE_ERROR_CODES,
    'risk.interview.unknown_question',
    'risk.interview.bad_answer',
    'risk.impact.indicator_flags_nearly_everyone',
    'risk.impact.rule_set_flags_nearly_everyone',
    ...['none', ...ACTIONS].map((a) => `risk.actions.${a}`),
    ...CATEGORIES.map((c) => `risk.categories.${c}`),
    ...PROTECTED_ATTRIBUTES.map((p) => `risk.protected.${p}`),
    ...[...FIELDS.keys()].map((f) => `risk.fields.${f}`),
    ...Object.entries(ITEM_FIELDS).flatMap(([item, m]) =>
      [...m.keys()].map((f) => `risk.fields.${item}.${f}`),
    ),
    ...Object.entries(DOMAINS).flatMap(([d, vs]) => vs.map((v) => `risk.values.${d}.${v}`)),
    ...[...QUESTIONS.values()].map((q) => q.messageKey),
    ...AGE_BANDS.map((b) => `risk.ageBands.${b}`),
    ...RULE_SET_STATUSES.map((s) => `risk.lifecycle.states.${s}`),
    ...LIFECYCLE_ACTIONS.map((a) => `risk.lifecycle.actions.${a}`),
  ]
}

// One bad rule set per error code, so every code is produced for real and its message checked against its params.
const tooDeep = Array.from({ length: 30 }).reduce<unknown>((c) => ({ not: c }), {
  field: 'travel.post',
  op: 'known',
})
const samples: unknown[] = [
  null,
  withCondition({ field: 'traveller.ageYears', op: 'matches', value: 1 }),
  withCondition({ field: 'traveller.shoeSize', op: 'known' }),
  withCondition({ field: 'traveller.religion', op: 'known' }),
  withCondition({ field: 'traveller.ageYears', op: 'eq', value: 'x' }),
  withCondition({ field: 'travel.purpose', op: 'eq', value: 'holiday' }),
  withCondition({ count: 'travel.post', op: 'gte', value: 1 }),
  withCondition({ all: [] }),
  withCondition({ field: 'travel.post', op: 'known', note: 'x' }),
  withCondition({ field: 'travel.post', op: 'in', values: [] }),
  withCondition({ field: 'traveller.ageYears', op: 'between', min: 9, max: 1 }),
  withCondition({ field: 'travel.post', op: 'inList', list: 'nowhere' }),
  withCondition({ indicator: 'ghost' }),
  withCondition({ indicator: 'test_indicator' }),
  withCondition({ field: 'traveller.ageYears', op: 'gte', value: 0 }),
  withCondition(tooDeep),
  ruleSet([indicator({ weight: 0, id: 'X' }), indicator({ id: 'twice' }), indicator({ id: 'twice' })]),
  ruleSet([
    indicator({ category: 'x' as never, action: 'refuse' as never, evidence: [], questions: ['nope'] }),
  ]),
  ruleSet([
    indicator({
      reasonParams: { age: 'traveller.ageYears' },
      text: {
        en: { name: '', description: 'd', reason: '{x}' },
        km: { name: 'n', description: 'ព', reason: '{age}' },
      },
    }),
  ]),
  {
    versionId: 'v',
    name: 'n',
    indicators: [],
    lists: { empty: [] },
    escalation: [{ minScore: 0, action: 'advise' }],
  },
  withCondition({
    all: [
      { field: 'traveller.ageYears', op: 'lt', value: 18 },
      { field: 'traveller.ageYears', op: 'gte', value: 18 },
    ],
  }),
  withCondition({
    any: [
      'traveller.ageYears',
      'document.daysSinceIssue',
      'history.lastStayDays',
      'network.samePhoneTravellers7d',
    ].map((field) => ({ field, op: 'in', values: [1, 5, 9, 13, 17, 21] })),
  }),
]

describe('risk messages', () => {
  it('exist in English and Khmer for every code, field, value, question and label the engine uses', () => {
    const keys = requiredKeys()
    expect(keys.filter((k) => !(k in en))).toEqual([])
    expect(keys.filter((k) => !(k in km))).toEqual([])
  })

  it('cover every validation code, and fill every placeholder from the issue’s parameters', () => {
    const issues: RuleIssue[] = samples.flatMap((s) => {
      const v = validateRuleSet(s)
      return [...v.errors, ...v.warnings]
    })
    const seen = new Set(issues.map((i) => i.code))
    expect([...RULE_ERROR_CODES, ...RULE_WARNING_CODES].filter((c) => !seen.has(c))).toEqual([])
    for (const issue of issues)
      for (const name of placeholders(en[issue.code] ?? ''))
        expect(issue.params, `${issue.code} {${name}}`).toHaveProperty(name)
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CrossingContext } from './context.ts'
import { DEFAULT_RULE_SET } from './default-rule-set.ts'
import { DOMAINS, type DomainName } from './domains.ts'
import { evaluate } from './evaluate.ts'
import { interpret } from './interpret.ts'
import type { Condition, RuleSet } from './rule-language.ts'
import { indicator, ruleSet } from './test-factories.ts'
import { validateRuleSet } from './validate-rule-set.ts'

// Facts are often missing or null, so three-valued logic is exercised as much as two-valued logic.
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, arb, fc.constant(null), fc.constant(undefined))
const oneOf = (d: DomainName) => maybe(fc.constantFrom(...DOMAINS[d]))
const num = (max: number) => maybe(fc.integer({ min: 0, max }))
const bool = maybe(fc.boolean())
const code = (...values: string[]) => maybe(fc.constantFrom(...values))

const companion = fc.record({
  relationship: oneOf('relationship'),
  ageYears: num(80),
  answersForTraveller: bool,
  holdsTravellerDocuments: bool,
})
const pastCrossing = fc.record({
  direction: oneOf('direction'),
  post: code('POIPET', 'BAVET'),
  daysAgo: num(180),
})

const context: fc.Arbitrary<CrossingContext> = fc.record({
  traveller: fc.record({
    ageYears: num(90),
    sex: oneOf('sex'),
    nationality: code('KHM', 'THA', 'VNM'),
    firstInternationalTrip: bool,
  }),
  document: fc.record({ type: oneOf('documentType'), heldByTraveller: bool, daysSinceIssue: num(400) }),
  travel: fc.record({
    direction: oneOf('direction'),
    purpose: oneOf('purpose'),
    post: code('POIPET', 'BAVET'),
    destinationArea: code('KHM:SIHANOUKVILLE', 'MMR:MYAWADDY', 'KHM:SIEM_REAP'),
    carriesBelongings: bool,
    jobOfferChannel: oneOf('jobOfferChannel'),
    recruiterLicensed: bool,
    guardianConsentLetter: bool,
  }),
  companions: fc.array(companion, { maxLength: 4 }),
  history: fc.record({
    lastStayDays: num(120),
    recentCrossings: fc.array(pastCrossing, { maxLength: 9 }),
    distinctCompanionsLast90Days: num(8),
  }),
  network: fc.record({
    sameSponsorTravellers7d: num(9),
    sameRecruiterTravellers7d: num(9),
    samePhoneTravellers7d: num(9),
  }),
  interview: fc.record({
    statedPurpose: oneOf('purpose'),
    jobOfferChannel: oneOf('jobOfferChannel'),
    owesDebt: bool,
    documentsHeldByOther: bool,
  }),
}) as fc.Arbitrary<CrossingContext>

const atoms: Condition[] = [
  { field: 'traveller.ageYears', op: 'lt', value: 18 },
  { field: 'traveller.ageYears', op: 'between', min: 18, max: 35 },
  { field: 'traveller.nationality', op: 'in', values: ['KHM', 'VNM'] },
  { field: 'travel.purpose', op: 'notIn', values: ['tourism'] },
  { field: 'travel.destinationArea', op: 'notInList', list: 'places' },
  { field: 'travel.post', op: 'inList', list: 'places' },
  { field: 'interview.statedPurpose', op: 'ne', ref: 'travel.purpose' },
  { field: 'interview.owesDebt', op: 'unknown' },
  { field: 'document.heldByTraveller', op: 'eq', value: false },
  { field: 'network.samePhoneTravellers7d', op: 'gte', value: 5 },
  {
    count: 'companions',
    where: {
      any: [
        { field: 'relationship', op: 'eq', value: 'parent' },
        { not: { field: 'ageYears', op: 'gte', value: 18 } },
      ],
    },
    op: 'eq',
    value: 1,
  },
  { count: 'history.recentCrossings', where: { field: 'daysAgo', op: 'lte', value: 30 }, op: 'gt', value: 3 },
  { count: 'companions', op: 'lt', value: 2 },
]

const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...atoms),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('c').map((c) => ({ not: c })),
  ),
})).c

const randomRuleSet: fc.Arbitrary<RuleSet> = fc
  .tuple(condition, condition, condition)
  .map(([a, b, c]) =>
    ruleSet(
      [
        indicator({
          id: 'uses_first',
          weight: 15,
          action: 'advise',
          condition: { any: [{ indicator: 'first' }, c] },
        }),
        indicator({ id: 'first', weight: 30, action: 'secondary_interview', condition: a }),
        indicator({ id: 'second', weight: 60, action: 'protection_referral', condition: b }),
      ],
      {
        lists: { places: ['POIPET', 'MMR:MYAWADDY'] },
        escalation: [{ minScore: 40, action: 'notify_ncct' }],
      },
    ),
  )
  .filter((rs) => validateRuleSet(rs).ok)

function agree(rs: RuleSet, ctx: CrossingContext): void {
  const fast = evaluate(rs, ctx)
  const slow = interpret(rs, ctx)
  expect(fast.score).toBe(slow.score)
  expect(fast.suggestedAction).toBe(slow.suggestedAction)
  expect(fast.hits.map((h) => h.indicatorId).sort()).toEqual(slow.triggered)
  expect([...fast.undetermined].sort()).toEqual([...slow.undetermined].sort())
}

describe('compiled rules', () => {
  it('agree with the reference interpreter on the default rule set', () => {
    fc.assert(
      fc.property(context, (ctx) => agree(DEFAULT_RULE_SET, ctx)),
      { numRuns: 600 },
    )
  })

  it('agree with the reference interpreter on random rules and crossings', () => {
    fc.assert(
      fc.property(randomRuleSet, fc.array(context, { minLength: 5, maxLength: 5 }), (rs, ctxs) => {
        for (const ctx of ctxs) agree(rs, ctx)
      }),
      { numRuns: 150 },
    )
  })
})

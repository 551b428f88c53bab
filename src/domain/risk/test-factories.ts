import type { Companion, CrossingContext, PastCrossing } from './context.ts'
import type { Condition, Indicator, RuleSet } from './rule-language.ts'

interface ContextOverrides {
  traveller?: CrossingContext['traveller']
  document?: CrossingContext['document']
  travel?: CrossingContext['travel']
  companions?: Companion[]
  history?: CrossingContext['history']
  network?: CrossingContext['network']
  interview?: CrossingContext['interview']
}

/** An ordinary crossing with every routine fact known: a Thai tourist entering at Poipet. */
export function crossing(over: ContextOverrides = {}): CrossingContext {
  return {
    traveller: {
      ageYears: 40,
      sex: 'male',
      nationality: 'THA',
      firstInternationalTrip: false,
      ...over.traveller,
    },
    document: {
      type: 'passport',
      issuingState: 'THA',
      heldByTraveller: true,
      daysSinceIssue: 900,
      ...over.document,
    },
    travel: {
      direction: 'entry',
      purpose: 'tourism',
      post: 'POIPET',
      transport: 'land',
      destinationCountry: 'KHM',
      destinationArea: 'KHM:SIEM_REAP',
      declaredStayDays: 7,
      returnTicket: true,
      carriesBelongings: true,
      jobOfferChannel: 'none',
      ...over.travel,
    },
    companions: over.companions ?? [],
    history: {
      previousCrossings: 4,
      lastStayDays: 400,
      recentCrossings: [],
      distinctCompanionsLast90Days: 0,
      ...over.history,
    },
    network: {
      sameSponsorTravellers7d: 0,
      sameRecruiterTravellers7d: 0,
      samePhoneTravellers7d: 0,
      ...over.network,
    },
    interview: { ...over.interview },
  }
}

export function crossingsAgo(...daysAgo: number[]): PastCrossing[] {
  return daysAgo.map((d, i) => ({
    direction: i % 2 ? 'entry' : 'exit',
    post: 'POIPET',
    daysAgo: d,
    stayDays: 1,
  }))
}

export function indicator(over: Partial<Indicator> = {}): Indicator {
  return {
    id: 'test_indicator',
    category: 'trafficking',
    weight: 10,
    action: 'advise',
    condition: { field: 'traveller.ageYears', op: 'lt', value: 18 },
    text: {
      en: { name: 'Test', description: 'A test indicator', reason: 'Because of the test' },
      km: { name: 'សាកល្បង', description: 'សូចនាករសាកល្បង', reason: 'ដោយសារការសាកល្បង' },
    },
    evidence: [{ publisher: 'UNODC', title: 'Human trafficking indicators', year: 2009, supports: 'A test' }],
    questions: [],
    ...over,
  }
}

export function ruleSet(indicators: Indicator[], over: Partial<RuleSet> = {}): RuleSet {
  return {
    versionId: 'test-1',
    name: 'Test rules',
    indicators,
    lists: { places: ['KHM:A', 'KHM:B'] },
    escalation: [],
    ...over,
  }
}

/** A rule set with one indicator holding `condition`, which may be malformed on purpose. */
export function withCondition(condition: unknown, over: Partial<Indicator> = {}): RuleSet {
  return ruleSet([indicator({ condition: condition as Condition, ...over })])
}

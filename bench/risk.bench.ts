import type { CrossingContext } from '../src/domain/risk/context.ts'
import { DEFAULT_RULE_SET } from '../src/domain/risk/default-rule-set.ts'
import { compiled, evaluate } from '../src/domain/risk/evaluate.ts'
import { impactCheck } from '../src/domain/risk/impact.ts'
import { interpret } from '../src/domain/risk/interpret.ts'
import type { RuleSet } from '../src/domain/risk/rule-language.ts'
import { percentile } from './lib/stats.ts'
import type { BenchArea, Figure } from './lib/types.ts'

/** Deterministic generator (xorshift32), so every run measures the same crossings. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 4294967296
  }
}

const POSTS = ['POIPET', 'BAVET', 'CHAM_YEAM', 'OSMACH', 'PNH_AIRPORT', 'KAAM_SAMNOR']
const AREAS = ['KHM:SIEM_REAP', 'KHM:PHNOM_PENH', 'THA:BANGKOK', 'THA:RAYONG', 'VNM:HCMC', 'KHM:KAMPOT']
const SCAM_AREAS = ['KHM:SIHANOUKVILLE', 'MMR:MYAWADDY']
const CHANNELS = [
  'agency',
  'agency',
  'agency',
  'employer',
  'employer',
  'family_friend',
  'social_media',
] as const

/**
 * A synthetic mix shaped like a land post's day: mostly tourists and border-pass traders, some migrant workers,
 * some returnees, a few minors, a few crossings with trafficking signs; about a third travel with companions.
 * The rates are plausible guesses, not measurements; what matters here is that every indicator is exercised.
 */
function syntheticCrossing(r: () => number): CrossingContext {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
  const maybe = <T>(v: T, p = 0.85): T | null => (r() < p ? v : null)
  const kind = r()
  const minor = kind < 0.04
  const worker = kind >= 0.04 && kind < 0.2
  const returnee = kind >= 0.2 && kind < 0.27
  const trader = kind >= 0.27 && kind < 0.5
  const age = minor ? Math.floor(r() * 18) : 18 + Math.floor(r() * r() * 60)
  const purpose = worker
    ? 'work'
    : returnee
      ? 'return'
      : trader
        ? 'business'
        : pick(['tourism', 'family'] as const)
  const companions = Array.from({ length: r() < 0.35 ? 1 + Math.floor(r() * 3) : 0 }, () => ({
    relationship: pick(['parent', 'relative', 'friend', 'spouse', 'recruiter', 'parent'] as const),
    ageYears: 10 + Math.floor(r() * 50),
    answersForTraveller: r() < 0.01,
    holdsTravellerDocuments: r() < 0.005,
  }))
  const crossings = trader ? 6 + Math.floor(r() * 20) : Math.floor(r() * r() * 8)
  const recent = Array.from({ length: crossings }, (_, i) => ({
    direction: i % 2 ? ('entry' as const) : ('exit' as const),
    post: pick(POSTS),
    daysAgo: Math.floor(r() * 180),
    stayDays: Math.floor(r() * 30),
  }))
  const few = (p: number, n: number) => (r() < p ? 5 + Math.floor(r() * n) : Math.floor(r() * 3))
  return {
    traveller: {
      ageYears: maybe(age, 0.98),
      sex: pick(['female', 'male'] as const),
      nationality: pick(['KHM', 'KHM', 'KHM', 'THA', 'VNM', 'CHN', 'IDN']),
      firstInternationalTrip: maybe(r() < 0.3),
    },
    document: {
      type: trader ? 'border_pass' : 'passport',
      issuingState: 'KHM',
      daysSinceIssue: Math.floor(r() * 3000),
      heldByTraveller: r() > 0.005,
    },
    travel: {
      direction: r() < 0.5 ? 'entry' : 'exit',
      purpose,
      post: pick(POSTS),
      transport: 'land',
      destinationArea: r() < 0.06 ? pick(SCAM_AREAS) : pick(AREAS),
      carriesBelongings: maybe(!(returnee && r() < 0.3)),
      jobOfferChannel: worker ? pick(CHANNELS) : 'none',
      recruiterLicensed: worker ? maybe(r() < 0.7) : null,
      guardianConsentLetter: minor ? maybe(r() < 0.5) : null,
    },
    companions,
    history: {
      previousCrossings: recent.length + Math.floor(r() * 20),
      lastStayDays: returnee ? 2 + Math.floor(r() * 90) : maybe(Math.floor(r() * 400)),
      recentCrossings: recent,
      distinctCompanionsLast90Days: Math.floor(r() * r() * 6),
    },
    network: {
      sameSponsorTravellers7d: few(0.01, 10),
      sameRecruiterTravellers7d: worker ? few(0.1, 30) : 0,
      samePhoneTravellers7d: few(0.005, 10),
    },
    interview: r() < 0.03 ? { statedPurpose: r() < 0.8 ? purpose : 'work', owesDebt: r() < 0.3 } : {},
  }
}

function latencies(n: number, pool: CrossingContext[], run: (ctx: CrossingContext) => unknown): number[] {
  const out = new Array<number>(n)
  for (let i = 0; i < n; i++) {
    const ctx = pool[i % pool.length]!
    const t0 = process.hrtime.bigint()
    run(ctx)
    out[i] = Number(process.hrtime.bigint() - t0) / 1000
  }
  return out
}

function* cycle(pool: CrossingContext[], n: number): Generator<CrossingContext> {
  for (let i = 0; i < n; i++) yield pool[i % pool.length]!
}

/** The active set the candidate is compared against: the default set without its two recruitment indicators. */
const CURRENT: RuleSet = {
  ...DEFAULT_RULE_SET,
  versionId: 'bench-current',
  indicators: DEFAULT_RULE_SET.indicators.filter(
    (i) => i.id !== 'job_offer_via_social_media' && i.id !== 'shared_sponsor_recruiter_phone',
  ),
}

const area: BenchArea = {
  area: 'risk',
  async run(ctx) {
    const r = random(20250301)
    const pool = Array.from({ length: 50_000 }, () => syntheticCrossing(r))
    const fast = compiled(DEFAULT_RULE_SET)
    ctx.log(`${DEFAULT_RULE_SET.indicators.length} indicators, ${pool.length} distinct synthetic crossings`)

    latencies(50_000, pool, (c) => evaluate(fast, c))
    latencies(20_000, pool, (c) => interpret(DEFAULT_RULE_SET, c))
    const compiledTimes = latencies(300_000, pool, (c) => evaluate(fast, c))
    const naiveTimes = latencies(100_000, pool, (c) => interpret(DEFAULT_RULE_SET, c))
    const hitRate = pool.filter((c) => evaluate(fast, c).hits.length > 0).length / pool.length
    ctx.log(
      `evaluate p50 ${percentile(compiledTimes, 50).toFixed(2)} µs, ${(hitRate * 100).toFixed(1)}% of crossings flagged`,
    )

    const N = 1_000_000
    const t0 = performance.now()
    const report = impactCheck(cycle(pool, N), { candidate: fast, current: compiled(CURRENT) })
    const impactSeconds = (performance.now() - t0) / 1000
    ctx.log(
      `impact: ${report.flagged} flagged, ${report.secondaryInterviews.extra} extra secondary interviews`,
    )
    ctx.log(report.indicators.map((x) => `${x.id} ${(x.share * 100).toFixed(1)}%`).join(', '))

    // The naive baseline replays 100,000 crossings through both rule sets, as the impact check does, scaled to 1M;
    // it skips the tallies, which only flatters it.
    const BASE = 100_000
    const t1 = performance.now()
    for (const c of cycle(pool, BASE)) {
      interpret(DEFAULT_RULE_SET, c)
      interpret(CURRENT, c)
    }
    const naiveSeconds = ((performance.now() - t1) / 1000) * (N / BASE)

    const figures: Figure[] = [
      {
        area: 'risk',
        name: 'evaluate-p99',
        unit: 'µs',
        value: percentile(compiledTimes, 99),
        baseline: 'naive interpreter walking the JSON rule tree per evaluation',
        baselineValue: percentile(naiveTimes, 99),
        better: 'lower',
      },
      {
        area: 'risk',
        name: 'impact-check-1m',
        unit: 's',
        value: impactSeconds,
        baseline: 'naive interpreter, both rule sets (100k crossings ×10)',
        baselineValue: naiveSeconds,
        better: 'lower',
      },
    ]
    return figures
  },
}

export default area

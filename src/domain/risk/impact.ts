import { needsSecondaryInterview, type SuggestedAction } from './actions.ts'
import { ageBand } from './age-band.ts'
import type { CompiledRuleSet } from './compile.ts'
import type { CrossingContext } from './context.ts'
import { assess, compiled } from './evaluate.ts'
import type { Tri } from './predicates.ts'
import type { RuleSet } from './rule-language.ts'

export interface Breakdown {
  total: number
  flagged: number
  secondaryInterviews: number
}

export interface IndicatorImpact {
  id: string
  hits: number
  share: number
  flagsNearlyEveryone: boolean
}

export interface ImpactWarning {
  code: 'risk.impact.indicator_flags_nearly_everyone' | 'risk.impact.rule_set_flags_nearly_everyone'
  params: Record<string, string | number>
}

export interface ImpactReport {
  candidateVersionId: string
  currentVersionId: string | null
  total: number
  /** Travellers with at least one indicator triggered. */
  flagged: number
  secondaryInterviews: {
    candidate: number
    current: number
    /** candidate − current: the extra load on secondary inspection (negative when it falls). */
    extra: number
    newlyReferred: number
    noLongerReferred: number
  }
  bySuggestedAction: Partial<Record<SuggestedAction, number>>
  byPost: Record<string, Breakdown>
  byNationality: Record<string, Breakdown>
  bySex: Record<string, Breakdown>
  byAgeBand: Record<string, Breakdown>
  indicators: IndicatorImpact[]
  warnings: ImpactWarning[]
}

export interface ImpactOptions {
  candidate: RuleSet | CompiledRuleSet
  /** The rule set active now, to count the extra secondary interviews against; none means zero today. */
  current?: RuleSet | CompiledRuleSet | null
  /** Share of travellers above which an indicator is said to flag nearly everyone. */
  nearlyEveryoneShare?: number
}

/**
 * Replays a rule set over recorded crossings (any iterable, so a caller can stream rows from the database) and
 * says whom it would have flagged. Pure: it reads nothing but its arguments.
 */
export function impactCheck(crossings: Iterable<CrossingContext>, options: ImpactOptions): ImpactReport {
  const candidate = compiled(options.candidate)
  const current = options.current ? compiled(options.current) : null
  const threshold = options.nearlyEveryoneShare ?? 0.8
  const memo: Tri[] = new Array(candidate.indicators.length)
  const triggered: boolean[] = new Array(candidate.indicators.length).fill(false)
  const currentMemo: Tri[] = current ? new Array(current.indicators.length) : []
  const currentTriggered: boolean[] = current ? new Array(current.indicators.length).fill(false) : []
  const hits = new Array<number>(candidate.indicators.length).fill(0)
  const groups = { post: new Map<string, Breakdown>(), nat: new Map(), sex: new Map(), age: new Map() }
  const byAction = new Map<SuggestedAction, number>()
  let total = 0
  let flagged = 0
  const si = { candidate: 0, current: 0, extra: 0, newlyReferred: 0, noLongerReferred: 0 }
  for (const ctx of crossings) {
    total++
    const a = assess(candidate, ctx, memo, triggered)
    const isFlagged = a.score > 0 || a.suggestedAction !== 'none'
    const interview = needsSecondaryInterview(a.suggestedAction)
    if (isFlagged) flagged++
    for (let i = 0; i < triggered.length; i++) if (triggered[i]) hits[i]!++
    byAction.set(a.suggestedAction, (byAction.get(a.suggestedAction) ?? 0) + 1)
    const was = current
      ? needsSecondaryInterview(assess(current, ctx, currentMemo, currentTriggered).suggestedAction)
      : false
    if (interview) si.candidate++
    if (was) si.current++
    if (interview && !was) si.newlyReferred++
    if (was && !interview) si.noLongerReferred++
    tally(groups.post, ctx.travel?.post, isFlagged, interview)
    tally(groups.nat, ctx.traveller?.nationality, isFlagged, interview)
    tally(groups.sex, ctx.traveller?.sex, isFlagged, interview)
    tally(groups.age, ageBand(ctx.traveller?.ageYears), isFlagged, interview)
  }
  si.extra = si.candidate - si.current
  const indicators = candidate.indicators.map((ci, i) => {
    const share = total === 0 ? 0 : hits[i]! / total
    return {
      id: ci.indicator.id,
      hits: hits[i]!,
      share,
      flagsNearlyEveryone: total > 0 && share >= threshold,
    }
  })
  return {
    candidateVersionId: candidate.versionId,
    currentVersionId: current?.versionId ?? null,
    total,
    flagged,
    secondaryInterviews: si,
    bySuggestedAction: Object.fromEntries(byAction),
    byPost: Object.fromEntries(groups.post),
    byNationality: Object.fromEntries(groups.nat),
    bySex: Object.fromEntries(groups.sex),
    byAgeBand: Object.fromEntries(groups.age),
    indicators,
    warnings: warnings(indicators, total, flagged, threshold),
  }
}

function tally(map: Map<string, Breakdown>, key: unknown, flagged: boolean, interview: boolean): void {
  const k = typeof key === 'string' && key !== '' ? key : 'unknown'
  let b = map.get(k)
  if (!b) {
    b = { total: 0, flagged: 0, secondaryInterviews: 0 }
    map.set(k, b)
  }
  b.total++
  if (flagged) b.flagged++
  if (interview) b.secondaryInterviews++
}

function warnings(
  indicators: IndicatorImpact[],
  total: number,
  flagged: number,
  threshold: number,
): ImpactWarning[] {
  const pct = (n: number) => Math.round(n * 1000) / 10
  const out: ImpactWarning[] = indicators
    .filter((i) => i.flagsNearlyEveryone)
    .map((i) => ({
      code: 'risk.impact.indicator_flags_nearly_everyone',
      params: { indicator: i.id, percent: pct(i.share) },
    }))
  if (total > 0 && flagged / total >= threshold)
    out.push({
      code: 'risk.impact.rule_set_flags_nearly_everyone',
      params: { percent: pct(flagged / total) },
    })
  return out
}

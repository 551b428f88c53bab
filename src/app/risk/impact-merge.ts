import type { ImpactReport } from '../../domain/risk/index.ts'

type Breakdown = ImpactReport['byPost'][string]

/** Share of travellers above which the engine says an indicator flags nearly everyone (its default). */
export const NEARLY_EVERYONE = 0.8

function addGroups(a: Record<string, Breakdown>, b: Record<string, Breakdown>): Record<string, Breakdown> {
  const out: Record<string, Breakdown> = { ...a }
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k] ?? { total: 0, flagged: 0, secondaryInterviews: 0 }
    out[k] = {
      total: prev.total + v.total,
      flagged: prev.flagged + v.flagged,
      secondaryInterviews: prev.secondaryInterviews + v.secondaryInterviews,
    }
  }
  return out
}

/**
 * Adds up the reports of consecutive pages of recorded crossings. The engine's `impactCheck` is pure and
 * synchronous, so the replay runs it page by page as rows stream from the database and merges the counts here;
 * shares and warnings are then recomputed over the whole, with the engine's codes and threshold.
 */
export function mergeImpact(a: ImpactReport | null, b: ImpactReport): ImpactReport {
  if (!a) return b
  const si = {
    candidate: a.secondaryInterviews.candidate + b.secondaryInterviews.candidate,
    current: a.secondaryInterviews.current + b.secondaryInterviews.current,
    extra: 0,
    newlyReferred: a.secondaryInterviews.newlyReferred + b.secondaryInterviews.newlyReferred,
    noLongerReferred: a.secondaryInterviews.noLongerReferred + b.secondaryInterviews.noLongerReferred,
  }
  si.extra = si.candidate - si.current
  const byAction = { ...a.bySuggestedAction }
  for (const [k, n] of Object.entries(b.bySuggestedAction))
    byAction[k as keyof typeof byAction] = (byAction[k as keyof typeof byAction] ?? 0) + (n ?? 0)
  const total = a.total + b.total
  const flagged = a.flagged + b.flagged
  const indicators = a.indicators.map((ind, i) => {
    const hits = ind.hits + (b.indicators[i]?.hits ?? 0)
    const share = total === 0 ? 0 : hits / total
    return { id: ind.id, hits, share, flagsNearlyEveryone: total > 0 && share >= NEARLY_EVERYONE }
  })
  return {
    ...a,
    total,
    flagged,
    secondaryInterviews: si,
    bySuggestedAction: byAction,
    byPost: addGroups(a.byPost, b.byPost),
    byNationality: addGroups(a.byNationality, b.byNationality),
    bySex: addGroups(a.bySex, b.bySex),
    byAgeBand: addGroups(a.byAgeBand, b.byAgeBand),
    indicators,
    warnings: warningsOf(indicators, total, flagged),
  }
}

function warningsOf(
  indicators: ImpactReport['indicators'],
  total: number,
  flagged: number,
): ImpactReport['warnings'] {
  const pct = (n: number) => Math.round(n * 1000) / 10
  const out: ImpactReport['warnings'] = indicators
    .filter((i) => i.flagsNearlyEveryone)
    .map((i) => ({
      code: 'risk.impact.indicator_flags_nearly_everyone',
      params: { indicator: i.id, percent: pct(i.share) },
    }))
  if (total > 0 && flagged / total >= NEARLY_EVERYONE)
    out.push({
      code: 'risk.impact.rule_set_flags_nearly_everyone',
      params: { percent: pct(flagged / total) },
    })
  return out
}

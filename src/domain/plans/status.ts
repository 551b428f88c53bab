import { fail, ok, PLAN_ERRORS, type Result } from './errors.ts'
import type { IndicatorDirection } from './plan.ts'

/**
 * Progress against target. "No data" is its own state and never a zero: a period the records do not cover, or
 * one no agency has an approved value for, says so instead of showing an indicator as off track.
 */
export const PROGRESS = ['on_track', 'at_risk', 'off_track', 'no_target', 'no_data'] as const
export type Progress = (typeof PROGRESS)[number]

/** Share of the target achieved at or above which an indicator is on track, and at risk (below: off track). */
export interface Thresholds {
  onTrack: number
  atRisk: number
}

export const DEFAULT_THRESHOLDS: Thresholds = { onTrack: 0.9, atRisk: 0.6 }

export function checkThresholds(t: Thresholds): Result<Thresholds> {
  const good = (n: number) => Number.isFinite(n) && n > 0 && n <= 1
  if (!good(t.onTrack) || !good(t.atRisk) || t.atRisk >= t.onTrack)
    return fail(PLAN_ERRORS.thresholdsInvalid, { onTrack: t.onTrack, atRisk: t.atRisk })
  return ok(t)
}

/**
 * How much of the target a value achieves: value ÷ target when higher is better, target ÷ value when lower is
 * better (10 days against a target of 5 achieves half). A target of 0 is met by 0 (or anything, going up).
 */
export function achievement(value: number, target: number, direction: IndicatorDirection): number {
  if (direction === 'increase') return target === 0 ? 1 : value / target
  if (value <= target) return 1
  return target === 0 ? 0 : target / value
}

export function progress(o: {
  value: number | null
  target: number | null
  direction: IndicatorDirection
  thresholds: Thresholds
}): Progress {
  if (o.value === null) return 'no_data'
  if (o.target === null) return 'no_target'
  const a = achievement(o.value, o.target, o.direction)
  if (a >= o.thresholds.onTrack) return 'on_track'
  if (a >= o.thresholds.atRisk) return 'at_risk'
  return 'off_track'
}

const WORST: Progress[] = ['off_track', 'at_risk', 'on_track']

/**
 * An activity (or pillar) is as far along as its least advanced indicator that can be judged; with none judged it
 * has no target if some indicator has data, and no data otherwise.
 */
export function rollUp(statuses: readonly Progress[]): Progress {
  for (const s of WORST) if (statuses.includes(s)) return s
  return statuses.includes('no_target') ? 'no_target' : 'no_data'
}

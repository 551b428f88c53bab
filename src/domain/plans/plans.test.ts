import { describe, expect, it } from 'vitest'
import { combineApproved, transition } from './approval.ts'
import { PLAN_ERRORS } from './errors.ts'
import {
  checkReportPeriod,
  parsePeriod,
  periodTarget,
  planQuarters,
  quarterOf,
  quarterPeriod,
  yearPeriod,
} from './periods.ts'
import {
  checkIndicatorChange,
  checkLinks,
  checkNodeRemoval,
  checkParent,
  checkPlanYears,
  checkTarget,
  checkTimeline,
  checkValue,
} from './plan.ts'
import { achievement, checkThresholds, DEFAULT_THRESHOLDS, progress, rollUp } from './status.ts'

const NSP = { startYear: 2024, endYear: 2028 }

describe('plan structure', () => {
  it('refuses a target for a year outside the plan, and takes one inside it', () => {
    expect(checkTarget(NSP, 'count', 2023, 10)).toMatchObject({
      ok: false,
      error: { code: PLAN_ERRORS.targetYearOutsidePlan },
    })
    expect(checkTarget(NSP, 'count', 2029, 10).ok).toBe(false)
    expect(checkTarget(NSP, 'count', 2024.5, 10).ok).toBe(false)
    expect(checkTarget(NSP, 'count', 2028, 10)).toEqual({ ok: true, value: { year: 2028, value: 10 } })
  })

  it('refuses impossible values: negative, not finite, a percentage over 100', () => {
    expect(checkValue('count', -1)).toMatchObject({ error: { code: PLAN_ERRORS.negativeValue } })
    expect(checkValue('count', Number.NaN)).toMatchObject({ error: { code: PLAN_ERRORS.targetNotFinite } })
    expect(checkValue('count', Number.POSITIVE_INFINITY).ok).toBe(false)
    expect(checkValue('percent', 100.1)).toMatchObject({ error: { code: PLAN_ERRORS.percentOutOfRange } })
    expect(checkValue('days', 250).ok).toBe(true)
  })

  it('keeps the levels in order: a pillar has no parent, an activity sits under an output', () => {
    expect(checkParent('pillar', null).ok).toBe(true)
    expect(checkParent('activity', 'output').ok).toBe(true)
    expect(checkParent('activity', 'pillar').ok).toBe(false)
    expect(checkParent('pillar', 'pillar').ok).toBe(false)
    expect(checkParent('objective', null).ok).toBe(false)
  })

  it('checks plan years and the GCM/SDG links', () => {
    expect(checkPlanYears(NSP).ok).toBe(true)
    expect(checkPlanYears({ startYear: 2028, endYear: 2024 }).ok).toBe(false)
    expect(checkPlanYears({ startYear: 2024, endYear: 2040 }).ok).toBe(false)
    expect(checkLinks({ gcm: [1, 11, 23], sdg: ['8.7', '10.7', '16.2'] }).ok).toBe(true)
    expect(checkLinks({ gcm: [24], sdg: [] })).toMatchObject({
      error: { code: PLAN_ERRORS.unknownGcmObjective },
    })
    expect(checkLinks({ gcm: [], sdg: ['16.9'] })).toMatchObject({
      error: { code: PLAN_ERRORS.unknownSdgTarget },
    })
  })
})

describe('periods', () => {
  it('parses years and quarters and refuses anything else', () => {
    expect(parsePeriod('2025-Q3').ok && parsePeriod('2025-Q3')).toMatchObject({
      value: { from: '2025-07-01', to: '2025-09-30', unit: 'quarter' },
    })
    expect(parsePeriod('2025')).toMatchObject({ value: { from: '2025-01-01', to: '2025-12-31' } })
    for (const bad of ['', '2025-Q5', '2025-Q0', '25', '2025Q1', '2025-Q1\n', 'x'.repeat(10_000)])
      expect(parsePeriod(bad)).toMatchObject({ ok: false, error: { code: PLAN_ERRORS.periodInvalid } })
  })

  it("quarters partition the plan's days: every day of five years falls in exactly one", () => {
    const quarters = planQuarters(NSP)
    expect(quarters).toHaveLength(20)
    for (let t = Date.UTC(2024, 0, 1); t <= Date.UTC(2028, 11, 31); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10)
      const holding = quarters.filter((q) => q.from <= day && day <= q.to)
      expect(holding.map((q) => q.key)).toEqual([quarterOf(day)])
    }
  })

  it('refuses a report for a period outside the plan or not yet begun', () => {
    expect(checkReportPeriod(NSP, '2023-Q4', '2026-12-04')).toMatchObject({
      error: { code: PLAN_ERRORS.periodOutsidePlan },
    })
    expect(checkReportPeriod(NSP, '2027-Q1', '2026-12-04')).toMatchObject({
      error: { code: PLAN_ERRORS.periodNotOver },
    })
    expect(checkReportPeriod(NSP, '2026-Q4', '2026-12-04').ok).toBe(true)
  })

  it('phases a count target evenly over quarters and holds levels in every period', () => {
    expect(periodTarget('count', 400, quarterPeriod(2025, 2), '2026-01-01')).toBe(100)
    expect(periodTarget('count', 400, yearPeriod(2025), '2026-01-01')).toBe(400)
    expect(periodTarget('count', 400, yearPeriod(2026), '2026-08-10')).toBe(300)
    expect(periodTarget('percent', 80, quarterPeriod(2025, 2), '2026-01-01')).toBe(80)
    expect(periodTarget('count', null, yearPeriod(2025), '2026-01-01')).toBeNull()
  })
})

describe('progress', () => {
  const t = DEFAULT_THRESHOLDS
  it('says "no data" for a missing value, never judges it as 0', () => {
    expect(progress({ value: null, target: 100, direction: 'increase', thresholds: t })).toBe('no_data')
    expect(progress({ value: 0, target: 100, direction: 'increase', thresholds: t })).toBe('off_track')
    expect(progress({ value: 5, target: null, direction: 'increase', thresholds: t })).toBe('no_target')
  })

  it('judges against the configurable thresholds, in either direction', () => {
    expect(progress({ value: 90, target: 100, direction: 'increase', thresholds: t })).toBe('on_track')
    expect(progress({ value: 89, target: 100, direction: 'increase', thresholds: t })).toBe('at_risk')
    expect(progress({ value: 59, target: 100, direction: 'increase', thresholds: t })).toBe('off_track')
    expect(
      progress({ value: 89, target: 100, direction: 'increase', thresholds: { onTrack: 0.8, atRisk: 0.5 } }),
    ).toBe('on_track')
    expect(progress({ value: 4, target: 5, direction: 'decrease', thresholds: t })).toBe('on_track')
    expect(achievement(10, 5, 'decrease')).toBe(0.5)
    expect(progress({ value: 10, target: 5, direction: 'decrease', thresholds: t })).toBe('off_track')
  })

  it('refuses thresholds out of order or out of range', () => {
    expect(checkThresholds({ onTrack: 0.6, atRisk: 0.9 }).ok).toBe(false)
    expect(checkThresholds({ onTrack: 1.5, atRisk: 0.5 }).ok).toBe(false)
    expect(checkThresholds({ onTrack: 0.9, atRisk: 0 }).ok).toBe(false)
    expect(checkThresholds({ onTrack: 1, atRisk: 0.5 }).ok).toBe(true)
  })

  it('rolls an activity up to its least advanced judged indicator', () => {
    expect(rollUp(['on_track', 'at_risk', 'no_data'])).toBe('at_risk')
    expect(rollUp(['on_track', 'off_track'])).toBe('off_track')
    expect(rollUp(['no_data', 'no_target'])).toBe('no_target')
    expect(rollUp(['no_data'])).toBe('no_data')
    expect(rollUp([])).toBe('no_data')
  })
})

describe('approval workflow', () => {
  const draft = { state: 'draft' as const, submittedBy: null, evidenceCount: 1 }
  const submitted = { state: 'submitted' as const, submittedBy: 'u1', evidenceCount: 1 }

  it('submits, then approves or returns with a comment; a returned report can be submitted again', () => {
    expect(transition(draft, 'submit', { actorId: 'u1' })).toEqual({ ok: true, value: 'submitted' })
    expect(transition(submitted, 'approve', { actorId: 'u2' })).toEqual({ ok: true, value: 'approved' })
    expect(transition(submitted, 'return', { actorId: 'u2', comment: 'Attach the register' })).toEqual({
      ok: true,
      value: 'returned',
    })
    expect(transition({ ...submitted, state: 'returned' }, 'submit', { actorId: 'u1' }).ok).toBe(true)
  })

  it('refuses what the workflow forbids', () => {
    expect(transition({ ...draft, evidenceCount: 0 }, 'submit', { actorId: 'u1' })).toMatchObject({
      error: { code: PLAN_ERRORS.evidenceRequired },
    })
    expect(transition(submitted, 'approve', { actorId: 'u1' })).toMatchObject({
      error: { code: PLAN_ERRORS.ownReport },
    })
    expect(transition(submitted, 'return', { actorId: 'u2', comment: '  ' })).toMatchObject({
      error: { code: PLAN_ERRORS.commentRequired },
    })
    expect(transition(draft, 'approve', { actorId: 'u2' })).toMatchObject({
      error: { code: PLAN_ERRORS.transitionNotAllowed },
    })
    const approved = { ...submitted, state: 'approved' as const }
    for (const e of ['edit', 'submit', 'approve', 'return'] as const)
      expect(transition(approved, e, { actorId: 'u2', comment: 'x' }).ok).toBe(false)
  })

  it('counts only approved values: counts add up, levels average, none approved is no data', () => {
    const reports = [
      { state: 'approved' as const, value: 12 },
      { state: 'submitted' as const, value: 1000 },
      { state: 'approved' as const, value: 30 },
      { state: 'returned' as const, value: 7 },
    ]
    expect(combineApproved('count', reports)).toBe(42)
    expect(combineApproved('percent', reports)).toBe(21)
    expect(
      combineApproved(
        'count',
        reports.filter((r) => r.state !== 'approved'),
      ),
    ).toBeNull()
  })
})

describe('editing the structure', () => {
  const plan = { startYear: 2024, endYear: 2028 }
  it('keeps an activity timeline inside the plan and in order; open ends allowed', () => {
    expect(checkTimeline(plan, { startYear: 2024, endYear: 2028 }).ok).toBe(true)
    expect(checkTimeline(plan, { startYear: null, endYear: null }).ok).toBe(true)
    expect(checkTimeline(plan, { startYear: 2023, endYear: null })).toMatchObject({
      ok: false,
      error: { code: PLAN_ERRORS.targetYearOutsidePlan, params: { year: '2023' } },
    })
    expect(checkTimeline(plan, { startYear: null, endYear: 2029 })).toMatchObject({ ok: false })
    expect(checkTimeline(plan, { startYear: 2027, endYear: 2025 })).toMatchObject({
      ok: false,
      error: { code: PLAN_ERRORS.timelineOrder },
    })
  })
  it('refuses to remove a node with children or indicators, children named first', () => {
    expect(checkNodeRemoval({ children: 0, indicators: 0 }).ok).toBe(true)
    expect(checkNodeRemoval({ children: 2, indicators: 1 })).toMatchObject({
      error: { code: PLAN_ERRORS.nodeHasChildren, params: { count: 2 } },
    })
    expect(checkNodeRemoval({ children: 0, indicators: 1 })).toMatchObject({
      error: { code: PLAN_ERRORS.nodeHasIndicators },
    })
  })
  it('keeps a reported-against indicator: no removal, no new unit or source; wording may change', () => {
    const none = { removal: false, unitChanged: false, sourceChanged: false }
    expect(checkIndicatorChange(3, none).ok).toBe(true)
    expect(checkIndicatorChange(0, { removal: true, unitChanged: true, sourceChanged: true }).ok).toBe(true)
    for (const change of [
      { ...none, removal: true },
      { ...none, unitChanged: true },
      { ...none, sourceChanged: true },
    ])
      expect(checkIndicatorChange(1, change)).toMatchObject({
        ok: false,
        error: { code: PLAN_ERRORS.indicatorHasReports },
      })
  })
})

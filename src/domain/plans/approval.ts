import { fail, ok, PLAN_ERRORS, type Result } from './errors.ts'

/**
 * An agency's reported value moves draft → submitted → approved, or back to returned (with the secretariat's
 * comment) and then submitted again, as DHIS2's data approval: once approved it is locked, and only approved
 * values count toward progress. The approver is never the person who submitted it.
 */
export const REPORT_STATES = ['draft', 'submitted', 'returned', 'approved'] as const
export type ReportState = (typeof REPORT_STATES)[number]

export const REPORT_EVENTS = ['submit', 'approve', 'return', 'edit'] as const
export type ReportEvent = (typeof REPORT_EVENTS)[number]

const NEXT: Record<ReportEvent, Partial<Record<ReportState, ReportState>>> = {
  edit: { draft: 'draft', returned: 'returned' },
  submit: { draft: 'submitted', returned: 'submitted' },
  approve: { submitted: 'approved' },
  return: { submitted: 'returned' },
}

export interface ReportFacts {
  state: ReportState
  submittedBy: string | null
  evidenceCount: number
}

export function transition(
  report: ReportFacts,
  event: ReportEvent,
  o: { actorId: string; comment?: string | null },
): Result<ReportState> {
  const next = NEXT[event][report.state]
  if (!next) return fail(PLAN_ERRORS.transitionNotAllowed, { state: report.state, event })
  if (event === 'submit' && report.evidenceCount === 0) return fail(PLAN_ERRORS.evidenceRequired)
  if ((event === 'approve' || event === 'return') && report.submittedBy === o.actorId)
    return fail(PLAN_ERRORS.ownReport)
  if (event === 'return' && !o.comment?.trim()) return fail(PLAN_ERRORS.commentRequired)
  return ok(next)
}

/**
 * The value of a reported indicator for a period, from its approved reports only: counts add up across agencies,
 * levels (a percentage, a number of days) are averaged. Nothing approved is "no data" (null), never 0.
 */
export function combineApproved(
  unit: 'count' | 'percent' | 'days',
  reports: readonly { state: ReportState; value: number }[],
): number | null {
  const values = reports.filter((r) => r.state === 'approved').map((r) => r.value)
  if (values.length === 0) return null
  const sum = values.reduce((a, b) => a + b, 0)
  return unit === 'count' ? sum : Math.round((sum / values.length) * 10) / 10
}

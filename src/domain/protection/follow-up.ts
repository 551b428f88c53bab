import { addDays, daysBetween, isIsoDate } from '../statistics/calendar.ts'
import { fail, ok, PROTECTION_ERRORS, type Result } from './errors.ts'

/** A planned visit or call: due on a date, done on a date or not yet. Dates are `YYYY-MM-DD` in Cambodia. */
export interface FollowUp {
  id: string
  dueDate: string
  completedOn?: string
}

export type FollowUpStatus = 'upcoming' | 'dueToday' | 'overdue' | 'done' | 'doneLate'

export interface FollowUpState {
  status: FollowUpStatus
  /** Days past the due date: today for an open one, the completion day for a done one; 0 if not late. */
  daysLate: number
}

/**
 * Monitoring visits after reintegration, in days from its start. MoSVY's circular sets its own schedule,
 * which is not in our sources: this default (1, 3, 6 and 12 months) is a placeholder to configure.
 */
export const DEFAULT_MONITORING_OFFSETS = [30, 90, 180, 365] as const

export function followUpState(followUp: FollowUp, today: string): FollowUpState {
  if (followUp.completedOn) {
    const late = Math.max(0, daysBetween(followUp.dueDate, followUp.completedOn))
    return { status: late > 0 ? 'doneLate' : 'done', daysLate: late }
  }
  const late = daysBetween(followUp.dueDate, today)
  if (late > 0) return { status: 'overdue', daysLate: late }
  return { status: late === 0 ? 'dueToday' : 'upcoming', daysLate: 0 }
}

export function isOverdue(followUp: FollowUp, today: string): boolean {
  return followUpState(followUp, today).status === 'overdue'
}

/** Due dates at the given offsets from a start date. */
export function scheduleFollowUps(
  start: string,
  offsets: readonly number[] = DEFAULT_MONITORING_OFFSETS,
): Result<string[]> {
  if (!isIsoDate(start)) return fail(PROTECTION_ERRORS.invalidDate, { value: start })
  if (offsets.some((d) => !Number.isInteger(d) || d <= 0)) return fail(PROTECTION_ERRORS.invalidInterval)
  return ok([...offsets].sort((a, b) => a - b).map((d) => addDays(start, d)))
}

/** The next visit after the last one, every `intervalDays`. */
export function nextDueDate(lastVisit: string, intervalDays: number): Result<string> {
  if (!isIsoDate(lastVisit)) return fail(PROTECTION_ERRORS.invalidDate, { value: lastVisit })
  if (!Number.isInteger(intervalDays) || intervalDays <= 0) return fail(PROTECTION_ERRORS.invalidInterval)
  return ok(addDays(lastVisit, intervalDays))
}

export interface CaseloadFollowUps {
  overdue: number
  dueToday: number
  /** Earliest open due date, or undefined when nothing is open. */
  nextDue?: string
  /** Longest delay among open follow-ups. */
  maxDaysOverdue: number
}

/** For a case manager's dashboard: what is late and what comes next. */
export function summariseFollowUps(followUps: readonly FollowUp[], today: string): CaseloadFollowUps {
  const summary: CaseloadFollowUps = { overdue: 0, dueToday: 0, maxDaysOverdue: 0 }
  for (const f of followUps) {
    if (f.completedOn) continue
    const { status, daysLate } = followUpState(f, today)
    if (status === 'overdue') summary.overdue++
    if (status === 'dueToday') summary.dueToday++
    summary.maxDaysOverdue = Math.max(summary.maxDaysOverdue, daysLate)
    if (!summary.nextDue || f.dueDate < summary.nextDue) summary.nextDue = f.dueDate
  }
  return summary
}

/**
 * SOP follow-up timers (issue 17): after a handover, reintegration follow-up reports are due at the months the
 * agreement sets (`followUpMonths` on its `repatriation.follow_up` rule; no public SOP gives them, so they are
 * data). Pure: days are `YYYY-MM-DD`, today is given, so a test can fix the clock.
 */
export type FollowUpStatus = 'done' | 'overdue' | 'due' | 'upcoming'

export interface FollowUpItem {
  month: number
  dueOn: string
  status: FollowUpStatus
}

/** A report counts as due this many days before its day, so a case manager can plan the visit. */
export const DUE_SOON_DAYS = 14

/** `day` plus `months`, the day clamped to the end of a shorter month (31 January + 1 month = 28/29 February). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

export function followUpSchedule(o: {
  handedOverOn: string
  months: readonly number[]
  reported: ReadonlySet<number>
  today: string
}): FollowUpItem[] {
  const soon = addDays(o.today, DUE_SOON_DAYS)
  return [...new Set(o.months)]
    .sort((a, b) => a - b)
    .map((month) => {
      const dueOn = addMonths(o.handedOverOn, month)
      const status: FollowUpStatus = o.reported.has(month)
        ? 'done'
        : dueOn < o.today
          ? 'overdue'
          : dueOn <= soon
            ? 'due'
            : 'upcoming'
      return { month, dueOn, status }
    })
}

import { describe, expect, it } from 'vitest'
import {
  type FollowUp,
  followUpState,
  isOverdue,
  nextDueDate,
  scheduleFollowUps,
  summariseFollowUps,
} from './follow-up.ts'

function visit(dueDate: string, completedOn?: string): FollowUp {
  return { id: `f-${dueDate}`, dueDate, ...(completedOn ? { completedOn } : {}) }
}

describe('follow-ups', () => {
  it('are upcoming before the due date, due on it and overdue the day after', () => {
    expect(followUpState(visit('2025-09-10'), '2025-09-09')).toEqual({ status: 'upcoming', daysLate: 0 })
    expect(followUpState(visit('2025-09-10'), '2025-09-10')).toEqual({ status: 'dueToday', daysLate: 0 })
    expect(followUpState(visit('2025-09-10'), '2025-09-11')).toEqual({ status: 'overdue', daysLate: 1 })
    expect(isOverdue(visit('2025-09-10'), '2025-10-10')).toBe(true)
  })

  it('stay late on record when done after the due date, and are never overdue once done', () => {
    expect(followUpState(visit('2025-09-10', '2025-09-15'), '2025-12-01')).toEqual({
      status: 'doneLate',
      daysLate: 5,
    })
    expect(followUpState(visit('2025-09-10', '2025-09-01'), '2025-12-01')).toEqual({
      status: 'done',
      daysLate: 0,
    })
    expect(isOverdue(visit('2025-09-10', '2025-09-15'), '2025-12-01')).toBe(false)
  })

  it('are scheduled at offsets from the start of reintegration', () => {
    const dates = scheduleFollowUps('2025-01-31', [30, 90])
    expect(dates.ok && dates.value).toEqual(['2025-03-02', '2025-05-01'])
    const defaults = scheduleFollowUps('2025-01-01')
    expect(defaults.ok && defaults.value.length).toBe(4)
  })

  it('refuse impossible dates and intervals', () => {
    const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? undefined : r.error?.code)
    expect(code(scheduleFollowUps('2025-02-30'))).toBe('protection.errors.invalidDate')
    expect(code(scheduleFollowUps('2025-02-01', [0]))).toBe('protection.errors.invalidInterval')
    expect(code(nextDueDate('2025-02-01', -7))).toBe('protection.errors.invalidInterval')
    expect(nextDueDate('2025-12-25', 14)).toEqual({ ok: true, value: '2026-01-08' })
  })

  it('summarise a caseload: overdue, due today, the next date and the worst delay', () => {
    const summary = summariseFollowUps(
      [
        visit('2025-09-01'),
        visit('2025-09-05'),
        visit('2025-09-10'),
        visit('2025-09-20'),
        visit('2025-08-01', '2025-08-30'),
      ],
      '2025-09-10',
    )
    expect(summary).toEqual({ overdue: 2, dueToday: 1, nextDue: '2025-09-01', maxDaysOverdue: 9 })
  })
})

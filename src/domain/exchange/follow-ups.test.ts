import { describe, expect, it } from 'vitest'
import { type Agreement, agreementProblems } from './agreement.ts'
import { addMonths, followUpSchedule } from './follow-ups.ts'
import { minimisedForRetention, retentionCutoff } from './retention.ts'

const rule = { purposes: ['x'], fields: [], retentionDays: 30, consent: 'not_required' as const }
const agreement: Agreement = {
  id: 'a',
  code: 'KH-TH',
  title: 't',
  legal: { title: 't', date: '2003-05-31', article: '1' },
  partner: 'TH-MSDHS',
  validFrom: '2024-01-01',
  validUntil: '2030-12-31',
  rules: { 'repatriation.follow_up': { ...rule, followUpMonths: [1, 3] } },
}

describe('SOP follow-up timers', () => {
  it('adds months, clamping to the end of a shorter month and crossing years', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15')
    expect(addMonths('2026-12-04', 12)).toBe('2027-12-04')
  })

  it('marks each month done, overdue, due within two weeks or upcoming, on the day given', () => {
    const at = (today: string, reported: number[] = []) =>
      followUpSchedule({
        handedOverOn: '2026-12-04',
        months: [3, 1, 1, 6],
        reported: new Set(reported),
        today,
      }).map((i) => `${i.month}:${i.dueOn}:${i.status}`)
    expect(at('2026-12-04')).toEqual([
      '1:2027-01-04:upcoming',
      '3:2027-03-04:upcoming',
      '6:2027-06-04:upcoming',
    ])
    expect(at('2026-12-21')).toEqual(['1:2027-01-04:due', '3:2027-03-04:upcoming', '6:2027-06-04:upcoming'])
    expect(at('2027-01-04')[0]).toBe('1:2027-01-04:due')
    expect(at('2027-01-05')[0]).toBe('1:2027-01-04:overdue')
    expect(at('2027-04-01', [1])).toEqual([
      '1:2027-01-04:done',
      '3:2027-03-04:overdue',
      '6:2027-06-04:upcoming',
    ])
  })

  it('refuses follow-up months on a type that is not the follow-up report', () => {
    expect(agreementProblems(agreement)).toEqual([])
    const wrong = { ...agreement, rules: { 'repatriation.referral': { ...rule, followUpMonths: [1] } } }
    expect(agreementProblems(wrong)).toEqual(['repatriation.referral:followUpMonths'])
  })
})

describe('retention', () => {
  it('keeps only the thread, list and month fields of a message past retention', () => {
    expect(
      minimisedForRetention({
        xch_RepatriationRef: 'R-1',
        xch_FollowUpMonth: 3,
        prs_FirstName: 'Sokha',
        xch_FollowUpSummary: 'Back in school',
      }),
    ).toEqual({ xch_RepatriationRef: 'R-1', xch_FollowUpMonth: 3 })
    expect(minimisedForRetention({ xch_ListRef: 'L', xch_Persons: [{ prs_FirstName: 'A' }] })).toEqual({
      xch_ListRef: 'L',
    })
  })

  it('cuts off at the agreement’s retention for the type, and never for a type it does not name', () => {
    const now = new Date('2026-12-04T00:00:00Z')
    expect(retentionCutoff(agreement, 'repatriation.follow_up', now)?.toISOString()).toBe(
      '2026-11-04T00:00:00.000Z',
    )
    expect(retentionCutoff(agreement, 'repatriation.referral', now)).toBeNull()
  })
})

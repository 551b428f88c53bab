import { describe, expect, it } from 'vitest'
import { checkMove, dwell, outcomeEffect, type SecondaryAction, secondaryState } from './secondary.ts'

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 1, 9, minutes))
const move = (over: Partial<Parameters<typeof checkMove>[0]> & { action: SecondaryAction }) =>
  checkMove({ state: 'in_interview', actorId: 'u1', takenBy: 'u1', mayDecide: false, ...over })?.code ?? null

describe('secondary inspection states', () => {
  it('is waiting until taken, in interview until decided, then decided', () => {
    expect(secondaryState({ referredAt: at(0), takenAt: null, decidedAt: null })).toBe('waiting')
    expect(secondaryState({ referredAt: at(0), takenAt: at(5), decidedAt: null })).toBe('in_interview')
    expect(secondaryState({ referredAt: at(0), takenAt: at(5), decidedAt: at(20) })).toBe('decided')
  })

  it('lets anyone at the post take a waiting referral', () => {
    expect(move({ state: 'waiting', takenBy: null, action: 'take' })).toBeNull()
  })

  it('lets only someone who may decide take over an interview another officer is holding', () => {
    expect(move({ takenBy: 'u2', action: 'take' })).toBe('crossings.secondary.rules.taken_by_another')
    expect(move({ takenBy: 'u2', action: 'take', mayDecide: true })).toBeNull()
    expect(move({ action: 'take' })).toBe('crossings.secondary.rules.already_yours')
  })

  it('keeps notes and examinations for an interview under way', () => {
    expect(move({ state: 'waiting', takenBy: null, action: 'note' })).toBe(
      'crossings.secondary.rules.not_taken',
    )
    expect(move({ takenBy: 'u2', action: 'note' })).toBeNull()
    expect(move({ action: 'link_examination' })).toBeNull()
  })

  it('lets only a supervisor decide, after the interview started, and only once', () => {
    expect(move({ action: 'decide' })).toBe('crossings.secondary.rules.decide_needs_supervisor')
    expect(move({ action: 'decide', mayDecide: true })).toBeNull()
    expect(move({ state: 'waiting', action: 'decide', mayDecide: true })).toBe(
      'crossings.secondary.rules.not_taken',
    )
    for (const action of ['take', 'note', 'link_examination', 'decide'] as const)
      expect(move({ state: 'decided', action, mayDecide: true })).toBe(
        'crossings.secondary.rules.already_decided',
      )
  })
})

describe('what an outcome leaves on the record', () => {
  it('admits in the direction of the referral, without a reason', () => {
    expect(outcomeEffect({ outcome: 'admit', direction: 'exit', refusalReason: null })).toEqual({
      ok: true,
      effect: { decision: 'admit', refusalReason: null, alertPolice: false, referProtection: false },
    })
    expect(outcomeEffect({ outcome: 'admit', direction: 'entry', refusalReason: 'entry_ban' })).toMatchObject(
      {
        ok: false,
        refusal: { code: 'crossings.secondary.rules.reason_not_expected' },
      },
    )
  })

  it('refuses with a reason, and needs one', () => {
    expect(
      outcomeEffect({ outcome: 'refuse', direction: 'entry', refusalReason: 'entry_ban' }),
    ).toMatchObject({
      ok: true,
      effect: { decision: 'refuse', refusalReason: 'entry_ban', alertPolice: false },
    })
    expect(outcomeEffect({ outcome: 'refuse', direction: 'entry', refusalReason: null })).toMatchObject({
      ok: false,
      refusal: { code: 'crossings.secondary.rules.reason_required' },
    })
  })

  it('hands over to the police as a refusal that alerts them', () => {
    const r = outcomeEffect({
      outcome: 'hand_over_police',
      direction: 'exit',
      refusalReason: 'exit_prohibited',
    })
    expect(r).toMatchObject({
      ok: true,
      effect: { decision: 'refuse', alertPolice: true, referProtection: false },
    })
  })

  it('admits an entry referred to protection and stops an exit referred to protection', () => {
    expect(
      outcomeEffect({ outcome: 'refer_protection', direction: 'entry', refusalReason: null }),
    ).toMatchObject({
      ok: true,
      effect: { decision: 'admit', referProtection: true, alertPolice: false },
    })
    const exit = outcomeEffect({
      outcome: 'refer_protection',
      direction: 'exit',
      refusalReason: 'child_without_consent',
    })
    expect(exit).toMatchObject({ ok: true, effect: { decision: 'refuse', referProtection: true } })
    expect(outcomeEffect({ outcome: 'refer_protection', direction: 'exit', refusalReason: null }).ok).toBe(
      false,
    )
  })
})

describe('dwell time', () => {
  it('splits a decided referral into waiting and interview', () => {
    expect(dwell({ referredAt: at(0), takenAt: at(12), decidedAt: at(40) }, at(59))).toEqual({
      waitingSeconds: 12 * 60,
      interviewSeconds: 28 * 60,
      totalSeconds: 40 * 60,
    })
  })

  it('counts an open referral up to now', () => {
    expect(dwell({ referredAt: at(0), takenAt: null, decidedAt: null }, at(7))).toEqual({
      waitingSeconds: 7 * 60,
      interviewSeconds: null,
      totalSeconds: 7 * 60,
    })
    expect(dwell({ referredAt: at(0), takenAt: at(3), decidedAt: null }, at(10)).interviewSeconds).toBe(
      7 * 60,
    )
  })
})

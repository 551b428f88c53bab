import type { CrossingDecision, Direction, Refusal } from './types.ts'

/**
 * Secondary inspection: a traveller referred from a primary counter waits in the post's queue, is taken into an
 * interview by an officer, and leaves with one outcome decided by a supervisor or the post chief.
 */
export const SECONDARY_OUTCOMES = ['admit', 'refuse', 'hand_over_police', 'refer_protection'] as const
export type SecondaryOutcome = (typeof SECONDARY_OUTCOMES)[number]

export const SECONDARY_STATES = ['waiting', 'in_interview', 'decided'] as const
export type SecondaryState = (typeof SECONDARY_STATES)[number]

export type SecondaryAction = 'take' | 'note' | 'link_examination' | 'decide'

export interface SecondaryTimes {
  referredAt: Date
  takenAt: Date | null
  decidedAt: Date | null
}

export function secondaryState(s: SecondaryTimes): SecondaryState {
  if (s.decidedAt) return 'decided'
  return s.takenAt ? 'in_interview' : 'waiting'
}

const refusal = (code: string, params: Refusal['params'] = {}): Refusal => ({
  code: `crossings.secondary.rules.${code}`,
  params,
})

/**
 * Who may move a referral, and when. Anyone allowed at the post takes a waiting referral; an interview already
 * taken by someone else is taken over only by someone who may decide (a supervisor relieving an officer). Notes and
 * examinations belong to an interview, so they need one under way. Deciding needs an interview and the right to
 * decide; a decided referral is closed for good.
 */
export function checkMove(o: {
  state: SecondaryState
  action: SecondaryAction
  actorId: string
  takenBy: string | null
  mayDecide: boolean
}): Refusal | null {
  if (o.state === 'decided') return refusal('already_decided')
  if (o.action === 'take') {
    if (o.state === 'in_interview' && o.takenBy === o.actorId) return refusal('already_yours')
    if (o.state === 'in_interview' && !o.mayDecide) return refusal('taken_by_another')
    return null
  }
  if (o.state === 'waiting') return refusal('not_taken')
  if (o.action === 'decide' && !o.mayDecide) return refusal('decide_needs_supervisor')
  return null
}

/** What the record keeps for an outcome: the movement's decision and what else the outcome sets off. */
export interface OutcomeEffect {
  decision: Extract<CrossingDecision, 'admit' | 'refuse'>
  refusalReason: string | null
  alertPolice: boolean
  referProtection: boolean
}

export type OutcomeResult = { ok: true; effect: OutcomeEffect } | { ok: false; refusal: Refusal }

/**
 * The movement each outcome leaves on the traveller's record, in the direction of the referral:
 * - admit: an admitted movement, which the entry/exit sequence and stay rules then follow as any other;
 * - refuse: a refusal with a reason from the refusal-reason list;
 * - hand over to police: not admitted — a refusal with its reason — and the police (NPC) alerted;
 * - refer to protection: a protection referral. An entry is admitted: a presumed victim is not punished for how
 *   they crossed (ASEAN Convention against Trafficking in Persons, art. 14(7)), and a returning Cambodian cannot be
 *   refused entry anyway; the provider takes them in inside Cambodia. An exit is stopped (a refusal with its
 *   reason), since protection is given here and the person must not continue out with whoever escorts them.
 */
export function outcomeEffect(o: {
  outcome: SecondaryOutcome
  direction: Direction
  refusalReason: string | null
}): OutcomeResult {
  const refused = o.outcome !== 'admit' && !(o.outcome === 'refer_protection' && o.direction === 'entry')
  if (refused && o.refusalReason === null) return { ok: false, refusal: refusal('reason_required') }
  if (!refused && o.refusalReason !== null) return { ok: false, refusal: refusal('reason_not_expected') }
  return {
    ok: true,
    effect: {
      decision: refused ? 'refuse' : 'admit',
      refusalReason: refused ? o.refusalReason : null,
      alertPolice: o.outcome === 'hand_over_police',
      referProtection: o.outcome === 'refer_protection',
    },
  }
}

export interface Dwell {
  /** Referred → taken (or until now while waiting). */
  waitingSeconds: number
  /** Taken → decided (or until now while in interview); null before anyone took it. */
  interviewSeconds: number | null
  /** Referred → decided (or until now while open). */
  totalSeconds: number
}

const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000))

/** Dwell time for the queue and for statistics: how long the traveller waited, was interviewed, and in all. */
export function dwell(s: SecondaryTimes, now: Date): Dwell {
  const end = s.decidedAt ?? now
  return {
    waitingSeconds: seconds(s.referredAt, s.takenAt ?? end),
    interviewSeconds: s.takenAt ? seconds(s.takenAt, end) : null,
    totalSeconds: seconds(s.referredAt, end),
  }
}

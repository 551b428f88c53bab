import { type CompanionFacts, checkCompanions } from './companions.ts'
import { isCalendarDay } from './days.ts'
import { lastAdmitted, type Stay, stayFrom } from './stay.ts'
import type { CrossingDecision, CrossingFlag, Direction, PastMovement, PermitType, Refusal } from './types.ts'

export interface Permit {
  type: PermitType
  number: string | null
  validFrom: string | null
  validUntil: string | null
  permittedStayDays: number | null
}

export interface MovementInput {
  travellerId: string
  birthDate: string | null
  /** Day of the crossing in Cambodia, `YYYY-MM-DD`. */
  day: string
  direction: Direction
  decision: CrossingDecision
  refusalReason: string | null
  /** The refusal reasons administrators keep active. */
  refusalReasons: readonly string[]
  permit: Permit | null
  companions: readonly CompanionFacts[]
  /** Every earlier movement of the traveller at any post, oldest first. */
  history: readonly PastMovement[]
}

export interface Movement {
  /** For an exit: the stay it ends, from the matching admitted entry. */
  stay: Stay | null
  age: number | null
  flags: CrossingFlag[]
}

export type MovementResult = { ok: true; movement: Movement } | { ok: false; refusal: Refusal }

const refuse = (code: string, params: Refusal['params'] = {}): MovementResult => ({
  ok: false,
  refusal: { code: `crossings.rules.${code}`, params },
})

function checkReason(i: MovementInput): MovementResult | null {
  if (i.decision !== 'refuse') return i.refusalReason === null ? null : refuse('reason_only_for_refusal')
  if (i.refusalReason === null) return refuse('reason_required')
  if (!i.refusalReasons.includes(i.refusalReason))
    return refuse('unknown_reason', { reason: i.refusalReason })
  return null
}

function checkPermit(p: Permit | null): MovementResult | null {
  if (!p) return null
  for (const day of [p.validFrom, p.validUntil])
    if (day !== null && !isCalendarDay(day)) return refuse('impossible_date', { date: day })
  if (p.validFrom && p.validUntil && p.validFrom > p.validUntil)
    return refuse('permit_dates_order', { from: p.validFrom, until: p.validUntil })
  return null
}

/** The record must stay a sequence of entries and exits: no second entry while inside, no second exit. */
function checkSequence(i: MovementInput): MovementResult | null {
  const last = lastAdmitted(i.history)
  if (last && last.direction === i.direction)
    return refuse(i.direction === 'entry' ? 'already_inside' : 'already_exited', {
      day: last.day,
      post: last.postCode,
    })
  // A refusal is final for that attempt: admitting the same person the same day is a supervisor's review, not a
  // second officer's call at the next counter.
  const previous = i.history.at(-1)
  if (
    i.decision === 'admit' &&
    previous?.decision === 'refuse' &&
    previous.direction === i.direction &&
    previous.day === i.day
  )
    return refuse('refused_today', { post: previous.postCode })
  return null
}

/**
 * Judges one movement an officer decided: checks it against the traveller's record and computes what the record
 * keeps with it (stay, overstay, flags). Refuses only what would make the record inconsistent or what the law
 * forbids outright (a child under 12 admitted without a guardian); screening and risk never decide here.
 */
export function decideMovement(i: MovementInput): MovementResult {
  if (!isCalendarDay(i.day)) return refuse('impossible_date', { date: i.day })
  const early = checkReason(i) ?? checkPermit(i.permit) ?? checkSequence(i)
  if (early) return early
  const companions = checkCompanions(i)
  // A child without a guardian is refused only an admission: referring or refusing them is what the record must
  // then show. A traveller listed as their own companion is wrong whatever the decision.
  const self = companions.refusal?.code === 'crossings.rules.self_companion'
  if (companions.refusal && (i.decision === 'admit' || self))
    return { ok: false, refusal: companions.refusal }
  const flags: CrossingFlag[] = []
  if (companions.unaccompaniedMinor) flags.push('unaccompanied_minor')
  let stay: Stay | null = null
  if (i.direction === 'exit') {
    const entry = lastAdmitted(i.history)
    if (entry) stay = stayFrom(entry, i.day)
    else flags.push('exit_without_entry')
    if (stay?.overstayDays) flags.push('overstay')
  }
  if (i.direction === 'entry' && i.permit?.validUntil && i.permit.validUntil < i.day)
    flags.push('permit_expired')
  return { ok: true, movement: { stay, age: companions.age, flags } }
}

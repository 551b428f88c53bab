import { dwell, type SecondaryOutcome, secondaryState } from '../../domain/crossings/index.ts'
import type { SecondaryListRow } from './secondary.repository.ts'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

/** A referral as the queue shows it, with its dwell time so far (or in all, once decided). */
export function presentSecondary(s: SecondaryListRow, now: Date) {
  const times = { referredAt: s.referred_at, takenAt: s.taken_at, decidedAt: s.decided_at }
  return {
    id: s.id,
    crossingId: s.crossing_id,
    postCode: s.post_code,
    state: secondaryState(times),
    traveller: {
      id: s.traveller_id,
      name: `${s.given_names} ${s.surname}`.trim(),
      birthDate: s.birth_date,
      nationality: s.nationality,
    },
    documentId: s.document_id,
    direction: s.direction,
    counter: s.counter,
    referredAt: s.referred_at.toISOString(),
    referredBy: s.referred_by_name,
    referralNote: s.referral_note,
    takenAt: iso(s.taken_at),
    takenBy: s.taken_by_name,
    decidedAt: iso(s.decided_at),
    decidedBy: s.decided_by_name,
    outcome: s.outcome as SecondaryOutcome | null,
    refusalReason: s.refusal_reason,
    resultCrossingId: s.result_crossing_id,
    protectionReferralId: s.protection_referral_id,
    policeAlertId: s.police_alert_id,
    dwell: dwell(times, now),
  }
}

/**
 * Why a message is refused, as a closed set both sides can read: the receiver answers with the code (and the
 * sender's screen translates it as `exchange.refusal.<code>`), never with prose.
 */
export const REFUSAL_REASONS = [
  'unknown_agreement',
  'expired_agreement',
  'type_not_allowed',
  'field_not_allowed',
  'missing_consent',
  'bad_signature',
  'key_revoked',
  'replay',
  'wrong_recipient',
  'malformed',
  'too_large',
] as const
export type RefusalReason = (typeof REFUSAL_REASONS)[number]

export interface Refusal {
  reason: RefusalReason
  /** The field, type or key concerned: a name, never a value from the message. */
  detail?: string
}

export function isRefusal(x: unknown): x is Refusal {
  return (
    typeof x === 'object' &&
    x !== null &&
    (REFUSAL_REASONS as readonly string[]).includes((x as Refusal).reason)
  )
}

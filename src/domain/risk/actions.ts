/**
 * What an indicator may suggest. There is deliberately no "refuse": a hit is advice for an officer, never an
 * automatic decision. Labels live under `risk.actions.<action>` and `risk.categories.<category>`.
 */
export const ACTIONS = [
  'advise',
  'secondary_interview',
  'protection_referral',
  'notify_mosvy',
  'notify_ncct',
  'notify_police',
] as const
export type Action = (typeof ACTIONS)[number]
export type SuggestedAction = Action | 'none'

/**
 * Strength order used to pick the one suggested action. Agency notifications rank above a referral because they
 * add an inbox alert on top of it; their order among themselves is a policy choice kept here in one place.
 */
export const ACTION_RANK: Record<SuggestedAction, number> = {
  none: -1,
  advise: 0,
  secondary_interview: 1,
  protection_referral: 2,
  notify_mosvy: 3,
  notify_ncct: 4,
  notify_police: 5,
}

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value)
}

export function stronger(a: SuggestedAction, b: SuggestedAction): SuggestedAction {
  return ACTION_RANK[b] > ACTION_RANK[a] ? b : a
}

/** True when the action takes the traveller out of the primary line (an interview or more). */
export function needsSecondaryInterview(action: SuggestedAction): boolean {
  return ACTION_RANK[action] >= ACTION_RANK.secondary_interview
}

export const CATEGORIES = [
  'trafficking',
  'scam_centre_recruitment',
  'smuggling',
  'document_fraud',
  'child_protection',
] as const
export type Category = (typeof CATEGORIES)[number]

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value)
}

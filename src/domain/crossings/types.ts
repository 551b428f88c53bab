/** The closed value sets of a crossing record. Labels live in `src/locales/<locale>/crossings.json`. */
export const DIRECTIONS = ['entry', 'exit'] as const
export type Direction = (typeof DIRECTIONS)[number]

/** What the officer decides at the counter. Screening and risk only advise; nothing here is automatic. */
export const DECISIONS = ['admit', 'refer_secondary', 'refuse'] as const
export type CrossingDecision = (typeof DECISIONS)[number]

export const PURPOSES = [
  'tourism',
  'work',
  'business',
  'family',
  'study',
  'transit',
  'return',
  'other',
] as const
export type TravelPurpose = (typeof PURPOSES)[number]

export const TRANSPORTS = ['air', 'land', 'sea', 'river'] as const
export type TransportKind = (typeof TRANSPORTS)[number]

/** Visa or permit kinds at Cambodian posts: e-visa, visa on arrival, the T/E visas, ASEAN exemption, border pass. */
export const PERMIT_TYPES = [
  'none',
  'tourist_visa',
  'business_visa',
  'e_visa',
  'visa_exempt',
  'border_pass',
  'work_permit',
  'other',
] as const
export type PermitType = (typeof PERMIT_TYPES)[number]

/** How a companion is related to the traveller; only a parent or a legal guardian answers for a child. */
export const RELATIONS = [
  'parent',
  'legal_guardian',
  'relative',
  'spouse',
  'child',
  'group_member',
  'other',
] as const
export type Relation = (typeof RELATIONS)[number]
export const GUARDIAN_RELATIONS: readonly Relation[] = ['parent', 'legal_guardian']

/** Facts raised on a record for whoever reads it later; they never change the officer's decision. */
export const FLAGS = ['exit_without_entry', 'overstay', 'unaccompanied_minor', 'permit_expired'] as const
export type CrossingFlag = (typeof FLAGS)[number]

/** One earlier movement of the traveller, as the history gives it (newest last when passed to the rules). */
export interface PastMovement {
  id: string
  direction: Direction
  decision: CrossingDecision
  /** Day of the crossing in Cambodia, `YYYY-MM-DD`. */
  day: string
  postCode: string
  permittedStayDays: number | null
}

/** A refusal of the domain: a message key and its parameters, for the caller to translate. */
export interface Refusal {
  code: string
  params: Record<string, string | number>
}

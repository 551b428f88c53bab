import { type Actor, fail, ok, PROTECTION_ERRORS, type Result } from './errors.ts'

/**
 * Consent is asked and recorded per purpose (IOM Data Protection Principles: specified purpose, consent,
 * transfer to third parties only with consent), following Primero's split of consent for services, for
 * disclosure to other organisations and for reporting.
 */
export const CONSENT_PURPOSES = ['services', 'sharing', 'reporting'] as const
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number]

export type ConsentDecision = 'given' | 'refused' | 'withdrawn'
export type ConsentGivenBy = 'self' | 'parentOrGuardian' | 'appointedGuardian'
export type ConsentMethod = 'verbal' | 'written' | 'thumbprint'

/** One decision, appended and never edited: the latest per purpose is in force. */
export interface ConsentRecord {
  purpose: ConsentPurpose
  decision: ConsentDecision
  givenBy: ConsentGivenBy
  guardianName?: string
  method: ConsentMethod
  /** User who recorded it. */
  recordedBy: string
  /** ISO 8601 timestamp. */
  at: string
}

export function validateConsentRecord(record: ConsentRecord, subjectIsChild: boolean): Result<ConsentRecord> {
  if (!record.recordedBy || !record.at || Number.isNaN(Date.parse(record.at))) {
    return fail(PROTECTION_ERRORS.invalidConsentRecord)
  }
  if (subjectIsChild && record.givenBy === 'self' && record.decision === 'given') {
    return fail(PROTECTION_ERRORS.childConsentNeedsGuardian)
  }
  if (record.givenBy !== 'self' && !record.guardianName?.trim())
    return fail(PROTECTION_ERRORS.guardianNameRequired)
  return ok(record)
}

export function consentInForce(
  records: readonly ConsentRecord[],
  purpose: ConsentPurpose,
): ConsentRecord | undefined {
  let latest: ConsentRecord | undefined
  for (const r of records) {
    if (r.purpose === purpose && (!latest || Date.parse(r.at) >= Date.parse(latest.at))) latest = r
  }
  return latest
}

export type ConsentStatus = ConsentDecision | 'notAsked'

export function consentStatus(records: readonly ConsentRecord[], purpose: ConsentPurpose): ConsentStatus {
  return consentInForce(records, purpose)?.decision ?? 'notAsked'
}

export const OVERRIDE_GROUNDS = ['vitalInterest', 'childBestInterests', 'legalObligation'] as const
export type OverrideGround = (typeof OVERRIDE_GROUNDS)[number]

export interface ReferralRequest {
  kind: 'service' | 'lawEnforcement'
  fromOrganisationId: string
  toOrganisationId: string
  override?: { ground: OverrideGround; reason: string }
  /**
   * The referrer was not the one to ask (a border officer in a mass return): consent never asked may be asked
   * by the receiving social worker, so the referral goes ahead with consent pending. A refusal still blocks.
   */
  consentLater?: boolean
}

export interface ConsentPolicy {
  /** Roles allowed to refer without consent; the identity area owns role names. */
  overrideRoles: readonly string[]
  minReasonLength: number
}

export const DEFAULT_CONSENT_POLICY: ConsentPolicy = { overrideRoles: ['case_manager'], minReasonLength: 20 }

/** Services need consent to services; another organisation, to sharing; the police, to reporting. */
export function requiredPurposes(referral: ReferralRequest): ConsentPurpose[] {
  const purposes: ConsentPurpose[] = []
  if (referral.kind === 'service') purposes.push('services')
  if (referral.toOrganisationId !== referral.fromOrganisationId) purposes.push('sharing')
  if (referral.kind === 'lawEnforcement') purposes.push('reporting')
  return purposes
}

export type ReferralPermission =
  | { basis: 'consent' }
  | { basis: 'consentPending'; pending: ConsentPurpose[] }
  | { basis: 'override'; overridden: ConsentPurpose[]; ground: OverrideGround; reason: string; by: string }

/**
 * Whether a referral may go ahead. Without consent in force for every purpose it needs, it is blocked —
 * unless an actor with an override role gives a ground and a written reason, which the caller must audit.
 */
export function canRefer(
  consents: readonly ConsentRecord[],
  referral: ReferralRequest,
  actor: Actor,
  policy: ConsentPolicy = DEFAULT_CONSENT_POLICY,
): Result<ReferralPermission> {
  const lacking = requiredPurposes(referral).filter((p) => consentStatus(consents, p) !== 'given')
  if (lacking.length === 0) return ok({ basis: 'consent' })
  const refused = lacking.filter((p) => consentStatus(consents, p) !== 'notAsked')
  const blocked = refused.length > 0 ? PROTECTION_ERRORS.consentRefused : PROTECTION_ERRORS.consentRequired
  const { override } = referral
  if (refused.length === 0 && referral.consentLater && !override)
    return ok({ basis: 'consentPending', pending: lacking })
  if (!override) return fail(blocked, { purposes: lacking.join(', ') })
  if (!actor.roles.some((r) => policy.overrideRoles.includes(r)))
    return fail(PROTECTION_ERRORS.overrideNotPermitted)
  if (override.reason.trim().length < policy.minReasonLength) {
    return fail(PROTECTION_ERRORS.overrideReasonTooShort, { min: policy.minReasonLength })
  }
  return ok({
    basis: 'override',
    overridden: lacking,
    ground: override.ground,
    reason: override.reason.trim(),
    by: actor.id,
  })
}

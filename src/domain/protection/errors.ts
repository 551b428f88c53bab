/**
 * Every failure the protection domain reports: a stable code that is also the message key in
 * `src/locales/<locale>/protection.json`, with parameters for the message, never prose.
 */
export const PROTECTION_ERRORS = {
  transitionNotAllowed: 'protection.errors.transitionNotAllowed',
  caseWorkerRequired: 'protection.errors.caseWorkerRequired',
  alreadyAssigned: 'protection.errors.alreadyAssigned',
  notCaseWorker: 'protection.errors.notCaseWorker',
  otherAgency: 'protection.errors.otherAgency',
  supervisorRequired: 'protection.errors.supervisorRequired',
  selfApproval: 'protection.errors.selfApproval',
  reasonRequired: 'protection.errors.reasonRequired',
  planNeedsGoal: 'protection.errors.planNeedsGoal',
  noServiceDelivered: 'protection.errors.noServiceDelivered',
  requestPending: 'protection.errors.requestPending',
  noPendingClosure: 'protection.errors.noPendingClosure',
  noPendingTransfer: 'protection.errors.noPendingTransfer',
  noPendingRequest: 'protection.errors.noPendingRequest',
  notRequester: 'protection.errors.notRequester',
  transferToSameAgency: 'protection.errors.transferToSameAgency',
  notReceivingAgency: 'protection.errors.notReceivingAgency',
  notReferringOrganisation: 'protection.errors.notReferringOrganisation',
  noCapacity: 'protection.errors.noCapacity',
  serviceNotOffered: 'protection.errors.serviceNotOffered',
  noServicesRequested: 'protection.errors.noServicesRequested',
  consentRequired: 'protection.errors.consentRequired',
  consentRefused: 'protection.errors.consentRefused',
  overrideNotPermitted: 'protection.errors.overrideNotPermitted',
  overrideReasonTooShort: 'protection.errors.overrideReasonTooShort',
  invalidConsentRecord: 'protection.errors.invalidConsentRecord',
  childConsentNeedsGuardian: 'protection.errors.childConsentNeedsGuardian',
  guardianNameRequired: 'protection.errors.guardianNameRequired',
  unansweredQuestion: 'protection.errors.unansweredQuestion',
  invalidAnswer: 'protection.errors.invalidAnswer',
  unknownQuestion: 'protection.errors.unknownQuestion',
  invalidDate: 'protection.errors.invalidDate',
  invalidInterval: 'protection.errors.invalidInterval',
  invalidK: 'protection.errors.invalidK',
  kBelowFloor: 'protection.errors.kBelowFloor',
  kFloorOutOfRange: 'protection.errors.kFloorOutOfRange',
  noQuasiIdentifiers: 'protection.errors.noQuasiIdentifiers',
  unknownQuasiIdentifier: 'protection.errors.unknownQuasiIdentifier',
  nameRequired: 'protection.errors.nameRequired',
  khmerNameNotKhmer: 'protection.errors.khmerNameNotKhmer',
  latinNameNotLatin: 'protection.errors.latinNameNotLatin',
  invalidPhone: 'protection.errors.invalidPhone',
  birthDateInFuture: 'protection.errors.birthDateInFuture',
} as const

export type ProtectionErrorCode = (typeof PROTECTION_ERRORS)[keyof typeof PROTECTION_ERRORS]

export interface ProtectionError {
  code: ProtectionErrorCode
  params?: Record<string, string | number>
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ProtectionError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail<T = never>(
  code: ProtectionErrorCode,
  params?: Record<string, string | number>,
): Result<T> {
  return params ? { ok: false, error: { code, params } } : { ok: false, error: { code } }
}

/** Who is acting: the application layer fills this from the session. */
export interface Actor {
  id: string
  organisationId: string
  roles: readonly string[]
}

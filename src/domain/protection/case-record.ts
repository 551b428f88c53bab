/**
 * A protection case as the workflow sees it. States follow MoSVY's circular of 26 Dec 2022
 * (pre-integration → integration → monitoring → closure) [research note §3, ref 43], split where a
 * supervisor must approve or an agency must accept.
 */
export const CASE_STATES = [
  'registered',
  'assigned',
  'assessed',
  'planPendingApproval',
  'integration',
  'monitoring',
  'closed',
] as const
export type CaseState = (typeof CASE_STATES)[number]

export const MOSVY_STAGES = ['preIntegration', 'integration', 'monitoring', 'closure'] as const
export type MosvyStage = (typeof MOSVY_STAGES)[number]

export const CLOSURE_REASONS = [
  'goalsAchieved',
  'declinedServices',
  'lostContact',
  'relocated',
  'referredOutside',
  'deceased',
  'duplicate',
] as const
export type ClosureReason = (typeof CLOSURE_REASONS)[number]

/**
 * A request awaiting someone else's decision. While it waits the case stays in its stage; only the
 * decision, a cancellation or a reassignment may happen.
 */
export type PendingRequest =
  | { kind: 'closure'; reason: ClosureReason; note?: string; requestedBy: string; at: string }
  | { kind: 'transfer'; toAgencyId: string; reason: string; requestedBy: string; at: string }

export interface CaseRecord {
  id: string
  state: CaseState
  /** The agency responsible; changes only when a transfer is accepted. */
  agencyId: string
  caseWorkerId?: string
  assessment?: { completedBy: string; at: string; summary?: string }
  plan?: {
    goals: readonly string[]
    submittedBy: string
    submittedAt: string
    approvedBy?: string
    approvedAt?: string
  }
  /** Services recorded as delivered (shelter nights, medical visits…); monitoring needs at least one. */
  servicesDelivered: number
  pending?: PendingRequest
  closure?: { reason: ClosureReason; note?: string; requestedBy: string; approvedBy: string; at: string }
  reopenedCount: number
}

/** Where a case is in MoSVY's four stages; a case awaiting approval of its closure is in the closure stage. */
export function mosvyStage(record: Pick<CaseRecord, 'state' | 'pending'>): MosvyStage {
  if (record.state === 'closed' || record.pending?.kind === 'closure') return 'closure'
  if (record.state === 'integration' || record.state === 'monitoring') return record.state
  return 'preIntegration'
}

export function newCase(id: string, agencyId: string): CaseRecord {
  return { id, state: 'registered', agencyId, servicesDelivered: 0, reopenedCount: 0 }
}

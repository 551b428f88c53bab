import { type CaseRecord, type CaseState, newCase } from '../case-record.ts'
import type { CaseEvent } from '../case-transitions.ts'
import type { CaseCommand } from '../case-workflow.ts'
import type { Actor } from '../errors.ts'

/** Small factories shared by the case workflow tests. */
export const AT = '2025-09-01T08:00:00Z'
export const worker: Actor = { id: 'worker-1', organisationId: 'mosvy-poipet', roles: ['social_worker'] }
export const otherWorker: Actor = { id: 'worker-2', organisationId: 'mosvy-poipet', roles: ['social_worker'] }
export const supervisor: Actor = { id: 'sup-1', organisationId: 'mosvy-poipet', roles: ['case_manager'] }
export const secondSupervisor: Actor = {
  id: 'sup-2',
  organisationId: 'mosvy-poipet',
  roles: ['case_manager'],
}
export const ngoSupervisor: Actor = { id: 'sup-ngo', organisationId: 'ngo-shelter', roles: ['case_manager'] }

export function caseIn(state: CaseState, overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    ...newCase('case-1', 'mosvy-poipet'),
    state,
    ...(state === 'registered' ? {} : { caseWorkerId: 'worker-1' }),
    assessment: { completedBy: 'worker-1', at: AT },
    plan: { goals: ['safe return home'], submittedBy: 'worker-1', submittedAt: AT },
    servicesDelivered: 1,
    ...overrides,
  }
}

export const COMMANDS: Record<CaseEvent, CaseCommand> = {
  assign: { type: 'assign', caseWorkerId: 'worker-2' },
  completeAssessment: { type: 'completeAssessment', summary: 'needs shelter' },
  submitPlan: { type: 'submitPlan', goals: ['family tracing', 'vocational training'] },
  approvePlan: { type: 'approvePlan' },
  rejectPlan: { type: 'rejectPlan', reason: 'add a health goal' },
  startMonitoring: { type: 'startMonitoring' },
  resumeIntegration: { type: 'resumeIntegration', reason: 'lost job' },
  requestClosure: { type: 'requestClosure', reason: 'goalsAchieved' },
  approveClosure: { type: 'approveClosure' },
  rejectClosure: { type: 'rejectClosure', reason: 'one more visit' },
  requestTransfer: { type: 'requestTransfer', toAgencyId: 'ngo-shelter', reason: 'closer to home' },
  acceptTransfer: { type: 'acceptTransfer' },
  declineTransfer: { type: 'declineTransfer', reason: 'no beds' },
  cancelRequest: { type: 'cancelRequest' },
  reopen: { type: 'reopen', reason: 're-trafficking risk' },
}

/** A case in `state` meeting every guard of `event`, and the actor entitled to it. */
export function readyFor(state: CaseState, event: CaseEvent): { record: CaseRecord; actor: Actor } {
  const closure = { kind: 'closure', reason: 'goalsAchieved', requestedBy: 'worker-1', at: AT } as const
  const transfer = {
    kind: 'transfer',
    toAgencyId: 'ngo-shelter',
    reason: 'closer',
    requestedBy: 'worker-1',
    at: AT,
  } as const
  if (event === 'approveClosure' || event === 'rejectClosure' || event === 'cancelRequest') {
    return { record: caseIn(state, { pending: closure }), actor: supervisor }
  }
  if (event === 'acceptTransfer' || event === 'declineTransfer') {
    return { record: caseIn(state, { pending: transfer }), actor: ngoSupervisor }
  }
  return { record: caseIn(state), actor: supervisor }
}

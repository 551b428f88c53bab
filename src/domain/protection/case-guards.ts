import { type CaseRecord, CLOSURE_REASONS } from './case-record.ts'
import type { CaseEvent } from './case-transitions.ts'
import type { CaseCommand } from './case-workflow.ts'
import { type Actor, PROTECTION_ERRORS, type ProtectionError } from './errors.ts'

export interface WorkflowPolicy {
  /** Roles that approve plans and closures, assign and accept transfers; the identity area owns the names. */
  supervisorRoles: readonly string[]
}

export const DEFAULT_WORKFLOW_POLICY: WorkflowPolicy = { supervisorRoles: ['case_manager'] }

export interface GuardContext {
  record: CaseRecord
  command: CaseCommand
  actor: Actor
  policy: WorkflowPolicy
}

type Guard = (c: GuardContext) => ProtectionError | undefined

const E = PROTECTION_ERRORS
const err = (code: ProtectionError['code'], params?: ProtectionError['params']): ProtectionError =>
  params ? { code, params } : { code }

const isSupervisor = ({ actor, policy }: GuardContext) =>
  actor.roles.some((r) => policy.supervisorRoles.includes(r))

const supervisor: Guard = (c) => (isSupervisor(c) ? undefined : err(E.supervisorRequired))
const workerOrSupervisor: Guard = (c) =>
  c.actor.id === c.record.caseWorkerId || isSupervisor(c) ? undefined : err(E.notCaseWorker)
const ownAgency: Guard = ({ actor, record }) =>
  actor.organisationId === record.agencyId ? undefined : err(E.otherAgency)
const reason: Guard = ({ command }) =>
  'reason' in command && typeof command.reason === 'string' && command.reason.trim() !== ''
    ? undefined
    : err(E.reasonRequired)
const pendingClosure: Guard = ({ record }) =>
  record.pending?.kind === 'closure' ? undefined : err(E.noPendingClosure)
const pendingTransfer: Guard = ({ record }) =>
  record.pending?.kind === 'transfer' ? undefined : err(E.noPendingTransfer)
const receivingAgency: Guard = ({ record, actor }) =>
  record.pending?.kind === 'transfer' && record.pending.toAgencyId === actor.organisationId
    ? undefined
    : err(E.notReceivingAgency)
/** Four eyes: whoever asked for an approval cannot give it. */
const notRequester: Guard = ({ record, actor }) =>
  record.pending?.requestedBy === actor.id ? err(E.selfApproval) : undefined

/** Guards per event, checked in order after the transition table and the pending-request rule. */
export const CASE_GUARDS: Readonly<Record<CaseEvent, readonly Guard[]>> = {
  assign: [
    ownAgency,
    supervisor,
    ({ command }) =>
      command.type === 'assign' && command.caseWorkerId.trim() !== '' ? undefined : err(E.caseWorkerRequired),
    ({ command, record }) =>
      command.type === 'assign' && command.caseWorkerId === record.caseWorkerId
        ? err(E.alreadyAssigned)
        : undefined,
  ],
  completeAssessment: [ownAgency, workerOrSupervisor],
  submitPlan: [
    ownAgency,
    workerOrSupervisor,
    ({ command }) =>
      command.type === 'submitPlan' && command.goals.some((g) => g.trim() !== '')
        ? undefined
        : err(E.planNeedsGoal),
  ],
  approvePlan: [
    ownAgency,
    supervisor,
    ({ record, actor }) => (record.plan?.submittedBy === actor.id ? err(E.selfApproval) : undefined),
  ],
  rejectPlan: [ownAgency, supervisor, reason],
  startMonitoring: [
    ownAgency,
    workerOrSupervisor,
    ({ record }) => (record.servicesDelivered > 0 ? undefined : err(E.noServiceDelivered)),
  ],
  resumeIntegration: [ownAgency, workerOrSupervisor, reason],
  requestClosure: [
    ownAgency,
    workerOrSupervisor,
    ({ command }) =>
      command.type === 'requestClosure' && (CLOSURE_REASONS as readonly string[]).includes(command.reason)
        ? undefined
        : err(E.reasonRequired),
  ],
  approveClosure: [pendingClosure, ownAgency, supervisor, notRequester],
  rejectClosure: [pendingClosure, ownAgency, supervisor, reason],
  requestTransfer: [
    ownAgency,
    workerOrSupervisor,
    reason,
    ({ command, record }) =>
      command.type === 'requestTransfer' && command.toAgencyId !== record.agencyId
        ? undefined
        : err(E.transferToSameAgency),
  ],
  acceptTransfer: [pendingTransfer, receivingAgency, supervisor],
  declineTransfer: [pendingTransfer, receivingAgency, supervisor, reason],
  cancelRequest: [
    ({ record }) => (record.pending ? undefined : err(E.noPendingRequest)),
    ownAgency,
    (c) =>
      c.record.pending?.requestedBy === c.actor.id || isSupervisor(c) ? undefined : err(E.notRequester),
  ],
  reopen: [ownAgency, supervisor, reason],
}

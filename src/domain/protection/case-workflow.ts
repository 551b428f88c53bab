import { CASE_GUARDS, DEFAULT_WORKFLOW_POLICY, type WorkflowPolicy } from './case-guards.ts'
import type { CaseRecord, CaseState, ClosureReason } from './case-record.ts'
import { type CaseEvent, EVENTS_WHILE_PENDING, nextState } from './case-transitions.ts'
import { type Actor, fail, ok, PROTECTION_ERRORS, type Result } from './errors.ts'

export type CaseCommand =
  | { type: 'assign'; caseWorkerId: string }
  | { type: 'completeAssessment'; summary?: string }
  | { type: 'submitPlan'; goals: readonly string[] }
  | { type: 'approvePlan' }
  | { type: 'rejectPlan'; reason: string }
  | { type: 'startMonitoring' }
  | { type: 'resumeIntegration'; reason: string }
  | { type: 'requestClosure'; reason: ClosureReason; note?: string }
  | { type: 'approveClosure' }
  | { type: 'rejectClosure'; reason: string }
  | { type: 'requestTransfer'; toAgencyId: string; reason: string }
  | { type: 'acceptTransfer' }
  | { type: 'declineTransfer'; reason: string }
  | { type: 'cancelRequest' }
  | { type: 'reopen'; reason: string }

/** What happened, for the case timeline and the audit entry the caller writes in the same transaction. */
export interface CaseTransition {
  record: CaseRecord
  event: CaseEvent
  from: CaseState
  to: CaseState
  by: string
  at: string
  reason?: string
}

function effect(record: CaseRecord, command: CaseCommand, actor: Actor, at: string): CaseRecord {
  const { pending: _pending, ...withoutPending } = record
  switch (command.type) {
    case 'assign':
      return { ...record, caseWorkerId: command.caseWorkerId }
    case 'completeAssessment':
      return {
        ...record,
        assessment: { completedBy: actor.id, at, ...(command.summary ? { summary: command.summary } : {}) },
      }
    case 'submitPlan':
      return {
        ...record,
        plan: { goals: command.goals.filter((g) => g.trim() !== ''), submittedBy: actor.id, submittedAt: at },
      }
    case 'approvePlan':
      return record.plan
        ? { ...record, plan: { ...record.plan, approvedBy: actor.id, approvedAt: at } }
        : record
    case 'requestClosure':
      return {
        ...record,
        pending: {
          kind: 'closure',
          reason: command.reason,
          requestedBy: actor.id,
          at,
          ...(command.note ? { note: command.note } : {}),
        },
      }
    case 'approveClosure': {
      if (record.pending?.kind !== 'closure') return record
      const { reason, note, requestedBy } = record.pending
      return {
        ...withoutPending,
        closure: { reason, requestedBy, approvedBy: actor.id, at, ...(note ? { note } : {}) },
      }
    }
    case 'requestTransfer':
      return {
        ...record,
        pending: {
          kind: 'transfer',
          toAgencyId: command.toAgencyId,
          reason: command.reason,
          requestedBy: actor.id,
          at,
        },
      }
    case 'acceptTransfer': {
      if (record.pending?.kind !== 'transfer') return record
      const { caseWorkerId: _worker, ...rest } = withoutPending
      return { ...rest, agencyId: record.pending.toAgencyId }
    }
    case 'rejectClosure':
    case 'declineTransfer':
    case 'cancelRequest':
      return withoutPending
    case 'reopen': {
      const { caseWorkerId: _worker, closure: _closure, ...rest } = withoutPending
      return { ...rest, reopenedCount: record.reopenedCount + 1 }
    }
    default:
      return record
  }
}

/**
 * Applies one command. Refused, with the reason, when the table forbids the event in this state, when a
 * pending request blocks it, or when a guard fails; the record is never changed in place.
 */
export function applyCaseCommand(
  record: CaseRecord,
  command: CaseCommand,
  actor: Actor,
  at: string,
  policy: WorkflowPolicy = DEFAULT_WORKFLOW_POLICY,
): Result<CaseTransition> {
  const event = command.type
  const to = nextState(record.state, event)
  if (to === undefined) return fail(PROTECTION_ERRORS.transitionNotAllowed, { state: record.state, event })
  if (record.pending && !EVENTS_WHILE_PENDING.includes(event)) {
    return fail(PROTECTION_ERRORS.requestPending, { request: record.pending.kind })
  }
  for (const guard of CASE_GUARDS[event]) {
    const error = guard({ record, command, actor, policy })
    if (error) return { ok: false, error }
  }
  const next = { ...effect(record, command, actor, at), state: to }
  const reason = 'reason' in command ? command.reason : undefined
  return ok({ record: next, event, from: record.state, to, by: actor.id, at, ...(reason ? { reason } : {}) })
}

/** Services can be recorded at any stage until closure — immediate assistance comes before any plan. */
export function recordServiceDelivered(record: CaseRecord): Result<CaseRecord> {
  if (record.state === 'closed')
    return fail(PROTECTION_ERRORS.transitionNotAllowed, { state: 'closed', event: 'recordService' })
  return ok({ ...record, servicesDelivered: record.servicesDelivered + 1 })
}

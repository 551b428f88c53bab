import { describe, expect, it } from 'vitest'
import { type CaseRecord, mosvyStage } from './case-record.ts'
import { applyCaseCommand, type CaseCommand, recordServiceDelivered } from './case-workflow.ts'
import type { Actor } from './errors.ts'
import {
  AT,
  COMMANDS,
  caseIn,
  ngoSupervisor,
  otherWorker,
  readyFor,
  secondSupervisor,
  supervisor,
  worker,
} from './testing/cases.ts'

function run(record: CaseRecord, command: CaseCommand, actor: Actor) {
  return applyCaseCommand(record, command, actor, AT)
}

function codeOf(result: ReturnType<typeof run>) {
  return result.ok ? undefined : result.error.code
}

describe('case workflow guards', () => {
  it('refuses closure without supervisor approval', () => {
    const requested = run(caseIn('monitoring'), COMMANDS.requestClosure, worker)
    if (!requested.ok) throw new Error(requested.error.code)
    expect(requested.value.record.state).toBe('monitoring')
    expect(mosvyStage(requested.value.record)).toBe('closure')
    expect(codeOf(run(requested.value.record, COMMANDS.approveClosure, worker))).toBe(
      'protection.errors.supervisorRequired',
    )
    const approved = run(requested.value.record, COMMANDS.approveClosure, supervisor)
    expect(approved.ok && approved.value.record).toMatchObject({
      state: 'closed',
      closure: { reason: 'goalsAchieved', requestedBy: 'worker-1', approvedBy: 'sup-1' },
    })
  })

  it('refuses closure when no closure was requested', () => {
    expect(codeOf(run(caseIn('monitoring'), COMMANDS.approveClosure, supervisor))).toBe(
      'protection.errors.noPendingClosure',
    )
  })

  it('refuses a supervisor approving the closure they requested', () => {
    const requested = run(caseIn('integration'), COMMANDS.requestClosure, supervisor)
    if (!requested.ok) throw new Error(requested.error.code)
    expect(codeOf(run(requested.value.record, COMMANDS.approveClosure, supervisor))).toBe(
      'protection.errors.selfApproval',
    )
    expect(run(requested.value.record, COMMANDS.approveClosure, secondSupervisor).ok).toBe(true)
  })

  it('refuses a supervisor approving a plan they wrote', () => {
    const record = caseIn('planPendingApproval', {
      plan: { goals: ['x'], submittedBy: 'sup-1', submittedAt: AT },
    })
    expect(codeOf(run(record, COMMANDS.approvePlan, supervisor))).toBe('protection.errors.selfApproval')
  })

  it('refuses plan approval by a case worker', () => {
    expect(codeOf(run(caseIn('planPendingApproval'), COMMANDS.approvePlan, worker))).toBe(
      'protection.errors.supervisorRequired',
    )
  })

  it('refuses a plan without a goal', () => {
    const result = run(caseIn('assessed'), { type: 'submitPlan', goals: ['  '] }, worker)
    expect(codeOf(result)).toBe('protection.errors.planNeedsGoal')
  })

  it('refuses monitoring before any service was delivered', () => {
    const record = caseIn('integration', { servicesDelivered: 0 })
    expect(codeOf(run(record, COMMANDS.startMonitoring, worker))).toBe('protection.errors.noServiceDelivered')
    const served = recordServiceDelivered(record)
    expect(served.ok && run(served.value, COMMANDS.startMonitoring, worker).ok).toBe(true)
  })

  it('refuses work on a case by a worker it is not assigned to', () => {
    expect(codeOf(run(caseIn('assigned'), COMMANDS.completeAssessment, otherWorker))).toBe(
      'protection.errors.notCaseWorker',
    )
  })

  it('refuses actions by another agency', () => {
    expect(codeOf(run(caseIn('assigned'), COMMANDS.completeAssessment, ngoSupervisor))).toBe(
      'protection.errors.otherAgency',
    )
  })

  it('lets only a supervisor assign, and not to the same worker again', () => {
    expect(codeOf(run(caseIn('registered'), COMMANDS.assign, worker))).toBe(
      'protection.errors.supervisorRequired',
    )
    expect(codeOf(run(caseIn('assigned'), { type: 'assign', caseWorkerId: 'worker-1' }, supervisor))).toBe(
      'protection.errors.alreadyAssigned',
    )
    expect(codeOf(run(caseIn('registered'), { type: 'assign', caseWorkerId: ' ' }, supervisor))).toBe(
      'protection.errors.caseWorkerRequired',
    )
  })

  it('blocks other work while a transfer or closure awaits a decision, but allows reassignment', () => {
    const { record } = readyFor('integration', 'acceptTransfer')
    expect(run(record, COMMANDS.startMonitoring, worker)).toEqual({
      ok: false,
      error: { code: 'protection.errors.requestPending', params: { request: 'transfer' } },
    })
    expect(codeOf(run(record, COMMANDS.requestClosure, worker))).toBe('protection.errors.requestPending')
    expect(run(record, COMMANDS.assign, supervisor).ok).toBe(true)
  })

  it('lets only the receiving agency accept a transfer, which hands the case over for a new assignment', () => {
    const requested = run(caseIn('monitoring'), COMMANDS.requestTransfer, worker)
    if (!requested.ok) throw new Error(requested.error.code)
    expect(codeOf(run(requested.value.record, COMMANDS.acceptTransfer, supervisor))).toBe(
      'protection.errors.notReceivingAgency',
    )
    const accepted = run(requested.value.record, COMMANDS.acceptTransfer, ngoSupervisor)
    if (!accepted.ok) throw new Error(accepted.error.code)
    expect(accepted.value.record).toMatchObject({ state: 'registered', agencyId: 'ngo-shelter' })
    expect(accepted.value.record.caseWorkerId).toBeUndefined()
    expect(accepted.value.record.pending).toBeUndefined()
  })

  it('refuses a transfer to the agency that already has the case', () => {
    const command: CaseCommand = { type: 'requestTransfer', toAgencyId: 'mosvy-poipet', reason: 'x' }
    expect(codeOf(run(caseIn('assigned'), command, worker))).toBe('protection.errors.transferToSameAgency')
  })

  it('keeps the case where it was when a transfer is declined', () => {
    const { record, actor } = readyFor('integration', 'declineTransfer')
    const declined = run(record, COMMANDS.declineTransfer, actor)
    expect(
      declined.ok && [
        declined.value.record.state,
        declined.value.record.agencyId,
        declined.value.record.pending,
      ],
    ).toEqual(['integration', 'mosvy-poipet', undefined])
  })

  it('lets the requester or a supervisor cancel a request, nobody else', () => {
    const { record } = readyFor('monitoring', 'cancelRequest')
    expect(codeOf(run(record, COMMANDS.cancelRequest, otherWorker))).toBe('protection.errors.notRequester')
    expect(run(record, COMMANDS.cancelRequest, worker).ok).toBe(true)
    expect(codeOf(run(caseIn('monitoring'), COMMANDS.cancelRequest, worker))).toBe(
      'protection.errors.noPendingRequest',
    )
  })

  it('requires a written reason to reject, resume, transfer or reopen', () => {
    const blank = (type: 'rejectPlan' | 'resumeIntegration' | 'reopen'): CaseCommand => ({
      type,
      reason: ' ',
    })
    expect(codeOf(run(caseIn('planPendingApproval'), blank('rejectPlan'), supervisor))).toBe(
      'protection.errors.reasonRequired',
    )
    expect(codeOf(run(caseIn('monitoring'), blank('resumeIntegration'), worker))).toBe(
      'protection.errors.reasonRequired',
    )
    expect(codeOf(run(caseIn('closed'), blank('reopen'), supervisor))).toBe(
      'protection.errors.reasonRequired',
    )
    const badReason = { type: 'requestClosure', reason: 'bored' } as unknown as CaseCommand
    expect(codeOf(run(caseIn('monitoring'), badReason, worker))).toBe('protection.errors.reasonRequired')
  })

  it('reopens a closed case for a new assignment and counts the reopening', () => {
    const reopened = run(caseIn('closed'), COMMANDS.reopen, supervisor)
    expect(reopened.ok && reopened.value.record).toMatchObject({ state: 'registered', reopenedCount: 1 })
    expect(reopened.ok && reopened.value.reason).toBe('re-trafficking risk')
    expect(codeOf(run(caseIn('closed'), COMMANDS.reopen, worker))).toBe(
      'protection.errors.supervisorRequired',
    )
  })

  it('refuses to record services on a closed case', () => {
    expect(recordServiceDelivered(caseIn('closed')).ok).toBe(false)
  })
})

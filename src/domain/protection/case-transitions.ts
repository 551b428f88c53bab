import type { CaseState } from './case-record.ts'

export const CASE_EVENTS = [
  'assign',
  'completeAssessment',
  'submitPlan',
  'approvePlan',
  'rejectPlan',
  'startMonitoring',
  'resumeIntegration',
  'requestClosure',
  'approveClosure',
  'rejectClosure',
  'requestTransfer',
  'acceptTransfer',
  'declineTransfer',
  'cancelRequest',
  'reopen',
] as const
export type CaseEvent = (typeof CASE_EVENTS)[number]

/** Events that decide or withdraw a pending request, plus reassignment: the only ones allowed while one waits. */
export const EVENTS_WHILE_PENDING: readonly CaseEvent[] = [
  'assign',
  'approveClosure',
  'rejectClosure',
  'acceptTransfer',
  'declineTransfer',
  'cancelRequest',
]

/** Closure and transfer can be asked for from every open state except while a plan awaits approval. */
const REQUESTS = (state: CaseState) =>
  ({
    requestClosure: state,
    approveClosure: 'closed',
    rejectClosure: state,
    requestTransfer: state,
    acceptTransfer: 'registered',
    declineTransfer: state,
    cancelRequest: state,
  }) as const

/**
 * The transition table: state × event → next state. A pair that is absent is forbidden. Guards
 * (who may act, what must be recorded) are in `case-guards.ts`.
 * An accepted transfer starts the case again at `registered` in the receiving agency, which assigns its own
 * case worker and makes its own assessment and plan; reopening starts at `registered` likewise.
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseState, Partial<Record<CaseEvent, CaseState>>>> = {
  registered: { assign: 'assigned', ...REQUESTS('registered') },
  assigned: { assign: 'assigned', completeAssessment: 'assessed', ...REQUESTS('assigned') },
  assessed: {
    assign: 'assessed',
    completeAssessment: 'assessed',
    submitPlan: 'planPendingApproval',
    ...REQUESTS('assessed'),
  },
  planPendingApproval: { assign: 'planPendingApproval', approvePlan: 'integration', rejectPlan: 'assessed' },
  integration: {
    assign: 'integration',
    submitPlan: 'planPendingApproval',
    startMonitoring: 'monitoring',
    ...REQUESTS('integration'),
  },
  monitoring: { assign: 'monitoring', resumeIntegration: 'integration', ...REQUESTS('monitoring') },
  closed: { reopen: 'registered' },
}

export function nextState(state: CaseState, event: CaseEvent): CaseState | undefined {
  return CASE_TRANSITIONS[state][event]
}

export function allowedEvents(state: CaseState): CaseEvent[] {
  return Object.keys(CASE_TRANSITIONS[state]) as CaseEvent[]
}

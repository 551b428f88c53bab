import { type CaseRecord, mosvyStage } from '../../domain/protection/case-record.ts'
import { allowedEvents, EVENTS_WHILE_PENDING } from '../../domain/protection/case-transitions.ts'
import { followUpState } from '../../domain/protection/follow-up.ts'
import { htcdsCaseStatus } from '../../domain/protection/htcds-export.ts'
import { caseRecordOf } from './cases.repository.ts'
import { presentPersonName } from './person.presenter.ts'
import type { CaseEventRow, CaseRow, FollowUpRow, PersonRow } from './protection.tables.ts'

export function presentFollowUp(f: FollowUpRow, today: string) {
  const state = followUpState(
    { id: f.id, dueDate: f.due_date, ...(f.completed_on ? { completedOn: f.completed_on } : {}) },
    today,
  )
  return {
    id: f.id,
    dueDate: f.due_date,
    completedOn: f.completed_on,
    note: f.note,
    status: state.status,
    daysLate: state.daysLate,
  }
}

const DECIDE_CLOSURE = ['approveClosure', 'rejectClosure']
const DECIDE_TRANSFER = ['acceptTransfer', 'declineTransfer']

/**
 * The events the table allows now, less those a pending request blocks and the decisions on a request that
 * nobody made: what the case page offers. Who may take each step is still the server's check.
 */
export function availableEvents(record: CaseRecord) {
  const events = allowedEvents(record.state)
  const kind = record.pending?.kind
  return events.filter((e) => {
    if (kind && !EVENTS_WHILE_PENDING.includes(e)) return false
    if (DECIDE_CLOSURE.includes(e)) return kind === 'closure'
    if (DECIDE_TRANSFER.includes(e)) return kind === 'transfer'
    return e !== 'cancelRequest' || kind !== undefined
  })
}

/** A row of the case list: who, where in the workflow, what is late. No victim status, no health. */
export function presentCaseSummary(
  c: CaseRow,
  person: PersonRow | undefined,
  names: Map<string, string>,
  followUps: FollowUpRow[],
  today: string,
) {
  const record = caseRecordOf(c)
  const open = followUps.filter((f) => !f.completed_on).map((f) => presentFollowUp(f, today))
  return {
    id: c.id,
    number: c.number,
    person: person ? presentPersonName(person) : null,
    agencyCode: c.agency_code,
    state: c.state,
    stage: mosvyStage(record),
    pending: record.pending?.kind ?? null,
    caseWorker: c.case_worker_id ? { id: c.case_worker_id, name: names.get(c.case_worker_id) ?? null } : null,
    openedAt: c.opened_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
    nextDue: open[0]?.dueDate ?? null,
    overdue: open.filter((f) => f.status === 'overdue').length,
  }
}

export function presentCaseDetail(c: CaseRow, names: Map<string, string>) {
  const record = caseRecordOf(c)
  const name = (id: string | undefined) => (id ? (names.get(id) ?? null) : null)
  return {
    htcdsStatus: htcdsCaseStatus(record),
    assessment: record.assessment
      ? {
          by: name(record.assessment.completedBy),
          at: record.assessment.at,
          summary: record.assessment.summary ?? null,
        }
      : null,
    plan: record.plan
      ? {
          goals: [...record.plan.goals],
          submittedBy: name(record.plan.submittedBy),
          submittedAt: record.plan.submittedAt,
          approvedBy: name(record.plan.approvedBy),
          approvedAt: record.plan.approvedAt ?? null,
        }
      : null,
    pendingRequest: record.pending
      ? {
          kind: record.pending.kind,
          requestedBy: name(record.pending.requestedBy),
          requestedById: record.pending.requestedBy,
          at: record.pending.at,
          reason: record.pending.reason,
          toAgency: record.pending.kind === 'transfer' ? record.pending.toAgencyId : null,
        }
      : null,
    closure: record.closure
      ? {
          reason: record.closure.reason,
          note: record.closure.note ?? null,
          approvedBy: name(record.closure.approvedBy),
          at: record.closure.at,
        }
      : null,
    servicesDelivered: record.servicesDelivered,
    reopenedCount: record.reopenedCount,
    availableEvents: availableEvents(record),
  }
}

export function presentTimeline(rows: CaseEventRow[], names: Map<string, string>) {
  return rows.map((e) => ({
    seq: e.seq,
    kind: e.kind,
    event: e.event,
    from: e.from_state,
    to: e.to_state,
    by: names.get(e.by_user) ?? null,
    at: e.at.toISOString(),
    details: e.details,
  }))
}

import { randomUUID } from 'node:crypto'
import { can } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { addTimeline, lockCase } from './cases.repository.ts'
import type { FollowUpRow } from './protection.tables.ts'

async function openCaseFor(o: { trx: Tx; actor: RequestActor; caseId: string }) {
  const row = await lockCase(o.trx, o.caseId)
  if (!row) throw new AppError('not_found')
  if (!can(o.actor, 'update', 'case', { agencyCode: row.agency_code })) throw new AppError('forbidden')
  if (row.state === 'closed')
    throw new AppError('rule_violation', {}, [
      {
        code: 'protection.errors.transitionNotAllowed',
        params: { state: 'closed', event: 'followUp' },
      },
    ])
  return row
}

/** Plans a visit or call on a due date; it shows as overdue from the day after. */
export async function scheduleFollowUp(o: {
  trx: Tx
  actor: RequestActor
  caseId: string
  dueDate: string
  note: string
}): Promise<FollowUpRow> {
  await openCaseFor(o)
  const id = randomUUID()
  const row = await o.trx
    .insertInto('protection_follow_ups')
    .values({ id, case_id: o.caseId, due_date: o.dueDate, note: o.note, created_by: o.actor.id })
    .returningAll()
    .executeTakeFirstOrThrow()
  const at = new Date()
  const details = { followUpId: id, dueDate: o.dueDate }
  await addTimeline(o.trx, {
    caseId: o.caseId,
    kind: 'followUp',
    event: 'scheduled',
    by: o.actor.id,
    at,
    details,
  })
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'schedule_follow_up',
    resource: 'case',
    recordId: o.caseId,
    details,
  })
  return row
}

export async function completeFollowUp(o: {
  trx: Tx
  actor: RequestActor
  caseId: string
  followUpId: string
  completedOn: string
  note: string
}): Promise<FollowUpRow> {
  await openCaseFor(o)
  const row = await o.trx
    .updateTable('protection_follow_ups')
    .set({ completed_on: o.completedOn, note: o.note })
    .where('id', '=', o.followUpId)
    .where('case_id', '=', o.caseId)
    .where('completed_on', 'is', null)
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new AppError('not_found')
  const at = new Date()
  const details = { followUpId: row.id, dueDate: row.due_date, completedOn: o.completedOn }
  await addTimeline(o.trx, {
    caseId: o.caseId,
    kind: 'followUp',
    event: 'completed',
    by: o.actor.id,
    at,
    details,
  })
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'complete_follow_up',
    resource: 'case',
    recordId: o.caseId,
    details,
  })
  return row
}

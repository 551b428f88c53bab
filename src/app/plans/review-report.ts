import { randomUUID } from 'node:crypto'
import { type ReportEvent, transition } from '../../domain/plans/approval.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { assertSecretariat } from './plan-access.ts'
import { checked } from './plan-errors.ts'
import { lockReport } from './plans.repository.ts'

interface ReviewOptions {
  trx: Tx
  actor: RequestActor
  reportId: string
  comment?: string | null
}

/** Moves a report through the workflow under its row lock, with the comment and the audit entry in the same transaction. */
async function move(o: ReviewOptions, event: Exclude<ReportEvent, 'edit'>) {
  const report = await lockReport(o.trx, o.reportId)
  if (event === 'submit' && report.agency_code !== o.actor.agencyCode)
    throw new AppError('forbidden', { action: 'update', resource: 'plan_report' })
  const next = checked(transition(report, event, { actorId: o.actor.id, comment: o.comment }), 'body.comment')
  const now = new Date()
  await o.trx
    .updateTable('plan_reports')
    .set({
      state: next,
      updated_at: now,
      ...(event === 'submit'
        ? { submitted_by: o.actor.id, submitted_at: now }
        : { reviewed_by: o.actor.id, reviewed_at: now }),
    })
    .where('id', '=', report.id)
    .execute()
  const body = o.comment?.trim()
  if (body)
    await o.trx
      .insertInto('plan_comments')
      .values({ id: randomUUID(), report_id: report.id, author_id: o.actor.id, event, body, created_at: now })
      .execute()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: event,
    resource: 'plan_report',
    recordId: report.id,
    details: { from: report.state, to: next, value: report.value, period: report.period },
  })
  return next
}

/** The reporting agency sends its value, with at least one evidence file, to the secretariat. */
export async function submitReport(o: ReviewOptions) {
  authorize(o.actor, 'update', 'plan_report')
  return move(o, 'submit')
}

/** The secretariat approves: the value is locked and counts toward progress. */
export async function approveReport(o: ReviewOptions) {
  await assertSecretariat(o.trx, o.actor)
  return move(o, 'approve')
}

/** The secretariat returns the value to its agency, always saying why. */
export async function returnReport(o: ReviewOptions) {
  await assertSecretariat(o.trx, o.actor)
  return move(o, 'return')
}

/** A comment on a report, by its agency or by the secretariat. */
export async function commentOnReport(o: ReviewOptions & { comment: string }) {
  authorize(o.actor, 'read', 'plan_report')
  const report = await lockReport(o.trx, o.reportId)
  const body = o.comment.trim()
  if (!body)
    throw new AppError('validation_failed', {}, [
      { path: 'body.comment', code: 'plans.errors.commentRequired' },
    ])
  if (report.agency_code !== o.actor.agencyCode) await assertSecretariat(o.trx, o.actor)
  const id = randomUUID()
  await o.trx
    .insertInto('plan_comments')
    .values({ id, report_id: report.id, author_id: o.actor.id, event: null, body, created_at: new Date() })
    .execute()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'comment',
    resource: 'plan_report',
    recordId: report.id,
  })
  return id
}

import { randomUUID } from 'node:crypto'
import { transition } from '../../domain/plans/approval.ts'
import { PLAN_ERRORS } from '../../domain/plans/errors.ts'
import { checkReportPeriod } from '../../domain/plans/periods.ts'
import { checkValue } from '../../domain/plans/plan.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import type { PhotoLimits } from '../documents/photo-rules.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { checkedEvidence, type EvidenceType, evidenceName } from './evidence-rules.ts'
import { assertReporter } from './plan-access.ts'
import { checked, refused } from './plan-errors.ts'
import { findIndicator, lockReport } from './plans.repository.ts'

/**
 * An agency's value for an indicator and period: one report per indicator × period × agency, so saving again
 * (a retry, a correction after it was returned) edits the same report while it is a draft or returned, and an
 * agency can never hold two values for one period.
 */
export async function saveReport(o: {
  trx: Tx
  actor: RequestActor
  indicatorId: string
  period: string
  value: number
  note: string
}): Promise<string> {
  const indicator = await findIndicator(o.trx, o.indicatorId)
  await assertReporter(o.trx, o.actor, indicator)
  if (indicator.source !== 'reported') refused({ code: PLAN_ERRORS.liveIndicatorNotReported }, 'params.id')
  const plan = { startYear: indicator.start_year, endYear: indicator.end_year }
  const period = checked(checkReportPeriod(plan, o.period, todayInCambodia()), 'body.period')
  const value = checked(checkValue(indicator.unit, o.value), 'body.value')
  const now = new Date()
  const id = randomUUID()
  await o.trx
    .insertInto('plan_reports')
    .values({
      id,
      indicator_id: indicator.id,
      period: period.key,
      agency_code: o.actor.agencyCode,
      value,
      note: o.note,
      state: 'draft',
      created_by: o.actor.id,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['indicator_id', 'period', 'agency_code']).doNothing())
    .execute()
  const report = await o.trx
    .selectFrom('plan_reports')
    .select('id')
    .where('indicator_id', '=', indicator.id)
    .where('period', '=', period.key)
    .where('agency_code', '=', o.actor.agencyCode)
    .executeTakeFirstOrThrow()
  if (report.id !== id) {
    const locked = await lockReport(o.trx, report.id)
    checked(transition(locked, 'edit', { actorId: o.actor.id }))
    await o.trx
      .updateTable('plan_reports')
      .set({ value, note: o.note, updated_at: now })
      .where('id', '=', report.id)
      .execute()
  }
  await appendAudit(o.trx, auditActor(o.actor), {
    action: report.id === id ? 'create' : 'update',
    resource: 'plan_report',
    recordId: report.id,
    details: { indicator: indicator.code, period: period.key, value },
  })
  return report.id
}

/** The reporter's agency edits its own reports; nobody else adds to them. */
async function ownReport(trx: Tx, actor: RequestActor, reportId: string) {
  authorize(actor, 'update', 'plan_report')
  const report = await lockReport(trx, reportId)
  if (report.agency_code !== actor.agencyCode)
    throw new AppError('forbidden', { action: 'update', resource: 'plan_report' })
  return report
}

/** Attaches a file; the same file twice is stored once (a retried upload adds nothing). */
export async function addEvidence(o: {
  trx: Tx
  actor: RequestActor
  reportId: string
  fileName: string
  contentType: EvidenceType
  bytes: Buffer
  limits: PhotoLimits
}): Promise<{ id: string; size: number; sha256: string }> {
  const report = await ownReport(o.trx, o.actor, o.reportId)
  checked(transition(report, 'edit', { actorId: o.actor.id }))
  const name = evidenceName(o.fileName)
  const file = checkedEvidence(o.bytes, o.contentType, o.limits)
  const id = randomUUID()
  await o.trx
    .insertInto('plan_evidence')
    .values({
      id,
      report_id: report.id,
      file_name: name,
      ...file,
      uploaded_by: o.actor.id,
      uploaded_at: new Date(),
    })
    .onConflict((oc) => oc.columns(['report_id', 'sha256']).doNothing())
    .execute()
  const stored = await o.trx
    .selectFrom('plan_evidence')
    .select('id')
    .where('report_id', '=', report.id)
    .where('sha256', '=', file.sha256)
    .executeTakeFirstOrThrow()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'add_evidence',
    resource: 'plan_report',
    recordId: report.id,
    details: { name, contentType: file.content_type, size: file.size, sha256: file.sha256 },
  })
  return { id: stored.id, size: file.size, sha256: file.sha256 }
}

/** An evidence file for anyone who may read reports; every read is audited. */
export async function readEvidence(o: { trx: Tx; actor: RequestActor; evidenceId: string }) {
  authorize(o.actor, 'read', 'plan_report')
  const file = await o.trx
    .selectFrom('plan_evidence')
    .select(['report_id', 'file_name', 'content_type', 'bytes'])
    .where('id', '=', o.evidenceId)
    .executeTakeFirst()
  if (!file) throw new AppError('not_found')
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'read_evidence',
    resource: 'plan_report',
    recordId: file.report_id,
    details: { evidence: o.evidenceId },
  })
  return file
}

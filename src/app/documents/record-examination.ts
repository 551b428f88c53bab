import { randomUUID } from 'node:crypto'
import type { CheckResult, ExaminationFinding } from '../../domain/documents/index.ts'
import { can } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { findDocumentById } from './documents.repository.ts'
import type { ExaminationRow } from './documents.tables.ts'
import { insertExamination } from './examinations.repository.ts'
import { checksOf, findTemplate } from './templates.repository.ts'

export interface NewExamination {
  templateId: string
  finding: ExaminationFinding
  /** Check id → result; the template's checks left out are recorded as not checked. */
  results: Record<string, CheckResult>
  notes: string
}

/**
 * Records an officer's examination of a stored document against one template, at the officer's post.
 * The finding is audited with what statistics need (issuer, post), never the notes.
 */
export async function recordExamination(o: {
  trx: Tx
  actor: RequestActor
  documentId: string
  examination: NewExamination
}): Promise<ExaminationRow> {
  const post = o.actor.postCode
  if (!can(o.actor, 'create', 'examination', { postCode: post })) throw new AppError('forbidden')
  const document = await findDocumentById(o.trx, o.documentId)
  if (!document) throw new AppError('not_found')
  const e = o.examination
  const template = await findTemplate(o.trx, e.templateId)
  if (!template?.active)
    throw new AppError('validation_failed', {}, [
      { path: 'body.templateId', code: 'validation.invalid_value' },
    ])
  const checks = (await checksOf(o.trx, [template.id])).filter((c) => c.active)
  const known = new Set(checks.map((c) => c.id))
  const unknown = Object.keys(e.results).filter((id) => !known.has(id))
  if (unknown.length > 0)
    throw new AppError(
      'validation_failed',
      {},
      unknown.map((id) => ({ path: `body.results.${id}`, code: 'validation.invalid_value' })),
    )
  const results: Record<string, CheckResult> = {}
  for (const c of checks) results[c.id] = e.results[c.id] ?? 'not_checked'
  const row = await insertExamination(o.trx, {
    id: randomUUID(),
    document_id: document.id,
    template_id: template.id,
    issuing_state: document.issuing_state,
    document_code: document.document_code,
    finding: e.finding,
    results: JSON.stringify(results),
    notes: e.notes,
    post_code: post,
    agency_code: o.actor.agencyCode,
    examined_by: o.actor.id,
    examined_at: new Date(),
  })
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'create',
    resource: 'examination',
    recordId: row.id,
    details: {
      documentId: document.id,
      templateId: template.id,
      finding: e.finding,
      issuingState: document.issuing_state,
      postCode: post,
      anomalies: Object.values(results).filter((r) => r === 'anomaly').length,
    },
  })
  return row
}

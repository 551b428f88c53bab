import { allowedScope, can } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { findDocumentById } from './documents.repository.ts'
import type { ExaminationRow, TravelDocumentRow } from './documents.tables.ts'
import { listExaminationsOfDocument } from './examinations.repository.ts'
import { findTemplateFor } from './templates.repository.ts'

export interface DocumentRecord {
  document: TravelDocumentRow
  /** Only the examinations the actor may see (a post-scoped officer: those made at their post). */
  examinations: ExaminationRow[]
  templateId: string | null
}

/** A stored document with its examinations; the look-up of personal data is audited. */
export async function viewDocument(o: {
  trx: Tx
  actor: RequestActor
  documentId: string
}): Promise<DocumentRecord> {
  if (!can(o.actor, 'read', 'document')) throw new AppError('forbidden')
  const document = await findDocumentById(o.trx, o.documentId)
  if (!document) throw new AppError('not_found')
  const scope = allowedScope(o.actor, 'read', 'examination')
  const examinations = scope
    ? (await listExaminationsOfDocument(o.trx, document.id)).filter((e) =>
        can(o.actor, 'read', 'examination', { postCode: e.post_code }),
      )
    : []
  const template = await findTemplateFor(o.trx, document.issuing_state, document.document_code)
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'read',
    resource: 'document',
    recordId: document.id,
  })
  return { document, examinations, templateId: template?.id ?? null }
}

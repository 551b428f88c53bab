import { can } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import type { PhotoRow } from './documents.tables.ts'
import { findExamination, findPhoto } from './examinations.repository.ts'

/** A photo's bytes, for those who may see the examination it belongs to; every read is audited. */
export async function readPhoto(o: { trx: Tx; actor: RequestActor; photoId: string }): Promise<PhotoRow> {
  if (!can(o.actor, 'read', 'examination')) throw new AppError('forbidden')
  const photo = await findPhoto(o.trx, o.photoId)
  if (!photo) throw new AppError('not_found')
  const examination = await findExamination(o.trx, photo.examination_id)
  if (!examination || !can(o.actor, 'read', 'examination', { postCode: examination.post_code }))
    throw new AppError('forbidden')
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'read',
    resource: 'document_photo',
    recordId: photo.id,
    details: { examinationId: examination.id },
  })
  return photo
}

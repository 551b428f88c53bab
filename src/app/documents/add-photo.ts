import { randomUUID } from 'node:crypto'
import { can } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { findExamination, insertPhoto, type PhotoInfo } from './examinations.repository.ts'
import { checkedPhoto, type PhotoLimits, type PhotoType } from './photo-rules.ts'

/** Attaches a photo of the examined document; only the officers who may examine at that post may add one. */
export async function addPhoto(o: {
  trx: Tx
  actor: RequestActor
  examinationId: string
  contentType: PhotoType
  bytes: Buffer
  /** Largest width, height and pixel count accepted (`config.photos`). */
  limits: PhotoLimits
}): Promise<PhotoInfo> {
  if (!can(o.actor, 'create', 'examination')) throw new AppError('forbidden')
  const examination = await findExamination(o.trx, o.examinationId)
  if (!examination) throw new AppError('not_found')
  if (!can(o.actor, 'create', 'examination', { postCode: examination.post_code }))
    throw new AppError('forbidden')
  const checked = checkedPhoto(o.bytes, o.contentType, o.limits)
  const photo = await insertPhoto(o.trx, {
    id: randomUUID(),
    examination_id: examination.id,
    ...checked,
    uploaded_by: o.actor.id,
    uploaded_at: new Date(),
  })
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'create',
    resource: 'document_photo',
    recordId: photo.id,
    details: {
      examinationId: examination.id,
      contentType: o.contentType,
      size: photo.size,
      sha256: photo.sha256,
    },
  })
  return photo
}

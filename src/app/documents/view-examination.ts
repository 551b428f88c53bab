import { can } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import type { ExaminationRow } from './documents.tables.ts'
import { findExamination, listPhotosOf, type PhotoInfo } from './examinations.repository.ts'

/** One examination with its photos' descriptions, for those who may see examinations of its post. Audited. */
export async function viewExamination(o: {
  trx: Tx
  actor: RequestActor
  examinationId: string
}): Promise<{ examination: ExaminationRow; photos: PhotoInfo[] }> {
  if (!can(o.actor, 'read', 'examination')) throw new AppError('forbidden')
  const examination = await findExamination(o.trx, o.examinationId)
  if (!examination) throw new AppError('not_found')
  if (!can(o.actor, 'read', 'examination', { postCode: examination.post_code }))
    throw new AppError('forbidden')
  const photos = await listPhotosOf(o.trx, [examination.id])
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'read',
    resource: 'examination',
    recordId: examination.id,
  })
  return { examination, photos }
}

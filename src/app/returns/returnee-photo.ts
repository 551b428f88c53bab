import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { checkedPhoto, type PhotoLimits, type PhotoType } from '../documents/photo-rules.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { findReturnee } from './returns.repository.ts'
import type { ReturneePhotoTable } from './returns.tables.ts'

async function returneeAt(trx: Tx, actor: RequestActor, action: 'read' | 'update', id: string) {
  authorize(actor, action, 'returnee')
  const returnee = await findReturnee(trx, id)
  if (!returnee) throw new AppError('not_found')
  authorize(actor, action, 'returnee', { postCode: returnee.post_code })
  return returnee
}

/** Sets (or replaces) a returnee's photo; the bytes must be the image type they are declared as. */
export async function setReturneePhoto(o: {
  trx: Tx
  actor: RequestActor
  returneeId: string
  contentType: PhotoType
  bytes: Buffer
  /** Largest width, height and pixel count accepted (`config.photos`). */
  limits: PhotoLimits
}): Promise<{ size: number; sha256: string }> {
  const returnee = await returneeAt(o.trx, o.actor, 'update', o.returneeId)
  const checked = checkedPhoto(o.bytes, o.contentType, o.limits)
  const photo = {
    returnee_id: returnee.id,
    ...checked,
    uploaded_by: o.actor.id,
    uploaded_at: new Date(),
  }
  await o.trx
    .insertInto('returnee_photos')
    .values(photo)
    .onConflict((oc) => oc.column('returnee_id').doUpdateSet(photo))
    .execute()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'set_photo',
    resource: 'returnee',
    recordId: returnee.id,
    details: { contentType: o.contentType, size: photo.size, sha256: photo.sha256 },
  })
  return { size: photo.size, sha256: photo.sha256 }
}

/** A returnee's photo for those who may read the registration; every read is audited. */
export async function readReturneePhoto(o: {
  trx: Tx
  actor: RequestActor
  returneeId: string
}): Promise<Pick<ReturneePhotoTable, 'content_type' | 'bytes'>> {
  const returnee = await returneeAt(o.trx, o.actor, 'read', o.returneeId)
  const photo = await o.trx
    .selectFrom('returnee_photos')
    .select(['content_type', 'bytes'])
    .where('returnee_id', '=', returnee.id)
    .executeTakeFirst()
  if (!photo) throw new AppError('not_found')
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'read_photo',
    resource: 'returnee',
    recordId: returnee.id,
  })
  return photo
}

import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { referralFor } from './secondary-access.ts'

/**
 * Links a document examination to the interview. Only an examination of one of the traveller's documents, made at
 * the referral's post after the referral, belongs to it: anything else would put someone else's findings here.
 */
export async function linkSecondaryExamination(o: {
  trx: Tx
  actor: RequestActor
  secondaryId: string
  examinationId: string
}): Promise<void> {
  const referral = await referralFor({ ...o, action: 'link_examination' })
  const exam = await o.trx
    .selectFrom('document_examinations as e')
    .innerJoin('travel_documents as d', 'd.id', 'e.document_id')
    .select(['e.id', 'e.post_code', 'e.examined_at', 'd.traveller_id'])
    .where('e.id', '=', o.examinationId)
    .executeTakeFirst()
  if (
    !exam ||
    exam.traveller_id !== referral.traveller_id ||
    exam.post_code !== referral.post_code ||
    exam.examined_at < referral.referred_at
  )
    throw new AppError('validation_failed', {}, [
      { path: 'body.examinationId', code: 'crossings.secondary.unknown_examination' },
    ])
  const inserted = await o.trx
    .insertInto('secondary_examinations')
    .values({
      secondary_id: referral.id,
      examination_id: exam.id,
      linked_by: o.actor.id,
      linked_at: new Date(),
    })
    .onConflict((oc) => oc.columns(['secondary_id', 'examination_id']).doNothing())
    .executeTakeFirst()
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'link_examination',
    resource: 'secondary_inspection',
    recordId: referral.id,
    details: { examinationId: exam.id },
  })
}

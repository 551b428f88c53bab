import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import type { TravellerRow } from '../documents/documents.tables.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { identityCandidates, isNewlySeen } from './identify-candidates.ts'

const rule = (code: string) => new AppError('rule_violation', {}, [{ code, params: {} }])

/**
 * The officer's "same person": links a newly seen document to an earlier traveller proposed for it. Only a
 * proposal can be confirmed (same birth date, alike names, the document still without a record of its own), so
 * the call cannot attach a document to anyone else. The traveller first created for the document stays, empty,
 * for the audit trail. Confirming twice changes nothing.
 */
export async function confirmSameTraveller(o: {
  trx: Tx
  actor: RequestActor
  documentId: string
  travellerId: string
}): Promise<TravellerRow> {
  authorize(o.actor, 'create', 'crossing', { postCode: o.actor.postCode })
  const document = await o.trx
    .selectFrom('travel_documents')
    .selectAll()
    .where('id', '=', o.documentId)
    .forUpdate()
    .executeTakeFirst()
  if (!document) throw new AppError('not_found')
  // Both travellers locked in one order, the order recording a crossing takes them in too: no deadlock.
  const locked = await o.trx
    .selectFrom('travellers')
    .selectAll()
    .where('id', 'in', [document.traveller_id, o.travellerId])
    .orderBy('id')
    .forUpdate()
    .execute()
  const target = locked.find((t) => t.id === o.travellerId)
  const source = locked.find((t) => t.id === document.traveller_id)
  if (!target || !source) throw new AppError('not_found')
  if (source.id === target.id) return target
  if (!(await isNewlySeen(o.trx, document))) throw rule('posts.identify.not_new')
  const candidates = await identityCandidates({ db: o.trx, document, traveller: source })
  const chosen = candidates.find((c) => c.traveller.id === target.id)
  if (!chosen) throw rule('posts.identify.not_candidate')
  await o.trx
    .updateTable('travel_documents')
    .set({ traveller_id: target.id })
    .where('id', '=', document.id)
    .execute()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'merge',
    resource: 'traveller',
    recordId: source.id,
    details: { into: target.id, documentId: document.id, score: chosen.score, postCode: o.actor.postCode },
  })
  return target
}

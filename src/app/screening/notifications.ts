import { allowedScope, can } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { hitDetails } from './hits.repository.ts'

/** Confirmed hits on the actor's agency's entries, newest first, with whether someone has read them. */
export async function agencyNotifications(ex: Executor, actor: RequestActor, unreadOnly: boolean) {
  if (!allowedScope(actor, 'read', 'screening_hit')) throw new AppError('forbidden')
  let q = ex
    .selectFrom('screening_notifications')
    .selectAll()
    .where('agency_code', '=', actor.agencyCode)
    .orderBy('created_at', 'desc')
    .limit(200)
  if (unreadOnly) q = q.where('read_at', 'is', null)
  const notes = await q.execute()
  if (notes.length === 0) return []
  const hits = await hitDetails(ex)
    .where(
      'h.id',
      'in',
      notes.map((n) => n.hit_id),
    )
    .execute()
  const byId = new Map(hits.map((h) => [h.id, h]))
  return notes.map((n) => ({ notification: n, hit: byId.get(n.hit_id)! }))
}

export async function markNotificationRead(o: { trx: Tx; actor: RequestActor; notificationId: string }) {
  const note = await o.trx
    .selectFrom('screening_notifications')
    .selectAll()
    .where('id', '=', o.notificationId)
    .forUpdate()
    .executeTakeFirst()
  if (!note) throw new AppError('not_found')
  if (!can(o.actor, 'update', 'screening_hit', { agencyCode: note.agency_code, postCode: null })) {
    throw new AppError('forbidden')
  }
  if (note.read_at) return note
  const row = await o.trx
    .updateTable('screening_notifications')
    .set({ read_by: o.actor.id, read_at: new Date() })
    .where('id', '=', note.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'read',
    resource: 'screening_notification',
    recordId: note.id,
    details: { hitId: note.hit_id },
  })
  return row
}

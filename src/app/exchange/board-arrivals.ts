import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Db, Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { requirePost } from '../posts/post-board.ts'
import type { ArrivalRow } from './exchange.tables.ts'

/** Counts for the post board's snapshot: a new list or a recorded arrival changes them, so the board pushes. */
export async function arrivalCounts(db: Executor, postCode: string, day: string) {
  const r = await db
    .selectFrom('exchange_arrivals')
    .select((eb) => [
      eb.fn.count<number>('id').filterWhere('status', '=', 'expected').as('expected'),
      eb.fn.count<number>('id').filterWhere('status', '=', 'arrived').as('arrived'),
    ])
    .where('post_code', '=', postCode)
    .where('expected_on', '=', day)
    .executeTakeFirstOrThrow()
  return { expected: Number(r.expected), arrived: Number(r.arrived) }
}

export type BoardArrival = ArrivalRow & { partner_name_en: string | null; partner_name_km: string | null }

/**
 * Today's expected arrivals at one post, for its board: the partner is named (in both languages), a handover
 * (a repatriation thread) is told apart from a return list's row. The border sees its own post only.
 */
export async function listBoardArrivals(o: {
  db: Db
  actor: RequestActor
  postCode: string
}): Promise<{ day: string; items: BoardArrival[] }> {
  authorize(o.actor, 'read', 'exchange_arrival', { postCode: o.postCode })
  await requirePost(o.db, o.postCode)
  const day = todayInCambodia()
  const items = await o.db
    .selectFrom('exchange_arrivals as a')
    .leftJoin('exchange_authorities as p', 'p.code', 'a.partner_code')
    .selectAll('a')
    .select(['p.name_en as partner_name_en', 'p.name_km as partner_name_km'])
    .where('a.post_code', '=', o.postCode)
    .where('a.expected_on', '=', day)
    // Those still expected first; then by name, as an officer reads down a list at the gate.
    .orderBy('a.status', 'desc')
    .orderBy('a.family_latin')
    .orderBy('a.given_latin')
    .limit(2000)
    .execute()
  return { day, items }
}

/** An arrival, locked for the one who records it: two desks recording it at once are served one after the other. */
export async function lockArrival(trx: Tx, id: string): Promise<ArrivalRow> {
  const arrival = await trx
    .selectFrom('exchange_arrivals')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!arrival) throw new AppError('not_found')
  return arrival
}

/**
 * The border records that a person on a partner's return list has arrived at its post. It is part of the
 * returnees' registration, so whoever registers returnees at that post records it. A repatriated victim's
 * handover (a row with a repatriation thread) is not recorded here: it opens a protection case, which is MoSVY's.
 */
export async function recordListArrival(o: {
  trx: Tx
  actor: RequestActor
  arrivalId: string
}): Promise<ArrivalRow> {
  const { trx, actor } = o
  const arrival = await lockArrival(trx, o.arrivalId)
  // An officer of another post is refused, whatever id the browser sends.
  authorize(actor, 'update', 'returnee', { postCode: arrival.post_code })
  if (arrival.thread_ref) throw new AppError('conflict', { reason: 'handover_by_protection' })
  if (arrival.status === 'arrived') throw new AppError('conflict', { reason: 'already_arrived' })
  const now = new Date()
  const row = await trx
    .updateTable('exchange_arrivals')
    .set({ status: 'arrived', arrived_at: now, arrived_by: actor.id })
    .where('id', '=', arrival.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(trx, auditActor(actor), {
    action: 'arrive',
    resource: 'exchange_arrival',
    recordId: arrival.id,
    details: { partner: arrival.partner_code, postCode: arrival.post_code, messageId: arrival.message_id },
  })
  return row
}

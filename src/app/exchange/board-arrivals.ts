import { type ReturneeInput, SEXES } from '../../domain/returns/index.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Db, Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { requirePost } from '../posts/post-board.ts'
import { registerReturnee } from '../returns/register-returnee.ts'
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

/** Marks a locked arrival as arrived at `at`, by `by`, with what its recording opened (a returnee or a case). */
export function markArrived(
  trx: Tx,
  arrival: ArrivalRow,
  o: { by: string; at: Date; opened: { returnee_id: string } | { case_id: string } },
): Promise<ArrivalRow> {
  return trx
    .updateTable('exchange_arrivals')
    .set({ status: 'arrived', arrived_at: o.at, arrived_by: o.by, ...o.opened })
    .where('id', '=', arrival.id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** A list row's key is `list:<list ref>:<row id>` (see `applyMessage`): the partner's list and row, as the source. */
export function listSource(a: ArrivalRow): { listRef: string; listKey: string } {
  const body = a.row_key.replace(/^list:/, '')
  const cut = body.lastIndexOf(':')
  return { listRef: `${a.partner_code}:${body.slice(0, cut)}`, listKey: body.slice(cut + 1) }
}

/** The list's data as the mass-return registration takes it; what the list lacks the officer completes there. */
async function returneeFromList(trx: Tx, a: ArrivalRow): Promise<ReturneeInput> {
  const alpha2 = a.nationality?.trim().toUpperCase() ?? ''
  const country = alpha2
    ? await trx
        .selectFrom('countries')
        .select('alpha3')
        .where((eb) => eb.or([eb('alpha2', '=', alpha2), eb('alpha3', '=', alpha2)]))
        .executeTakeFirst()
    : undefined
  return {
    familyLatin: a.family_latin,
    givenLatin: a.given_latin,
    familyKhmer: null,
    givenKhmer: null,
    sex: (SEXES as readonly string[]).includes(a.sex ?? '') ? (a.sex as ReturneeInput['sex']) : null,
    birthDate: a.birth_date,
    estimatedAge: null,
    // An unknown code is passed on for the registration's own check to refuse by name; none is the default's.
    nationality: country?.alpha3 ?? (alpha2 || 'KHM'),
    originProvince: null,
    originDistrict: null,
    returnProvince: null,
    returnDistrict: null,
    phone: null,
    groupId: null,
    returnType: 'g2g_list',
    triageFlags: [],
    needs: [],
  }
}

/**
 * The border records that a person on a partner's return list has arrived at its post: the returnee is
 * registered in the mass-return registration (its own use case, so its checks, triage and audit apply) with the
 * list's data and the partner's list and row as source, and the arrival keeps the registration it made — one
 * transaction. Whoever registers returnees at that post records it. A repatriated victim's handover (a row with a
 * repatriation thread) is recorded by `recordHandover`, which opens a protection case instead.
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
  if (arrival.thread_ref) throw new AppError('conflict', { reason: 'record_as_handover' })
  if (arrival.status === 'arrived') throw new AppError('conflict', { reason: 'already_arrived' })
  const returnee = await registerReturnee({
    trx,
    actor,
    postCode: arrival.post_code,
    returnee: await returneeFromList(trx, arrival),
    referral: null,
    source: listSource(arrival),
  })
  const row = await markArrived(trx, arrival, {
    by: actor.id,
    at: new Date(),
    opened: { returnee_id: returnee.id },
  })
  await appendAudit(trx, auditActor(actor), {
    action: 'arrive',
    resource: 'exchange_arrival',
    recordId: arrival.id,
    details: {
      partner: arrival.partner_code,
      postCode: arrival.post_code,
      messageId: arrival.message_id,
      returneeId: returnee.id,
    },
  })
  return row
}

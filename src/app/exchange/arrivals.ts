import { allowedScope } from '../../domain/identity/policy.ts'
import type { Gender } from '../../domain/protection/person.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Db, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { addTimeline } from '../protection/cases.repository.ts'
import { openCase } from '../protection/open-case.ts'
import { recordPerson } from '../protection/record-person.ts'
import { lockArrival } from './board-arrivals.ts'
import type { ArrivalRow } from './exchange.tables.ts'
import { sendMessage } from './send-message.ts'

/** A post's expected arrivals of one day (return lists and agreed handovers): the border sees its own post. */
export async function listArrivals(o: {
  db: Db
  actor: RequestActor
  postCode: string | null
  day: string | null
}) {
  const scope = allowedScope(o.actor, 'read', 'exchange_arrival')
  if (!scope) throw new AppError('forbidden')
  const postCode = o.postCode ?? (scope === 'post' ? o.actor.postCode : null)
  if (scope === 'post' && (!postCode || postCode !== o.actor.postCode)) throw new AppError('forbidden')
  const day = o.day ?? todayInCambodia()
  let q = o.db.selectFrom('exchange_arrivals').selectAll().where('expected_on', '=', day)
  if (postCode) q = q.where('post_code', '=', postCode)
  return { day, items: await q.orderBy('family_latin').orderBy('given_latin').limit(2000).execute() }
}

const GENDER: Record<string, Gender> = {
  Male: 'male',
  Female: 'female',
  'Transgender/NonConforming': 'nonconforming',
  Unknown: 'unknown',
}
const KHMER = /^[\u1780-\u17FF\u19E0-\u19FF\u200B\s]+$/u
const khmerOrNull = (v: unknown) => (typeof v === 'string' && KHMER.test(v) ? v : null)
const str = (v: unknown) => (typeof v === 'string' ? v : null)

/**
 * The border records a repatriated victim's handover: a protection person and case open with the data the
 * partner sent (only what its agreement let through), the arrival is marked, and a signed handover receipt goes
 * back to the partner in the same transaction — all or nothing. Recording it twice is refused.
 */
export async function recordHandover(o: {
  trx: Tx
  actor: RequestActor
  arrivalId: string
}): Promise<ArrivalRow & { receiptMessageId: string | null }> {
  const { trx, actor } = o
  authorize(actor, 'update', 'exchange_arrival')
  const arrival = await lockArrival(trx, o.arrivalId)
  if (arrival.status === 'arrived') throw new AppError('conflict', { reason: 'already_arrived' })
  const referral = arrival.thread_ref
    ? await trx
        .selectFrom('exchange_messages')
        .select(['content', 'agreement_code'])
        .where('partner_code', '=', arrival.partner_code)
        .where('thread_ref', '=', arrival.thread_ref)
        .where('direction', '=', 'in')
        .where('type', '=', 'repatriation.referral')
        .orderBy('sent_at', 'desc')
        .executeTakeFirst()
    : undefined
  const c = (referral?.content ?? {}) as Record<string, unknown>
  const nationality = str(c.prs_Nationality ?? arrival.nationality)
  const alpha3 = nationality
    ? ((
        await trx
          .selectFrom('countries')
          .select('alpha3')
          .where('alpha2', '=', nationality)
          .executeTakeFirst()
      )?.alpha3 ?? null)
    : null
  const person = await recordPerson({
    trx,
    actor,
    agencyCode: actor.agencyCode,
    person: {
      givenLatin: str(c.prs_FirstName) ?? arrival.given_latin ?? '',
      familyLatin: str(c.prs_SecondName) ?? arrival.family_latin ?? '',
      givenKhmer: khmerOrNull(c.xch_FirstNameNative),
      familyKhmer: khmerOrNull(c.xch_SecondNameNative),
      birthDate: str(c.prs_Birthdate) ?? (arrival.birth_date?.length === 10 ? arrival.birth_date : null),
      birthDateEstimated: false,
      gender: GENDER[str(c.prs_Gender) ?? ''] ?? 'unknown',
      nationality: alpha3,
      mobilePhone: str(c.prs_MobilePhone),
      provinceCode: null,
    },
  })
  const now = new Date()
  const kase = await openCase({ trx, actor, personId: person.id, at: now })
  await addTimeline(trx, {
    caseId: kase.id,
    kind: 'exchange',
    event: 'handover_received',
    by: actor.id,
    at: now,
    details: {
      partner: arrival.partner_code,
      threadRef: arrival.thread_ref,
      borderPoint: arrival.border_point,
    },
  })
  let receiptMessageId: string | null = null
  if (arrival.thread_ref && referral) {
    const sent = await sendMessage({
      trx,
      actor,
      agreementCode: referral.agreement_code,
      type: 'repatriation.handover_receipt',
      threadRef: arrival.thread_ref,
      source: {
        xch_ReceivedAt: now.toISOString(),
        xch_BorderPoint: arrival.border_point,
        xch_ReceivingOrganisation: actor.agencyCode,
      },
    })
    receiptMessageId = sent.row.id
  }
  const row = await trx
    .updateTable('exchange_arrivals')
    .set({ status: 'arrived', arrived_at: now, arrived_by: actor.id, case_id: kase.id })
    .where('id', '=', arrival.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(trx, auditActor(actor), {
    action: 'handover',
    resource: 'exchange_arrival',
    recordId: arrival.id,
    details: { partner: arrival.partner_code, caseId: kase.id, receiptMessageId },
  })
  return { ...row, receiptMessageId }
}

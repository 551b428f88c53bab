import type { Agreement } from '../../domain/exchange/index.ts'
import { allowedScope } from '../../domain/identity/policy.ts'
import type { Gender } from '../../domain/protection/person.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Db, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { addTimeline } from '../protection/cases.repository.ts'
import { insertOpenedCase } from '../protection/open-case.ts'
import { recordPerson } from '../protection/record-person.ts'
import { lockArrival, markArrived } from './board-arrivals.ts'
import type { ArrivalRow } from './exchange.tables.ts'
import { queueMessage } from './send-message.ts'

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

/** The referral a handover's thread began with, and the agency on this side its agreement names to take the case. */
async function referralOf(trx: Tx, arrival: ArrivalRow) {
  const referral = await trx
    .selectFrom('exchange_messages as m')
    .innerJoin('exchange_agreements as a', 'a.code', 'm.agreement_code')
    .select(['m.content', 'm.agreement_code', 'a.rules'])
    .where('m.partner_code', '=', arrival.partner_code)
    .where('m.thread_ref', '=', arrival.thread_ref)
    .where('m.direction', '=', 'in')
    .where('m.type', '=', 'repatriation.referral')
    .orderBy('m.sent_at', 'desc')
    .executeTakeFirst()
  if (!referral) throw new AppError('conflict', { reason: 'no_referral' })
  const rules = referral.rules as Agreement['rules']
  const code = rules['repatriation.referral']?.receivingAgency
  const agency = code
    ? await trx
        .selectFrom('agencies')
        .select('code')
        .where('code', '=', code)
        .where('active', '=', true)
        .executeTakeFirst()
    : undefined
  // Nobody to take the case: refused before anything is written, for an administrator to complete the agreement.
  if (!agency) throw new AppError('conflict', { reason: 'no_receiving_agency' })
  return {
    content: referral.content as Record<string, unknown>,
    agreementCode: referral.agreement_code,
    agency: agency.code,
  }
}

/**
 * The border officer of the arrival's post (or MoSVY's social worker beside them) records a repatriated victim's
 * handover: a protection person and case open with the data the partner sent (only what its agreement let
 * through), owned by the agency the agreement names as receiving side (`receivingAgency` of its referral rule),
 * the arrival is marked and a signed handover receipt goes back to the partner, in one transaction — all or
 * nothing. Recording it twice is refused. The officer opens the case without reading it: protection content stays
 * with protection roles, so no policy grant on cases is needed or given.
 */
export async function recordHandover(o: {
  trx: Tx
  actor: RequestActor
  arrivalId: string
}): Promise<ArrivalRow & { receiptMessageId: string }> {
  const { trx, actor } = o
  // Checked before the lock too: an actor with no grant at all learns nothing about the id.
  authorize(actor, 'update', 'exchange_arrival')
  const arrival = await lockArrival(trx, o.arrivalId)
  // An officer of another post is refused, whatever id the browser sends.
  authorize(actor, 'update', 'exchange_arrival', { postCode: arrival.post_code })
  if (!arrival.thread_ref) throw new AppError('conflict', { reason: 'not_a_handover' })
  if (arrival.status === 'arrived') throw new AppError('conflict', { reason: 'already_arrived' })
  const referral = await referralOf(trx, arrival)
  const c = referral.content
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
    agencyCode: referral.agency,
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
  const kase = await insertOpenedCase({ trx, actor, person, agencyCode: referral.agency, at: now })
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
  // The receipt is the handover's own consequence, not a message the officer composes: queued without the
  // `exchange_message` grant, its content fixed here and still minimised by the agreement.
  const sent = await queueMessage({
    trx,
    actor,
    agreementCode: referral.agreementCode,
    type: 'repatriation.handover_receipt',
    threadRef: arrival.thread_ref,
    source: {
      xch_ReceivedAt: now.toISOString(),
      xch_BorderPoint: arrival.border_point,
      xch_ReceivingOrganisation: referral.agency,
    },
  })
  const row = await markArrived(trx, arrival, { by: actor.id, at: now, opened: { case_id: kase.id } })
  await appendAudit(trx, auditActor(actor), {
    action: 'handover',
    resource: 'exchange_arrival',
    recordId: arrival.id,
    details: {
      partner: arrival.partner_code,
      postCode: arrival.post_code,
      caseId: kase.id,
      agencyCode: referral.agency,
      receiptMessageId: sent.row.id,
    },
  })
  return { ...row, receiptMessageId: sent.row.id }
}

import type { Db } from '../../platform/db/database.ts'
import type { RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { caseInReach } from './case-source.ts'

interface Thread {
  partner: string
  ref: string
}

/** The threads a case took part in: those it sent from, and the handover that opened it. */
async function threadsOf(db: Db, caseId: string): Promise<Thread[]> {
  const [events, arrivals] = await Promise.all([
    db
      .selectFrom('protection_case_events')
      .select('details')
      .where('case_id', '=', caseId)
      .where('kind', '=', 'exchange')
      .execute(),
    db
      .selectFrom('exchange_arrivals')
      .select(['partner_code', 'thread_ref'])
      .where('case_id', '=', caseId)
      .where('thread_ref', 'is not', null)
      .execute(),
  ])
  const seen = new Map<string, Thread>()
  const add = (partner: unknown, ref: unknown) => {
    if (typeof partner === 'string' && typeof ref === 'string')
      seen.set(`${partner}\n${ref}`, { partner, ref })
  }
  for (const e of events) add(e.details.partner, e.details.threadRef)
  for (const a of arrivals) add(a.partner_code, a.thread_ref)
  return [...seen.values()]
}

/**
 * What was exchanged about one case, oldest first: each message sent or received on the case's threads (with its
 * partner, agreement, status, receipt or refusal) and each expected or recorded handover. Field names only, never
 * content: opening a received message goes through the audited read.
 */
export async function caseExchangeTimeline(o: { db: Db; actor: RequestActor; caseId: string }) {
  authorize(o.actor, 'read', 'exchange_message')
  const kase = await caseInReach(o.db, o.actor, o.caseId, 'read')
  const threads = await threadsOf(o.db, kase.id)
  if (threads.length === 0) return { threads: [], messages: [], arrivals: [] }
  const [messages, arrivals] = await Promise.all([
    o.db
      .selectFrom('exchange_messages as m')
      .leftJoin('exchange_agreements as a', 'a.code', 'm.agreement_code')
      .leftJoin('exchange_authorities as p', 'p.code', 'm.partner_code')
      .selectAll('m')
      .select([
        'a.title as agreement_title',
        'a.legal',
        'p.name_en as partner_name_en',
        'p.name_km as partner_name_km',
      ])
      .where((eb) =>
        eb.or(
          threads.map((t) => eb.and([eb('m.partner_code', '=', t.partner), eb('m.thread_ref', '=', t.ref)])),
        ),
      )
      .orderBy('m.sent_at')
      .orderBy('m.created_at')
      .limit(500)
      .execute(),
    o.db
      .selectFrom('exchange_arrivals')
      .selectAll()
      .where((eb) =>
        eb.or(threads.map((t) => eb.and([eb('partner_code', '=', t.partner), eb('thread_ref', '=', t.ref)]))),
      )
      .orderBy('expected_on')
      .execute(),
  ])
  return { threads, messages, arrivals }
}

import { type FollowUpItem, type FollowUpStatus, followUpSchedule } from '../../domain/exchange/index.ts'
import type { Executor } from '../../platform/db/database.ts'
import { cambodiaDayOf } from '../../platform/time/cambodia-day.ts'
import type { RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { findAgreement } from './agreements.ts'

export interface DueFollowUp extends FollowUpItem {
  threadRef: string
  partner: string
  agreement: string
  caseId: string | null
  givenLatin: string | null
  familyLatin: string | null
  handedOverOn: string
}

/**
 * The follow-up reports case managers owe partners: for each person handed over to us in a repatriation thread,
 * each month the agreement's SOP sets, due on handover day + that many months, done once a follow-up report for
 * that month was sent in the thread. `now` is the clock (fixed in tests); `all` keeps done and upcoming ones too.
 */
export async function listFollowUps(o: {
  db: Executor
  actor: RequestActor
  now?: Date
  all?: boolean
}): Promise<DueFollowUp[]> {
  authorize(o.actor, 'read', 'exchange_message')
  const today = cambodiaDayOf(o.now ?? new Date())
  const handed = await o.db
    .selectFrom('exchange_arrivals as a')
    .innerJoin('exchange_messages as m', (j) =>
      j.onRef('m.id', '=', 'a.message_id').on('m.direction', '=', 'in'),
    )
    .select([
      'a.thread_ref',
      'a.partner_code',
      'a.case_id',
      'a.given_latin',
      'a.family_latin',
      'a.arrived_at',
      'm.agreement_code',
    ])
    .where('a.status', '=', 'arrived')
    .where('a.thread_ref', 'is not', null)
    .execute()
  const items: DueFollowUp[] = []
  // Every follow-up report sent, read once and grouped by partner and thread (not one query per person).
  const sentRows = await o.db
    .selectFrom('exchange_messages')
    .select(['partner_code', 'thread_ref', 'content'])
    .where('direction', '=', 'out')
    .where('type', '=', 'repatriation.follow_up')
    .execute()
  const reportedIn = new Map<string, Set<number>>()
  for (const m of sentRows) {
    const key = `${m.partner_code}\u0000${m.thread_ref}`
    if (!reportedIn.has(key)) reportedIn.set(key, new Set())
    reportedIn.get(key)!.add(Number(m.content.xch_FollowUpMonth))
  }
  const agreements = new Map<string, Awaited<ReturnType<typeof findAgreement>>>()
  for (const h of handed) {
    if (!h.thread_ref || !h.arrived_at) continue
    if (!agreements.has(h.agreement_code))
      agreements.set(h.agreement_code, await findAgreement(o.db, h.agreement_code))
    const months = agreements.get(h.agreement_code)?.rules['repatriation.follow_up']?.followUpMonths ?? []
    if (!months.length) continue
    const reported = reportedIn.get(`${h.partner_code}\u0000${h.thread_ref}`) ?? new Set<number>()
    const handedOverOn = cambodiaDayOf(new Date(h.arrived_at))
    for (const item of followUpSchedule({ handedOverOn, months, reported, today }))
      items.push({
        ...item,
        threadRef: h.thread_ref,
        partner: h.partner_code,
        agreement: h.agreement_code,
        caseId: h.case_id,
        givenLatin: h.given_latin,
        familyLatin: h.family_latin,
        handedOverOn,
      })
  }
  const shown: FollowUpStatus[] = o.all ? ['overdue', 'due', 'upcoming', 'done'] : ['overdue', 'due']
  return items
    .filter((i) => shown.includes(i.status))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.threadRef.localeCompare(b.threadRef))
}

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
  const agreements = new Map<string, Awaited<ReturnType<typeof findAgreement>>>()
  for (const h of handed) {
    if (!h.thread_ref || !h.arrived_at) continue
    if (!agreements.has(h.agreement_code))
      agreements.set(h.agreement_code, await findAgreement(o.db, h.agreement_code))
    const months = agreements.get(h.agreement_code)?.rules['repatriation.follow_up']?.followUpMonths ?? []
    if (!months.length) continue
    const sent = await o.db
      .selectFrom('exchange_messages')
      .select('content')
      .where('direction', '=', 'out')
      .where('partner_code', '=', h.partner_code)
      .where('thread_ref', '=', h.thread_ref)
      .where('type', '=', 'repatriation.follow_up')
      .execute()
    const reported = new Set(sent.map((m) => Number(m.content.xch_FollowUpMonth)))
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

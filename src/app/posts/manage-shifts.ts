import { randomUUID } from 'node:crypto'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import {
  openShiftAtCounter,
  openShiftOf,
  type ShiftWithOfficer,
  shiftsWithOfficer,
} from './shifts.repository.ts'

// Supervisors free a counter an officer left open when going home; other officers close only their own shift.
const CLOSES_OTHERS = new Set(['shift_supervisor', 'post_chief'])

const rule = (code: string, params: Record<string, unknown> = {}) =>
  new AppError('rule_violation', {}, [{ code, params }])

/** Counters are written as painted on the booth: `a3 ` and `A3` are one counter. */
export function normaliseCounter(counter: string): string {
  return counter.trim().replace(/\s+/g, ' ').toUpperCase()
}

/**
 * Opens the actor's shift at their post and a counter. One open shift per officer and one officer per counter:
 * the checks give a clear message, the partial unique indexes refuse whatever races past them.
 */
export async function openShift(o: {
  trx: Tx
  actor: RequestActor
  counter: string
}): Promise<ShiftWithOfficer> {
  const post = o.actor.postCode
  authorize(o.actor, 'create', 'shift', { postCode: post })
  if (!post) throw rule('posts.shift.no_post')
  const counter = normaliseCounter(o.counter)
  const mine = await openShiftOf(o.trx, o.actor.id)
  if (mine) throw rule('posts.shift.already_open', { post: mine.post_code, counter: mine.counter })
  const taken = await openShiftAtCounter(o.trx, post, counter)
  if (taken) throw rule('posts.shift.counter_taken', { counter, officer: taken.officer_name })
  const id = randomUUID()
  await o.trx
    .insertInto('shifts')
    .values({
      id,
      officer_id: o.actor.id,
      agency_code: o.actor.agencyCode,
      post_code: post,
      counter,
      opened_at: new Date(),
      closed_at: null,
      closed_by: null,
    })
    .execute()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'open',
    resource: 'shift',
    recordId: id,
    details: { postCode: post, counter },
  })
  return shiftsWithOfficer(o.trx).where('s.id', '=', id).executeTakeFirstOrThrow()
}

/** Closes a shift: the officer's own, or any at the post for a supervisor or the post chief. */
export async function closeShift(o: {
  trx: Tx
  actor: RequestActor
  shiftId: string
}): Promise<ShiftWithOfficer> {
  const shift = await shiftsWithOfficer(o.trx).where('s.id', '=', o.shiftId).forUpdate('s').executeTakeFirst()
  if (!shift) throw new AppError('not_found')
  authorize(o.actor, 'update', 'shift', { postCode: shift.post_code, agencyCode: shift.agency_code })
  if (shift.officer_id !== o.actor.id && !CLOSES_OTHERS.has(o.actor.role)) throw new AppError('forbidden')
  if (shift.closed_at) throw rule('posts.shift.already_closed')
  const closedAt = new Date()
  await o.trx
    .updateTable('shifts')
    .set({ closed_at: closedAt, closed_by: o.actor.id })
    .where('id', '=', shift.id)
    .execute()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'close',
    resource: 'shift',
    recordId: shift.id,
    details: { postCode: shift.post_code, counter: shift.counter, officerId: shift.officer_id },
  })
  return { ...shift, closed_at: closedAt, closed_by: o.actor.id }
}

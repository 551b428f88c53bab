import { randomUUID } from 'node:crypto'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { inReach, steeringReach } from './reach.ts'
import type { ParticipantRow } from './training.tables.ts'

/** A Passage user (agency and post taken from the account), or an external person described in full. */
export type ParticipantInput =
  | { userId: string; sex: 'F' | 'M' | 'X' }
  | { fullName: string; agencyCode: string; postCode: string | null; sex: 'F' | 'M' | 'X' }

export async function enrolParticipant(o: {
  trx: Tx
  actor: RequestActor
  sessionId: string
  participant: ParticipantInput
}): Promise<ParticipantRow> {
  const reach = await steeringReach(o.trx, o.actor, 'training_record')
  const session = await o.trx
    .selectFrom('training_sessions')
    .select('id')
    .where('id', '=', o.sessionId)
    .executeTakeFirst()
  if (!session) throw new AppError('not_found')
  const p = o.participant
  let person: { user_id: string | null; full_name: string; agency_code: string; post_code: string | null }
  if ('userId' in p) {
    const user = await o.trx
      .selectFrom('users')
      .select(['id', 'display_name', 'agency_code', 'post_code'])
      .where('id', '=', p.userId)
      .executeTakeFirst()
    if (!user) throw new AppError('not_found')
    person = {
      user_id: user.id,
      full_name: user.display_name,
      agency_code: user.agency_code,
      post_code: user.post_code,
    }
  } else {
    const agency = await o.trx
      .selectFrom('agencies')
      .select('code')
      .where('code', '=', p.agencyCode)
      .executeTakeFirst()
    if (!agency)
      throw new AppError('validation_failed', {}, [
        { path: 'body.agencyCode', code: 'training.validation.unknown_agency' },
      ])
    person = { user_id: null, full_name: p.fullName, agency_code: p.agencyCode, post_code: p.postCode }
  }
  // A post chief enrols the post's own staff only.
  if (!inReach(reach, { userId: person.user_id, postCode: person.post_code }))
    throw new AppError('forbidden', { action: 'create', resource: 'training_record' })
  const row = await o.trx
    .insertInto('training_participants')
    .values({ id: randomUUID(), session_id: o.sessionId, ...person, sex: p.sex })
    .onConflict((oc) => oc.columns(['session_id', 'user_id']).where('user_id', 'is not', null).doNothing())
    .returningAll()
    .executeTakeFirst()
  if (!row)
    throw new AppError('conflict', { reason: 'already_enrolled' }, [{ code: 'training.already_enrolled' }])
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'create',
    resource: 'training_participant',
    recordId: row.id,
    details: {
      sessionId: o.sessionId,
      userId: row.user_id,
      agencyCode: row.agency_code,
      postCode: row.post_code,
    },
  })
  return row
}

export interface ResultInput {
  attended?: boolean
  preScore?: number | null
  postScore?: number | null
  /** Marks the training completed (on the Cambodian day), which needs attendance; false takes it back. */
  completed?: boolean
}

export async function recordParticipantResult(o: {
  trx: Tx
  actor: RequestActor
  participantId: string
  result: ResultInput
}): Promise<ParticipantRow> {
  const reach = await steeringReach(o.trx, o.actor, 'training_record')
  const before = await o.trx
    .selectFrom('training_participants')
    .selectAll()
    .where('id', '=', o.participantId)
    .forUpdate()
    .executeTakeFirst()
  if (!before || !inReach(reach, { userId: before.user_id, postCode: before.post_code }))
    throw new AppError('not_found')
  const r = o.result
  const attended = r.attended ?? before.attended
  const completedOn =
    r.completed === undefined
      ? before.completed_on
      : r.completed
        ? (before.completed_on ?? todayInCambodia())
        : null
  if (completedOn && !attended)
    throw new AppError('rule_violation', {}, [
      { path: 'body.completed', code: 'training.validation.completed_needs_attendance' },
    ])
  const row = await o.trx
    .updateTable('training_participants')
    .set({
      attended,
      pre_score: r.preScore === undefined ? before.pre_score : r.preScore,
      post_score: r.postScore === undefined ? before.post_score : r.postScore,
      completed_on: completedOn,
      certificate_no: completedOn
        ? (before.certificate_no ?? `TR-${before.id.replace(/-/g, '').slice(0, 12).toUpperCase()}`)
        : null,
    })
    .where('id', '=', o.participantId)
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'update',
    resource: 'training_participant',
    recordId: row.id,
    details: { changes: r },
  })
  return row
}

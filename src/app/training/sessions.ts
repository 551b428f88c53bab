import { randomUUID } from 'node:crypto'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { inReach, reachOf, steeringReach } from './reach.ts'
import type { ParticipantRow, SessionRow } from './training.tables.ts'

export interface SessionInput {
  courseId: string
  startsOn: string
  endsOn: string
  place: string
  trainers: string
  fundingProject: string
  postCode: string | null
}

export async function createSession(o: {
  trx: Tx
  actor: RequestActor
  session: SessionInput
}): Promise<SessionRow> {
  const reach = await steeringReach(o.trx, o.actor, 'training_record')
  const s = o.session
  if (s.endsOn < s.startsOn)
    throw new AppError('validation_failed', {}, [
      { path: 'body.endsOn', code: 'training.validation.ends_before_start' },
    ])
  // A post chief organises training for the post; NCCT and IOM anywhere.
  if (reach.kind === 'post' && s.postCode !== reach.postCode)
    throw new AppError('forbidden', { action: 'create', resource: 'training_record' })
  const course = await o.trx
    .selectFrom('training_courses')
    .select('id')
    .where('id', '=', s.courseId)
    .executeTakeFirst()
  if (!course) throw new AppError('not_found')
  const row = await o.trx
    .insertInto('training_sessions')
    .values({
      id: randomUUID(),
      course_id: s.courseId,
      starts_on: s.startsOn,
      ends_on: s.endsOn,
      place: s.place,
      trainers: s.trainers,
      funding_project: s.fundingProject,
      post_code: s.postCode,
      created_by: o.actor.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'create',
    resource: 'training_session',
    recordId: row.id,
    details: { courseId: s.courseId, startsOn: s.startsOn, endsOn: s.endsOn, postCode: s.postCode },
  })
  return row
}

export interface SessionWithParticipants {
  session: SessionRow & { course_title_en: string; course_title_km: string }
  participants: ParticipantRow[]
}

/**
 * Sessions with the participants the reader may see: NCCT/IOM everyone, a post chief the post's staff, anyone
 * else themselves — and only the sessions where the reader sees someone, or which the reader's post held.
 */
export async function listSessions(o: {
  db: Executor
  actor: RequestActor
}): Promise<SessionWithParticipants[]> {
  const reach = await reachOf(o.db, o.actor)
  const sessions = await o.db
    .selectFrom('training_sessions as s')
    .innerJoin('training_courses as c', 'c.id', 's.course_id')
    .selectAll('s')
    .select(['c.title_en as course_title_en', 'c.title_km as course_title_km'])
    .orderBy('s.starts_on', 'desc')
    .orderBy('s.id')
    .execute()
  const participants = await o.db
    .selectFrom('training_participants')
    .selectAll()
    .orderBy('full_name')
    .orderBy('id')
    .execute()
  return sessions
    .map((session) => ({
      session,
      participants: participants.filter(
        (p) => p.session_id === session.id && inReach(reach, { userId: p.user_id, postCode: p.post_code }),
      ),
    }))
    .filter(
      (s) =>
        reach.kind === 'all' ||
        s.participants.length > 0 ||
        (reach.kind === 'post' && s.session.post_code === reach.postCode),
    )
}

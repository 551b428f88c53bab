import type { Executor } from '../../platform/db/database.ts'
import type { RequestActor } from '../identity/actor.ts'
import { assertCan } from './reach.ts'

/** The signed-in user's own training record: sessions attended and training-ground scores. */
export async function myTrainingRecord(o: { db: Executor; actor: RequestActor }) {
  assertCan(o.actor, 'read', 'training_record')
  const [participations, exercises] = await Promise.all([
    o.db
      .selectFrom('training_participants as p')
      .innerJoin('training_sessions as s', 's.id', 'p.session_id')
      .innerJoin('training_courses as c', 'c.id', 's.course_id')
      .select([
        'p.id',
        'c.title_en',
        'c.title_km',
        's.starts_on',
        's.ends_on',
        'p.attended',
        'p.completed_on',
        'p.post_score',
      ])
      .where('p.user_id', '=', o.actor.id)
      .orderBy('s.starts_on', 'desc')
      .execute(),
    o.db
      .selectFrom('training_exercise_results')
      .selectAll()
      .where('user_id', '=', o.actor.id)
      .orderBy('submitted_at', 'desc')
      .execute(),
  ])
  return {
    sessions: participations.map((p) => ({
      participantId: p.id,
      courseTitleEn: p.title_en,
      courseTitleKm: p.title_km,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      attended: p.attended,
      completedOn: p.completed_on,
      postScore: p.post_score,
    })),
    exercises: exercises.map((e) => ({
      exerciseId: e.exercise_id,
      title: e.exercise_title,
      percent: e.percent,
      found: e.found,
      missed: e.missed,
      falseAlarms: e.false_alarms,
      submittedAt: e.submitted_at.toISOString(),
    })),
  }
}

import { DEFECTS, type ExerciseScore, tallyByDefect } from '../../domain/training/index.ts'
import type { Executor } from '../../platform/db/database.ts'
import { findExercise } from './exercises.ts'
import { ground } from './ground.ts'

/**
 * A trainer's view of a set: each trainee in reach, submitted or not, with the score and the seconds spent on
 * each document; and, over the submitted scores in reach, found / found late / missed / false alarms per defect
 * kind — which checks the group has learnt and which it still misses.
 */
export async function exerciseResults(o: {
  db: Executor
  exerciseId: string
  within: (t: { userId: string; postCode: string | null }) => boolean
}) {
  const exercise = await findExercise(o.db, o.exerciseId)
  const attempts = await ground(o.db)
    .selectFrom('attempts')
    .select(['trainee_id', 'started_at', 'submitted_at', 'score'])
    .where('exercise_id', '=', exercise.id)
    .execute()
  const ids = attempts.map((a) => a.trainee_id)
  const users = ids.length
    ? await o.db
        .selectFrom('users')
        .select(['id', 'display_name', 'post_code'])
        .where('id', 'in', ids)
        .execute()
    : []
  const byId = new Map(users.map((u) => [u.id, u]))
  const trainees = attempts
    .filter((a) => o.within({ userId: a.trainee_id, postCode: byId.get(a.trainee_id)?.post_code ?? null }))
    .map((a) => ({
      userId: a.trainee_id,
      name: byId.get(a.trainee_id)?.display_name ?? '',
      postCode: byId.get(a.trainee_id)?.post_code ?? null,
      startedAt: a.started_at,
      submittedAt: a.submitted_at,
      score: (a.score as ExerciseScore | null) ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name))
  const scores = trainees.flatMap((t) => (t.score ? [t.score] : []))
  return { exercise, trainees, byDefect: tallyByDefect(scores, DEFECTS) }
}

import { randomUUID } from 'node:crypto'
import { parseMrz } from '../../domain/documents/parse.ts'
import {
  type DefectCode,
  type ExerciseScore,
  generateSpecimen,
  mergeLists,
  renderDataPage,
  scoreExercise,
} from '../../domain/training/index.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { type ExerciseRecord, findExercise } from './exercises.ts'
import { ground } from './ground.ts'
import { assertCan } from './reach.ts'

function specimensOf(e: ExerciseRecord) {
  return e.items.map((item) => generateSpecimen({ ...item, today: e.day }))
}

/**
 * What the trainee sees of each document — what the inspection screen shows for a live one: the data page, the
 * MRZ as the engine reads it (in specimen mode), the screening answer against the exercise's training lists, the
 * companions and the traveller's story. Never the answer key.
 */
export function traineeView(e: ExerciseRecord) {
  const specimens = specimensOf(e)
  const lists = mergeLists(specimens.map((s) => s.lists))
  return specimens.map((s, index) => {
    const read = parseMrz(s.mrz, { referenceDate: e.day, allowSpecimen: true })
    const f = read.fields
    return {
      index,
      kind: s.kind,
      svg: renderDataPage(s),
      mrz: s.mrz,
      read: {
        valid: read.valid,
        fields: {
          documentNumber: f.documentNumber,
          surname: f.surname,
          givenNames: f.givenNames,
          birthDate: f.birthDate,
          sex: f.sex,
          expiryDate: f.expiryDate,
        },
        errors: read.errors.map((x) => ({ code: x.code, field: x.field })),
      },
      screening: {
        documentListed: f.documentNumber !== null && lists.lostStolen.includes(f.documentNumber),
        personListed: lists.alerts.some(
          (a) => a.surname === f.surname && a.givenNames === f.givenNames && a.birthDate === f.birthDate,
        ),
      },
      companions: s.companions,
      story: s.story,
    }
  })
}

/** Opens (or reopens) the trainee's attempt at a set; one attempt per trainee and set. */
export async function startAttempt(o: { trx: Tx; actor: RequestActor; exerciseId: string }) {
  assertCan(o.actor, 'create', 'training_exercise')
  const exercise = await findExercise(o.trx, o.exerciseId)
  const g = ground(o.trx)
  await g
    .insertInto('attempts')
    .values({
      id: randomUUID(),
      exercise_id: exercise.id,
      trainee_id: o.actor.id,
      started_at: new Date(),
      findings: null,
      score: null,
    })
    .onConflict((oc) => oc.columns(['exercise_id', 'trainee_id']).doNothing())
    .execute()
  const attempt = await g
    .selectFrom('attempts')
    .selectAll()
    .where('exercise_id', '=', exercise.id)
    .where('trainee_id', '=', o.actor.id)
    .executeTakeFirstOrThrow()
  return {
    attemptId: attempt.id,
    exercise: { id: exercise.id, title: exercise.title, day: exercise.day },
    startedAt: attempt.started_at,
    submitted: attempt.submitted_at !== null,
    score: (attempt.score as ExerciseScore | null) ?? null,
    items: traineeView(exercise),
  }
}

/**
 * Scores the trainee's findings against the injected defects and writes the score to the trainee's training
 * record, in one transaction. A second submission is refused (409, `training.already_submitted`); a retry with
 * the same idempotency key gets the first answer instead (the route's `replyCreated`).
 */
export async function submitAttempt(o: {
  trx: Tx
  actor: RequestActor
  attemptId: string
  findings: DefectCode[][]
}) {
  assertCan(o.actor, 'create', 'training_exercise')
  const g = ground(o.trx)
  const attempt = await g
    .selectFrom('attempts')
    .selectAll()
    .where('id', '=', o.attemptId)
    .forUpdate()
    .executeTakeFirst()
  // Another trainee's attempt is not found, not forbidden: its existence is none of this user's business.
  if (!attempt || attempt.trainee_id !== o.actor.id) throw new AppError('not_found')
  if (attempt.submitted_at !== null)
    throw new AppError('conflict', { reason: 'already_submitted' }, [{ code: 'training.already_submitted' }])
  const exercise = await findExercise(o.trx, attempt.exercise_id)
  if (o.findings.length !== exercise.items.length)
    throw new AppError('validation_failed', {}, [
      {
        path: 'body.findings',
        code: 'training.validation.findings_count',
        params: { expected: exercise.items.length },
      },
    ])
  const score = scoreExercise(
    exercise.items.map((item, i) => ({ injected: item.defects, reported: o.findings[i]! })),
  )
  const submittedAt = new Date()
  await g
    .updateTable('attempts')
    .set({ submitted_at: submittedAt, findings: JSON.stringify(o.findings), score: JSON.stringify(score) })
    .where('id', '=', attempt.id)
    .execute()
  // The one write out of the ground: the score into the trainee's training record, which is live on purpose.
  await o.trx
    .insertInto('training_exercise_results')
    .values({
      id: randomUUID(),
      user_id: o.actor.id,
      exercise_id: exercise.id,
      exercise_title: exercise.title,
      percent: score.percent,
      found: score.found,
      missed: score.missed,
      false_alarms: score.falseAlarms,
      submitted_at: submittedAt,
    })
    .execute()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'create',
    resource: 'training_exercise_result',
    recordId: exercise.id,
    details: { percent: score.percent },
  })
  return { attemptId: attempt.id, exerciseId: exercise.id, submittedAt, score }
}

/** A trainer's view of a set: each trainee in reach, submitted or not, with the score. */
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
  return {
    exercise,
    trainees: attempts
      .filter((a) => o.within({ userId: a.trainee_id, postCode: byId.get(a.trainee_id)?.post_code ?? null }))
      .map((a) => ({
        userId: a.trainee_id,
        name: byId.get(a.trainee_id)?.display_name ?? '',
        postCode: byId.get(a.trainee_id)?.post_code ?? null,
        startedAt: a.started_at,
        submittedAt: a.submitted_at,
        score: (a.score as ExerciseScore | null) ?? null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  }
}

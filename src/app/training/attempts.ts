import { randomUUID } from 'node:crypto'
import { parseMrz } from '../../domain/documents/parse.ts'
import {
  type DefectCode,
  type ExerciseScore,
  generateSpecimen,
  mergeLists,
  renderDataPage,
  scoreExercise,
  secondsSpent,
} from '../../domain/training/index.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { type ExerciseRecord, findExercise } from './exercises.ts'
import { ground } from './ground.ts'
import { assertCan } from './reach.ts'

/**
 * What the trainee sees of one document — what the inspection screen shows for a live one: the data page, the
 * MRZ as the engine reads it (in specimen mode), the screening answer against the exercise's training lists, the
 * companions and the traveller's story. Never the answer key.
 */
export function traineeItem(e: ExerciseRecord, index: number) {
  const specimens = e.items.map((item) => generateSpecimen({ ...item, today: e.day }))
  // The lists of the whole set: one document's entries are another's noise.
  const lists = mergeLists(specimens.map((s) => s.lists))
  const s = specimens[index]!
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
      errors: read.errors.map((x) => ({ code: x.code, field: x.field, params: x.params })),
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
}

/** The actor's own attempt (another trainee's is not found: its existence is none of this user's business). */
export async function ownAttempt(trx: Tx, actor: RequestActor, attemptId: string) {
  const attempt = await ground(trx)
    .selectFrom('attempts')
    .selectAll()
    .where('id', '=', attemptId)
    .forUpdate()
    .executeTakeFirst()
  if (!attempt || attempt.trainee_id !== actor.id) throw new AppError('not_found')
  return attempt
}

export const alreadySubmitted = () =>
  new AppError('conflict', { reason: 'already_submitted' }, [{ code: 'training.already_submitted' }])

async function documentsOf(db: Executor, attemptId: string) {
  return ground(db)
    .selectFrom('attempt_documents')
    .selectAll()
    .where('attempt_id', '=', attemptId)
    .orderBy('position')
    .execute()
}

/**
 * Opens (or reopens) the trainee's attempt at a set; one attempt per trainee and set. It gives the set's size,
 * pace and where the trainee stands, not the documents: each is handed out when opened, so its clock starts then.
 */
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
  const answered = (await documentsOf(o.trx, attempt.id)).filter((d) => d.answered_at !== null).length
  return {
    attemptId: attempt.id,
    exercise: {
      id: exercise.id,
      title: exercise.title,
      day: exercise.day,
      secondsPerDocument: exercise.secondsPerDocument,
    },
    size: exercise.items.length,
    answered,
    startedAt: attempt.started_at,
    submitted: attempt.submitted_at !== null,
    score: (attempt.score as ExerciseScore | null) ?? null,
  }
}

/**
 * Scores the trainee's answers against the injected defects, each document with the seconds it took on the
 * server's clock (a document answered after the set's limit, or never, is late), and writes the score to the
 * trainee's training record, in one transaction. A second submission is refused (409,
 * `training.already_submitted`); a retry with the same idempotency key gets the first answer instead.
 */
export async function submitAttempt(o: { trx: Tx; actor: RequestActor; attemptId: string }) {
  assertCan(o.actor, 'create', 'training_exercise')
  const attempt = await ownAttempt(o.trx, o.actor, o.attemptId)
  if (attempt.submitted_at !== null) throw alreadySubmitted()
  const exercise = await findExercise(o.trx, attempt.exercise_id)
  const docs = new Map((await documentsOf(o.trx, attempt.id)).map((d) => [d.position, d]))
  const findings = exercise.items.map((_, i) => (docs.get(i)?.findings as DefectCode[] | null) ?? [])
  const score = scoreExercise(
    exercise.items.map((item, i) => {
      const doc = docs.get(i)
      return {
        injected: item.defects,
        reported: findings[i]!,
        timing: {
          seconds: doc?.answered_at ? secondsSpent(doc.opened_at, doc.answered_at) : null,
          limitSeconds: exercise.secondsPerDocument,
        },
      }
    }),
  )
  const submittedAt = new Date()
  await ground(o.trx)
    .updateTable('attempts')
    .set({ submitted_at: submittedAt, findings: JSON.stringify(findings), score: JSON.stringify(score) })
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
      // The record keeps three counts: a defect found too late was, at the counter, not found in time.
      missed: score.missed + score.foundLate,
      false_alarms: score.falseAlarms,
      submitted_at: submittedAt,
    })
    .execute()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'create',
    resource: 'training_exercise_result',
    recordId: exercise.id,
    details: { percent: score.percent, late: score.late },
  })
  return { attemptId: attempt.id, exerciseId: exercise.id, submittedAt, score }
}

import { type DefectCode, isLate, secondsSpent } from '../../domain/training/index.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import type { RequestActor } from '../identity/actor.ts'
import { alreadySubmitted, ownAttempt, traineeItem } from './attempts.ts'
import { findExercise } from './exercises.ts'
import { ground } from './ground.ts'
import { assertCan } from './reach.ts'

function documentAt(trx: Tx, attemptId: string, index: number) {
  return ground(trx)
    .selectFrom('attempt_documents')
    .selectAll()
    .where('attempt_id', '=', attemptId)
    .where('position', '=', index)
    .executeTakeFirst()
}

/**
 * The counter's pace, one document at a time: a document is handed out when the trainee opens it, and its clock
 * (the server's) starts then and keeps running if the trainee leaves and comes back. Documents come in order, as
 * travellers at a counter do: the next opens once the one before is answered.
 */
export async function openDocument(o: { trx: Tx; actor: RequestActor; attemptId: string; index: number }) {
  assertCan(o.actor, 'create', 'training_exercise')
  const attempt = await ownAttempt(o.trx, o.actor, o.attemptId)
  if (attempt.submitted_at !== null) throw alreadySubmitted()
  const exercise = await findExercise(o.trx, attempt.exercise_id)
  if (o.index >= exercise.items.length) throw new AppError('not_found')
  const g = ground(o.trx)
  const answeredBefore = await g
    .selectFrom('attempt_documents')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('attempt_id', '=', attempt.id)
    .where('position', '<', o.index)
    .where('answered_at', 'is not', null)
    .executeTakeFirstOrThrow()
  if (Number(answeredBefore.n) !== o.index)
    throw new AppError('conflict', { reason: 'out_of_turn' }, [{ code: 'training.out_of_turn' }])
  await g
    .insertInto('attempt_documents')
    .values({ attempt_id: attempt.id, position: o.index, opened_at: new Date(), findings: null })
    .onConflict((oc) => oc.columns(['attempt_id', 'position']).doNothing())
    .execute()
  const doc = (await documentAt(o.trx, attempt.id, o.index))!
  const limitSeconds = exercise.secondsPerDocument
  return {
    ...traineeItem(exercise, o.index),
    total: exercise.items.length,
    openedAt: doc.opened_at,
    deadline: new Date(doc.opened_at.getTime() + limitSeconds * 1000),
    // The browser counts down against the server's clock: it corrects its own by this reading.
    serverNow: new Date(),
    limitSeconds,
    answered: doc.answered_at !== null,
  }
}

/**
 * Records the trainee's findings on one opened document, stamped with the server's time. An answer is final: a
 * retry with the same findings gets the first answer back, different findings are refused (409,
 * `training.already_answered`).
 */
export async function answerDocument(o: {
  trx: Tx
  actor: RequestActor
  attemptId: string
  index: number
  findings: DefectCode[]
}) {
  assertCan(o.actor, 'create', 'training_exercise')
  const attempt = await ownAttempt(o.trx, o.actor, o.attemptId)
  if (attempt.submitted_at !== null) throw alreadySubmitted()
  const exercise = await findExercise(o.trx, attempt.exercise_id)
  const g = ground(o.trx)
  const doc = await documentAt(o.trx, attempt.id, o.index)
  if (!doc) throw new AppError('conflict', { reason: 'not_opened' }, [{ code: 'training.not_opened' }])
  const findings = [...new Set(o.findings)].sort()
  let answeredAt = doc.answered_at
  if (answeredAt === null) {
    answeredAt = new Date()
    await g
      .updateTable('attempt_documents')
      .set({ answered_at: answeredAt, findings: JSON.stringify(findings) })
      .where('attempt_id', '=', attempt.id)
      .where('position', '=', o.index)
      .execute()
  } else if (JSON.stringify(doc.findings) !== JSON.stringify(findings)) {
    throw new AppError('conflict', { reason: 'already_answered' }, [{ code: 'training.already_answered' }])
  }
  const seconds = secondsSpent(doc.opened_at, answeredAt)
  const limitSeconds = exercise.secondsPerDocument
  return { index: o.index, seconds, limitSeconds, late: isLate(seconds, limitSeconds) }
}

import { randomInt, randomUUID } from 'node:crypto'
import type { DefectCode } from '../../domain/training/defects.ts'
import {
  checkComposition,
  type Difficulty,
  drawExercise,
  type ExerciseItem,
} from '../../domain/training/exercise.ts'
import { defaultSecondsPerDocument } from '../../domain/training/pace.ts'
import type { SpecimenKind } from '../../domain/training/specimen.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { ground } from './ground.ts'
import { assertCan, steeringReach } from './reach.ts'

export type ExerciseInput = { secondsPerDocument?: number | undefined } & (
  | { title: string; items: { kind: SpecimenKind; defects: DefectCode[] }[] }
  | { title: string; difficulty: Difficulty; size: number }
)

export interface ExerciseRecord {
  id: string
  title: string
  difficulty: Difficulty | null
  day: string
  items: ExerciseItem[]
  /** The counter's pace: the trainer's limit, or the difficulty's default. */
  secondsPerDocument: number
  createdAt: Date
}

/**
 * A trainer composes a set (documents and their defects) or has Passage draw one by difficulty. Only seeds, kinds
 * and defects are stored: every specimen is generated again from them, on the set's day.
 */
export async function composeExercise(o: {
  trx: Tx
  actor: RequestActor
  exercise: ExerciseInput
}): Promise<ExerciseRecord> {
  await steeringReach(o.trx, o.actor, 'training_exercise')
  const e = o.exercise
  let items: ExerciseItem[]
  if ('items' in e) {
    const problem = checkComposition(e.items)
    if (problem)
      throw new AppError('validation_failed', {}, [
        { path: 'body.items', code: `training.validation.${problem}` },
      ])
    items = e.items.map((i) => ({
      seed: randomInt(1, 2 ** 31 - 1),
      kind: i.kind,
      defects: [...new Set(i.defects)],
    }))
  } else {
    items = drawExercise({ seed: randomInt(1, 2 ** 31 - 1), difficulty: e.difficulty, size: e.size })
  }
  const difficulty = 'difficulty' in e ? e.difficulty : null
  const row = await ground(o.trx)
    .insertInto('exercises')
    .values({
      id: randomUUID(),
      title: e.title,
      difficulty,
      day: todayInCambodia(),
      items: JSON.stringify(items),
      seconds_per_document: e.secondsPerDocument ?? defaultSecondsPerDocument(difficulty),
      created_by: o.actor.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  // The trainer's action is audited; the trainees' work on the ground never enters the live audit log.
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'create',
    resource: 'training_exercise',
    recordId: row.id,
    details: { title: e.title, items: items.length, secondsPerDocument: row.seconds_per_document },
  })
  return toRecord(row)
}

function toRecord(row: {
  id: string
  title: string
  difficulty: Difficulty | null
  day: string
  items: unknown
  seconds_per_document: number
  created_at: Date
}): ExerciseRecord {
  return {
    id: row.id,
    title: row.title,
    difficulty: row.difficulty,
    day: row.day,
    items: row.items as ExerciseItem[],
    secondsPerDocument: row.seconds_per_document,
    createdAt: row.created_at,
  }
}

export async function listExercises(o: { db: Executor; actor: RequestActor }) {
  assertCan(o.actor, 'read', 'training_exercise')
  const g = ground(o.db)
  const rows = await g
    .selectFrom('exercises as e')
    .leftJoin('attempts as a', (j) =>
      j.onRef('a.exercise_id', '=', 'e.id').on('a.trainee_id', '=', o.actor.id),
    )
    .select([
      'e.id',
      'e.title',
      'e.difficulty',
      'e.day',
      'e.items',
      'e.seconds_per_document',
      'e.created_at',
      'a.id as attempt_id',
      'a.submitted_at',
    ])
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id')
    .execute()
  return rows.map((r) => ({
    ...toRecord(r),
    attemptId: r.attempt_id,
    submitted: r.submitted_at !== null,
  }))
}

export async function findExercise(db: Executor, id: string): Promise<ExerciseRecord> {
  const row = await ground(db).selectFrom('exercises').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('not_found')
  return toRecord(row)
}

/** Empties the ground (exercises and attempts). Scores already written to training records stay. */
export async function resetGround(o: { trx: Tx; actor: RequestActor }): Promise<{ exercises: number }> {
  const reach = await steeringReach(o.trx, o.actor, 'training_exercise')
  if (reach.kind !== 'all')
    throw new AppError('forbidden', { action: 'update', resource: 'training_exercise' })
  const g = ground(o.trx)
  await g.deleteFrom('attempt_documents').execute()
  await g.deleteFrom('attempts').execute()
  const removed = await g.deleteFrom('exercises').executeTakeFirst()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'reset',
    resource: 'training_ground',
    recordId: null,
    details: { exercises: Number(removed.numDeletedRows) },
  })
  return { exercises: Number(removed.numDeletedRows) }
}

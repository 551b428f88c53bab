import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { replyCreated } from '../../platform/http/idempotency.ts'
import { startAttempt, submitAttempt } from './attempts.ts'
import { trainingCertificate } from './certificate.ts'
import { createCourse, listCourses } from './courses.ts'
import { answerDocument, openDocument } from './documents.ts'
import { composeExercise, listExercises, resetGround } from './exercises.ts'
import { enrolParticipant, recordParticipantResult } from './participants.ts'
import { inReach, steeringReach } from './reach.ts'
import { myTrainingRecord } from './record.ts'
import { exerciseResults } from './results.ts'
import { createSession, listSessions } from './sessions.ts'
import { presentCourse, presentExercise, presentParticipant, presentSession } from './training.presenter.ts'
import {
  AnswerBody,
  CourseBody,
  DocumentParams,
  ExerciseBody,
  IdParams,
  ParticipantBody,
  ResultBody,
  SessionBody,
  SubmitBody,
} from './training.schemas.ts'

/** Capacity building (courses, sessions, participants, certificates) and the training ground's exercises. */
export async function trainingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['training']

  r.get('/api/training/courses', { schema: { tags } }, async (req) => ({
    items: (await listCourses({ db, actor: actorOf(req) })).map(presentCourse),
  }))
  r.post('/api/training/courses', { schema: { tags, body: CourseBody } }, (req, reply) =>
    replyCreated(req, reply, db, 'training.courses.create', async (trx, actor) =>
      presentCourse(await createCourse({ trx, actor, course: req.body })),
    ),
  )

  r.get('/api/training/sessions', { schema: { tags } }, async (req) => ({
    items: (await listSessions({ db, actor: actorOf(req) })).map((s) => ({
      ...presentSession(s.session),
      participants: s.participants.map(presentParticipant),
    })),
  }))
  r.post('/api/training/sessions', { schema: { tags, body: SessionBody } }, (req, reply) =>
    replyCreated(req, reply, db, 'training.sessions.create', async (trx, actor) =>
      presentSession(await createSession({ trx, actor, session: req.body })),
    ),
  )
  r.post(
    '/api/training/sessions/:id/participants',
    { schema: { tags, params: IdParams, body: ParticipantBody } },
    (req, reply) =>
      replyCreated(req, reply, db, 'training.participants.create', async (trx, actor) =>
        presentParticipant(
          await enrolParticipant({ trx, actor, sessionId: req.params.id, participant: req.body }),
        ),
      ),
  )
  r.patch(
    '/api/training/participants/:id',
    { schema: { tags, params: IdParams, body: ResultBody } },
    async (req) =>
      presentParticipant(
        await db.transaction().execute((trx) =>
          recordParticipantResult({
            trx,
            actor: actorOf(req),
            participantId: req.params.id,
            result: req.body,
          }),
        ),
      ),
  )
  r.get(
    '/api/training/participants/:id/certificate.pdf',
    { schema: { tags, params: IdParams } },
    async (req, reply) => {
      const file = await trainingCertificate({ db, actor: actorOf(req), participantId: req.params.id })
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body)
    },
  )
  r.get('/api/training/record', { schema: { tags } }, async (req) =>
    myTrainingRecord({ db, actor: actorOf(req) }),
  )

  // The training ground.
  r.get('/api/training/exercises', { schema: { tags } }, async (req) => ({
    items: (await listExercises({ db, actor: actorOf(req) })).map((e) => ({
      ...presentExercise(e),
      attemptId: e.attemptId,
      submitted: e.submitted,
    })),
  }))
  r.post('/api/training/exercises', { schema: { tags, body: ExerciseBody } }, (req, reply) =>
    replyCreated(req, reply, db, 'training.exercises.create', async (trx, actor) => {
      return presentExercise(await composeExercise({ trx, actor, exercise: req.body }))
    }),
  )
  r.post('/api/training/exercises/:id/attempts', { schema: { tags, params: IdParams } }, async (req) =>
    db.transaction().execute((trx) => startAttempt({ trx, actor: actorOf(req), exerciseId: req.params.id })),
  )
  // One document at a time, on the server's clock: opening hands it out and starts its time.
  r.post(
    '/api/training/attempts/:id/documents/:index',
    { schema: { tags, params: DocumentParams } },
    async (req) =>
      db
        .transaction()
        .execute((trx) =>
          openDocument({ trx, actor: actorOf(req), attemptId: req.params.id, index: req.params.index }),
        ),
  )
  r.put(
    '/api/training/attempts/:id/documents/:index/answer',
    { schema: { tags, params: DocumentParams, body: AnswerBody } },
    async (req) =>
      db.transaction().execute((trx) =>
        answerDocument({
          trx,
          actor: actorOf(req),
          attemptId: req.params.id,
          index: req.params.index,
          findings: req.body.findings,
        }),
      ),
  )
  r.post(
    '/api/training/attempts/:id/submission',
    { schema: { tags, params: IdParams, body: SubmitBody } },
    (req, reply) =>
      replyCreated(req, reply, db, 'training.attempts.submit', (trx, actor) =>
        submitAttempt({ trx, actor, attemptId: req.params.id }),
      ),
  )
  r.get('/api/training/exercises/:id/results', { schema: { tags, params: IdParams } }, async (req) => {
    const reach = await steeringReach(db, actorOf(req), 'training_exercise')
    const { exercise, trainees, byDefect } = await exerciseResults({
      db,
      exerciseId: req.params.id,
      within: (t) => inReach(reach, t),
    })
    return {
      exercise: {
        id: exercise.id,
        title: exercise.title,
        day: exercise.day,
        secondsPerDocument: exercise.secondsPerDocument,
        items: exercise.items,
      },
      trainees,
      byDefect,
    }
  })
  r.post('/api/training/ground/reset', { schema: { tags } }, async (req) =>
    db.transaction().execute((trx) => resetGround({ trx, actor: actorOf(req) })),
  )
}

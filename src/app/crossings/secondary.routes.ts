import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Tx } from '../../platform/db/database.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { replyCreated } from '../../platform/http/idempotency.ts'
import { requestLocale } from '../../platform/http/locale.ts'
import type { RequestActor } from '../identity/actor.ts'
import { addSecondaryNote } from './add-secondary-note.ts'
import { decideSecondary } from './decide-secondary.ts'
import { linkSecondaryExamination } from './link-secondary-examination.ts'
import { readSecondary, secondaryQueue } from './read-secondary.ts'
import {
  DecideBody,
  ExaminationLinkBody,
  NoteBody,
  QueueView,
  SecondaryDetailView,
  SecondaryParams,
} from './secondary.schemas.ts'
import { takeSecondary } from './take-secondary.ts'

/**
 * Secondary inspection at the reader's post: the queue, one referral, and its moves. Every move answers with the
 * referral as the screen shows it after the move, and honours an idempotency key, so a retry moves it once.
 */
export async function secondaryRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['crossings']
  const moved = { 201: SecondaryDetailView, 200: SecondaryDetailView }

  r.get('/api/crossings/secondary', { schema: { tags, response: { 200: QueueView } } }, async (req) => ({
    items: await secondaryQueue({ db, actor: actorOf(req) }),
  }))

  r.get(
    '/api/crossings/secondary/:id',
    { schema: { tags, params: SecondaryParams, response: { 200: SecondaryDetailView } } },
    (req) => readSecondary({ db, actor: actorOf(req), id: req.params.id, locale: requestLocale(req) }),
  )

  const detail = (trx: Tx, actor: RequestActor, id: string, req: Parameters<typeof requestLocale>[0]) =>
    readSecondary({ db: trx, actor, id, locale: requestLocale(req) })

  r.post(
    '/api/crossings/secondary/:id/take',
    { schema: { tags, params: SecondaryParams, response: moved } },
    (req, reply) =>
      replyCreated(req, reply, db, 'crossings.secondary.take', async (trx, actor) => {
        await takeSecondary({ trx, actor, secondaryId: req.params.id })
        return detail(trx, actor, req.params.id, req)
      }),
  )

  r.post(
    '/api/crossings/secondary/:id/notes',
    { schema: { tags, params: SecondaryParams, body: NoteBody, response: moved } },
    (req, reply) =>
      replyCreated(req, reply, db, 'crossings.secondary.note', async (trx, actor) => {
        await addSecondaryNote({ trx, actor, secondaryId: req.params.id, text: req.body.text })
        return detail(trx, actor, req.params.id, req)
      }),
  )

  r.post(
    '/api/crossings/secondary/:id/examinations',
    { schema: { tags, params: SecondaryParams, body: ExaminationLinkBody, response: moved } },
    (req, reply) =>
      replyCreated(req, reply, db, 'crossings.secondary.examination', async (trx, actor) => {
        await linkSecondaryExamination({ trx, actor, secondaryId: req.params.id, ...req.body })
        return detail(trx, actor, req.params.id, req)
      }),
  )

  r.post(
    '/api/crossings/secondary/:id/decision',
    { schema: { tags, params: SecondaryParams, body: DecideBody, response: moved } },
    (req, reply) =>
      replyCreated(req, reply, db, 'crossings.secondary.decide', async (trx, actor) => {
        await decideSecondary({ trx, actor, secondaryId: req.params.id, decision: req.body })
        return detail(trx, actor, req.params.id, req)
      }),
  )
}

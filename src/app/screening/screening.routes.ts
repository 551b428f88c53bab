import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../platform/errors/codes.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { replyCreated } from '../../platform/http/idempotency.ts'
import { adjudicateHit, hitQueue, mayHandleHit } from './adjudicate-hit.ts'
import { presentHit } from './hit.presenter.ts'
import { hitDetails } from './hits.repository.ts'
import { importRoutes } from './import.routes.ts'
import { agencyNotifications, markNotificationRead } from './notifications.ts'
import { screenTraveller } from './screen-traveller.ts'
import {
  AdjudicateBody,
  HitParams,
  HitQueueQuery,
  HitView,
  NotificationView,
  ScreenBody,
  ScreenView,
} from './screening.schemas.ts'
import { screeningIndexFor } from './screening-index.ts'
import { watchlistsRoutes } from './watchlists.routes.ts'

/**
 * Screening: alert lists, imports, the screening endpoint, the hit queue and notifications. The server's one
 * name index is created and loaded here, before the first request.
 */
export async function screeningRoutes(app: FastifyInstance, ctx: AppContext) {
  const index = screeningIndexFor(ctx.store, {
    snapshotDir: ctx.config.screeningIndexDir,
    log: (message) => app.log.info(message),
  })
  await index.refresh(ctx.store.db)
  await watchlistsRoutes(app, ctx, index)
  await importRoutes(app, ctx, index)
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['screening']

  r.post(
    '/api/screening/screen',
    { schema: { tags, body: ScreenBody, response: { 201: ScreenView, 200: ScreenView } } },
    (req, reply) =>
      replyCreated(req, reply, db, 'screening.screen', async (trx, actor) => {
        const result = await screenTraveller({ trx, actor, index, ...req.body, head: req.screeningHead })
        return {
          requestId: result.requestId,
          suppressed: result.suppressed,
          hits: result.hits.map(presentHit),
        }
      }),
  )

  r.get(
    '/api/screening/hits',
    {
      schema: { tags, querystring: HitQueueQuery, response: { 200: z.object({ items: z.array(HitView) }) } },
    },
    async (req) => ({ items: (await hitQueue(db, actorOf(req), req.query)).map(presentHit) }),
  )

  r.get(
    '/api/screening/hits/:id',
    { schema: { tags, params: HitParams, response: { 200: HitView } } },
    async (req) => {
      const hit = await hitDetails(db).where('h.id', '=', req.params.id).executeTakeFirst()
      if (!hit) throw new AppError('not_found')
      if (!mayHandleHit(actorOf(req), 'read', hit)) throw new AppError('forbidden')
      return presentHit(hit)
    },
  )

  r.post(
    '/api/screening/hits/:id/adjudication',
    { schema: { tags, params: HitParams, body: AdjudicateBody, response: { 200: HitView } } },
    async (req) =>
      presentHit(
        await db
          .transaction()
          .execute((trx) => adjudicateHit({ trx, actor: actorOf(req), hitId: req.params.id, ...req.body })),
      ),
  )

  r.get(
    '/api/screening/notifications',
    {
      schema: {
        tags,
        querystring: z.strictObject({ unread: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.array(NotificationView) },
      },
    },
    async (req) =>
      (await agencyNotifications(db, actorOf(req), req.query.unread === 'true')).map(
        ({ notification: n, hit }) => ({
          id: n.id,
          createdAt: n.created_at.toISOString(),
          readAt: n.read_at ? n.read_at.toISOString() : null,
          hit: presentHit(hit),
        }),
      ),
  )

  r.post(
    '/api/screening/notifications/:id/read',
    { schema: { tags, params: HitParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await db
        .transaction()
        .execute((trx) => markNotificationRead({ trx, actor: actorOf(req), notificationId: req.params.id }))
      return reply.code(204).send(null)
    },
  )
}

import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { PHOTO_MAX_BYTES, PHOTO_TYPES, type PhotoType } from '../documents/photo-rules.ts'
import { readReturneePhoto, setReturneePhoto } from './returnee-photo.ts'
import { IdParams } from './returns.schemas.ts'

/** A returnee's photo travels as the raw image; the image parser applies in this plugin scope only. */
export async function returneePhotosRoutes(app: FastifyInstance, ctx: AppContext) {
  app.addContentTypeParser(
    [...PHOTO_TYPES],
    { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES },
    (_req, body, done) => done(null, body),
  )
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['returns']

  // `photos/{id}` (the returnee's id), like `/api/documents/photos/{id}`: `{id}/photo` was ambiguous with
  // `imports/{id}` for a client router. PUT, not POST: setting the photo again replaces it, so a retried upload changes nothing more.
  r.put(
    '/api/returns/photos/:id',
    {
      bodyLimit: PHOTO_MAX_BYTES,
      schema: {
        tags,
        params: IdParams,
        consumes: [...PHOTO_TYPES],
        response: { 200: z.object({ size: z.number(), sha256: z.string() }) },
      },
    },
    async (req) => {
      const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() as PhotoType
      const actor = actorOf(req)
      return db.transaction().execute((trx) =>
        setReturneePhoto({
          trx,
          actor,
          returneeId: req.params.id,
          contentType,
          bytes: req.body as Buffer,
          limits: ctx.config.photos,
        }),
      )
    },
  )

  r.get(
    '/api/returns/photos/:id',
    {
      schema: {
        tags,
        params: IdParams,
        produces: [...PHOTO_TYPES],
        response: { 200: z.any().describe('The image bytes') },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req)
      const photo = await db
        .transaction()
        .execute((trx) => readReturneePhoto({ trx, actor, returneeId: req.params.id }))
      return reply
        .type(photo.content_type)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(photo.bytes)
    },
  )
}

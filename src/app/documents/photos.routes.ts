import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { idempotencyKeyOf, idempotent } from '../../platform/http/idempotency.ts'
import { addPhoto } from './add-photo.ts'
import { IdParams } from './documents.schemas.ts'
import { PhotoView, presentPhoto } from './examination.presenter.ts'
import { PHOTO_MAX_BYTES, PHOTO_TYPES, type PhotoType } from './photo-rules.ts'
import { readPhoto } from './read-photo.ts'

/**
 * Photos travel as raw image bodies, not JSON. This function runs in its own plugin scope, so the image
 * parser and its larger body limit apply to these routes only.
 */
export async function photosRoutes(app: FastifyInstance, ctx: AppContext) {
  app.addContentTypeParser(
    [...PHOTO_TYPES],
    { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES },
    (_req, body, done) => done(null, body),
  )
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['documents']

  r.post(
    '/api/documents/examinations/:id/photos',
    {
      bodyLimit: PHOTO_MAX_BYTES,
      schema: {
        tags,
        params: IdParams,
        consumes: [...PHOTO_TYPES],
        response: { 201: PhotoView, 200: PhotoView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req)
      const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() as PhotoType
      const bytes = req.body as Buffer
      const { result, replayed } = await db.transaction().execute((trx) =>
        idempotent({
          trx,
          userId: actor.id,
          key: idempotencyKeyOf(req),
          operation: 'documents.photo',
          // The image itself is identified by its digest: the key table keeps no copy of it.
          request: {
            examinationId: req.params.id,
            contentType,
            sha256: createHash('sha256').update(bytes).digest('hex'),
          },
          run: async () =>
            presentPhoto(
              await addPhoto({
                trx,
                actor,
                examinationId: req.params.id,
                contentType,
                bytes,
                limits: ctx.config.photos,
              }),
            ),
        }),
      )
      return reply.code(replayed ? 200 : 201).send(result)
    },
  )

  r.get(
    '/api/documents/photos/:id',
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
      const photo = await db.transaction().execute((trx) => readPhoto({ trx, actor, photoId: req.params.id }))
      return reply
        .type(photo.content_type)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', 'inline')
        .send(photo.bytes)
    },
  )
}

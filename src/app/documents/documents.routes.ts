import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { MAX_INPUT_LENGTH } from '../../domain/documents/index.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { idempotencyKeyOf, idempotent } from '../../platform/http/idempotency.ts'
import { requestLocale } from '../../platform/http/locale.ts'
import { presentDocument } from './document.presenter.ts'
import {
  DocumentView,
  IdParams,
  ManualDocumentBody,
  ReadDocumentBody,
  ReadView,
} from './documents.schemas.ts'
import { ExaminationView, presentExamination } from './examination.presenter.ts'
import { examinationsRoutes } from './examinations.routes.ts'
import { photosRoutes } from './photos.routes.ts'
import { presentRead } from './read.presenter.ts'
import { readDocument } from './read-document.ts'
import { recordManualDocument } from './record-manual-document.ts'
import { templatesRoutes } from './templates.routes.ts'
import { viewDocument } from './view-document.ts'

/**
 * The most a reader's text can take as JSON: every character escaped as `\uXXXX`, plus the envelope. A paste
 * larger than that is refused (413) before it is even parsed.
 */
const READ_BODY_LIMIT = MAX_INPUT_LENGTH * 6 + 1024

export async function documentsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['documents']

  // The same MRZ read twice is one document seen twice, so a key is optional here: a client that retries a
  // read after a dropped connection sends one, so the retry does not count as a second sighting.
  r.post(
    '/api/documents/read',
    { bodyLimit: READ_BODY_LIMIT, schema: { tags, body: ReadDocumentBody, response: { 200: ReadView } } },
    async (req) => {
      const actor = actorOf(req)
      const { result } = await db.transaction().execute((trx) =>
        idempotent({
          trx,
          userId: actor.id,
          key: idempotencyKeyOf(req),
          operation: 'documents.read',
          request: req.body,
          run: async () =>
            presentRead(await readDocument({ trx, actor, text: req.body.text }), requestLocale(req)),
        }),
      )
      return result
    },
  )

  r.post(
    '/api/documents/manual',
    { schema: { tags, body: ManualDocumentBody, response: { 200: ReadView, 201: ReadView } } },
    async (req, reply) => {
      const actor = actorOf(req)
      const { result, replayed } = await db.transaction().execute((trx) =>
        idempotent({
          trx,
          userId: actor.id,
          key: idempotencyKeyOf(req),
          operation: 'documents.manual',
          request: req.body,
          run: async () =>
            presentRead(await recordManualDocument({ trx, actor, document: req.body }), requestLocale(req)),
        }),
      )
      return reply.code(!replayed && result.document?.created ? 201 : 200).send(result)
    },
  )

  r.get(
    '/api/documents/:id',
    {
      schema: {
        tags,
        params: IdParams,
        response: {
          200: z.object({
            document: DocumentView,
            examinations: z.array(ExaminationView),
            templateId: z.string().nullable(),
          }),
        },
      },
    },
    async (req) => {
      const actor = actorOf(req)
      const record = await db
        .transaction()
        .execute((trx) => viewDocument({ trx, actor, documentId: req.params.id }))
      return {
        document: presentDocument(record.document),
        examinations: record.examinations.map((e) => presentExamination(e, [])),
        templateId: record.templateId,
      }
    },
  )

  await templatesRoutes(app, ctx)
  await examinationsRoutes(app, ctx)
  // Raw image bodies are accepted only by the photo routes, in their own plugin scope.
  await app.register(async (scope) => photosRoutes(scope, ctx))
}

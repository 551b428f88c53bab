import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { CHECK_RESULTS, EXAMINATION_FINDINGS } from '../../domain/documents/index.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { replyCreated } from '../../platform/http/idempotency.ts'
import { multilineText, text } from '../../platform/http/text.ts'
import { IdParams } from './documents.schemas.ts'
import { ExaminationView, presentExamination } from './examination.presenter.ts'
import { examinationStatistics } from './examination-statistics.ts'
import { recordExamination } from './record-examination.ts'
import { viewExamination } from './view-examination.ts'

const ExaminationBody = z.strictObject({
  documentId: z.uuid().describe('The document read or entered before (`POST /api/documents/read`).'),
  templateId: text().min(1).max(60),
  finding: z.enum(EXAMINATION_FINDINGS),
  results: z.record(text().max(120), z.enum(CHECK_RESULTS)),
  notes: multilineText().max(4000).default(''),
})

const StatisticsQuery = z.strictObject({ from: z.iso.date(), to: z.iso.date() })
const StatisticsView = z.object({
  rows: z.array(
    z.object({
      finding: z.string(),
      issuingState: z.string(),
      postCode: z.string().nullable(),
      count: z.number(),
    }),
  ),
  total: z.number(),
})

export async function examinationsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['documents']

  // The document is named in the body, not the path: `/api/documents/{id}/examinations` could not be told
  // apart from `/api/documents/examinations/{id}` (or `templates/{id}`, `photos/{id}`) by a client router.
  r.post(
    '/api/documents/examinations',
    {
      schema: {
        tags,
        body: ExaminationBody,
        response: { 201: ExaminationView, 200: ExaminationView },
      },
    },
    (req, reply) =>
      replyCreated(req, reply, db, 'documents.examine', async (trx, actor) => {
        const { documentId, ...examination } = req.body
        return presentExamination(await recordExamination({ trx, actor, documentId, examination }), [])
      }),
  )

  r.get(
    '/api/documents/examinations/statistics',
    { schema: { tags, querystring: StatisticsQuery, response: { 200: StatisticsView } } },
    async (req) => examinationStatistics({ db, actor: actorOf(req), ...req.query }),
  )

  r.get(
    '/api/documents/examinations/:id',
    { schema: { tags, params: IdParams, response: { 200: ExaminationView } } },
    async (req) => {
      const actor = actorOf(req)
      const { examination, photos } = await db
        .transaction()
        .execute((trx) => viewExamination({ trx, actor, examinationId: req.params.id }))
      return presentExamination(examination, photos)
    },
  )
}

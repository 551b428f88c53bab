import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { MAX_INPUT_LENGTH } from '../../domain/documents/index.ts'
import { actorOf, refsOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { idempotencyKeyOf, idempotent, replyCreated } from '../../platform/http/idempotency.ts'
import { requestLocale } from '../../platform/http/locale.ts'
import { presentDocument } from '../documents/document.presenter.ts'
import { presentEvaluation } from '../risk/evaluation.presenter.ts'
import { presentHit } from '../screening/hit.presenter.ts'
import { screeningIndexFor } from '../screening/screening-index.ts'
import { presentCrossing, presentStay, presentTraveller } from './crossing.presenter.ts'
import { cachedRefusalReasons, companionsOf } from './crossings.repository.ts'
import {
  CrossingBody,
  CrossingView,
  HistoryQuery,
  HistoryView,
  InspectBody,
  InspectionView,
} from './crossings.schemas.ts'
import { presentIdentityCandidate } from './identify-candidates.ts'
import { inspectTraveller } from './inspect-traveller.ts'
import { listCrossings } from './list-crossings.ts'
import { recordCrossing } from './record-crossing.ts'
import { secondaryRoutes } from './secondary.routes.ts'

/** Primary inspection, the officer's decision, and a traveller's history at the reader's post. */
export async function crossingsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  // The same index the screening routes load: one per store, refreshed inside each screening.
  const index = screeningIndexFor(ctx.store)
  const tags = ['crossings']
  await secondaryRoutes(app, ctx)

  // Inspection writes the document sighting, the screening request and the evaluation, never a crossing. A key is
  // optional: a retried inspection with one returns the first answer instead of screening twice.
  r.post(
    '/api/crossings/inspect',
    {
      bodyLimit: MAX_INPUT_LENGTH * 6 + 4096,
      schema: { tags, body: InspectBody, response: { 200: InspectionView } },
    },
    async (req) => {
      const actor = actorOf(req)
      const locale = requestLocale(req)
      const { result } = await db.transaction().execute((trx) =>
        idempotent({
          trx,
          userId: actor.id,
          key: idempotencyKeyOf(req),
          operation: 'crossings.inspect',
          request: req.body,
          run: async () => {
            const refs = refsOf(req)
            const i = await inspectTraveller({
              ...req.body,
              trx,
              actor,
              index,
              refs,
              screeningHead: req.screeningHead,
            })
            const reasons = await cachedRefusalReasons(refs, trx)
            return {
              day: i.day,
              document: presentDocument(i.document),
              traveller: presentTraveller(i.traveller),
              history: i.history.map((c) => presentCrossing(c)).reverse(),
              currentStay: presentStay(i.currentStay),
              expectedDirection: i.expectedDirection,
              screening: { requestId: i.screening.requestId, hits: i.screening.hits.map(presentHit) },
              risk: presentEvaluation(i.risk, locale),
              refusalReasons: reasons.map((x) => ({
                code: x.code,
                name: locale === 'km' ? x.name_km : x.name_en,
              })),
              identityCandidates: i.identityCandidates.map(presentIdentityCandidate),
            }
          },
        }),
      )
      return result
    },
  )

  r.post(
    '/api/crossings',
    { schema: { tags, body: CrossingBody, response: { 201: CrossingView, 200: CrossingView } } },
    (req, reply) =>
      replyCreated(req, reply, db, 'crossings.record', async (trx, actor) => {
        const row = await recordCrossing({ trx, actor, crossing: req.body, refs: refsOf(req) })
        // Companions are read back only when there are some: most crossings have none.
        return presentCrossing(row, req.body.companions.length ? await companionsOf(trx, [row.id]) : [])
      }),
  )

  r.get(
    '/api/crossings',
    { schema: { tags, querystring: HistoryQuery, response: { 200: HistoryView } } },
    async (req) => {
      const actor = actorOf(req)
      const { crossings, companions } = await db
        .transaction()
        .execute((trx) =>
          listCrossings({ trx, read: ctx.store.read, actor, travellerId: req.query.traveller }),
        )
      return { items: crossings.map((c) => presentCrossing(c, companions)) }
    },
  )
}

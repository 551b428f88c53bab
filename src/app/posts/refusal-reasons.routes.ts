import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { replyCreated } from '../../platform/http/idempotency.ts'
import type { RefusalReasonRow } from '../crossings/crossings.tables.ts'
import {
  createRefusalReason,
  listRefusalReasons,
  reorderRefusalReasons,
  updateRefusalReason,
} from './manage-refusal-reasons.ts'
import {
  CreateReasonBody,
  ReasonParams,
  RefusalReasonsView,
  RefusalReasonView,
  ReorderBody,
  UpdateReasonBody,
} from './posts.schemas.ts'

function presentReason(r: RefusalReasonRow) {
  return { code: r.code, nameEn: r.name_en, nameKm: r.name_km, position: r.position, active: r.active }
}

/** Administration of the refusal reasons, active and retired; officers get the active ones with each inspection. */
export async function refusalReasonsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['refusal reasons']

  r.get('/api/refusal-reasons', { schema: { tags, response: { 200: RefusalReasonsView } } }, async (req) => ({
    items: (await listRefusalReasons({ db, actor: actorOf(req) })).map(presentReason),
  }))

  r.post(
    '/api/refusal-reasons',
    {
      schema: { tags, body: CreateReasonBody, response: { 201: RefusalReasonView, 200: RefusalReasonView } },
    },
    (req, reply) =>
      replyCreated(req, reply, db, 'refusal_reasons.create', async (trx, actor) =>
        presentReason(await createRefusalReason({ trx, actor, reason: req.body })),
      ),
  )

  r.patch(
    '/api/refusal-reasons/:code',
    { schema: { tags, params: ReasonParams, body: UpdateReasonBody, response: { 200: RefusalReasonView } } },
    async (req) =>
      presentReason(
        await db
          .transaction()
          .execute((trx) =>
            updateRefusalReason({ trx, actor: actorOf(req), code: req.params.code, changes: req.body }),
          ),
      ),
  )

  r.put(
    '/api/refusal-reasons/order',
    { schema: { tags, body: ReorderBody, response: { 200: RefusalReasonsView } } },
    async (req) => ({
      items: (
        await db
          .transaction()
          .execute((trx) => reorderRefusalReasons({ trx, actor: actorOf(req), codes: req.body.codes }))
      ).map(presentReason),
    }),
  )
}

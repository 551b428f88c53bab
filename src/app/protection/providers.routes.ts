import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { replyCreated } from '../../platform/http/idempotency.ts'
import { authorize } from '../identity/authorize.ts'
import { createProvider, updateProvider } from './manage-providers.ts'
import { CreateProviderBody, IdParams, ProviderQuery, UpdateProviderBody } from './protection.schemas.ts'
import { ProviderView } from './protection.views.ts'
import { presentProvider } from './provider.presenter.ts'
import { listProviders } from './providers.repository.ts'

const tags = ['protection']

export async function providersRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store

  r.get(
    '/api/protection/providers',
    { schema: { tags, querystring: ProviderQuery, response: { 200: z.array(ProviderView) } } },
    async (req) => {
      authorize(actorOf(req), 'read', 'provider')
      const rows = await listProviders(db, {
        ...(req.query.service ? { service: req.query.service } : {}),
        activeOnly: req.query.active === 'true',
      })
      return rows.map(presentProvider)
    },
  )

  r.post(
    '/api/protection/providers',
    { schema: { tags, body: CreateProviderBody, response: { 201: ProviderView, 200: ProviderView } } },
    (req, reply) =>
      replyCreated(req, reply, db, 'protection.providers.create', async (trx, actor) =>
        presentProvider(await createProvider({ trx, actor, provider: req.body })),
      ),
  )

  r.patch(
    '/api/protection/providers/:id',
    { schema: { tags, params: IdParams, body: UpdateProviderBody, response: { 200: ProviderView } } },
    async (req) =>
      presentProvider(
        await db
          .transaction()
          .execute((trx) =>
            updateProvider({ trx, actor: actorOf(req), providerId: req.params.id, changes: req.body }),
          ),
      ),
  )
}

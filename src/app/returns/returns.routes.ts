import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { replyCreated } from '../../platform/http/idempotency.ts'
import { listReturnees } from './list-returnees.ts'
import { registerReturnee } from './register-returnee.ts'
import { returnImportsRoutes } from './return-imports.routes.ts'
import { presentReturnee } from './returnee.presenter.ts'
import { returneePhotosRoutes } from './returnee-photos.routes.ts'
import { photoIds } from './returns.repository.ts'
import { IdParams, ListQuery, ListView, RegisterBody, RegisteredView, UpdateBody } from './returns.schemas.ts'
import { updateReturnee } from './update-returnee.ts'

/** Mass-return registration at a post: one returnee at a time, corrections, the day's list, return lists, photos. */
export async function returnsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['returns']

  r.post(
    '/api/returns',
    { schema: { tags, body: RegisterBody, response: { 201: RegisteredView, 200: RegisteredView } } },
    (req, reply) =>
      replyCreated(req, reply, db, 'returns.register', async (trx, actor) => {
        const row = await registerReturnee({ trx, actor, ...req.body })
        return { ...presentReturnee(row), referralProposed: row.referralProposed }
      }),
  )

  r.put(
    '/api/returns/:id',
    { schema: { tags, params: IdParams, body: UpdateBody, response: { 200: RegisteredView } } },
    async (req) => {
      const actor = actorOf(req)
      return db.transaction().execute(async (trx) => {
        const row = await updateReturnee({ trx, actor, id: req.params.id, returnee: req.body.returnee })
        const photos = await photoIds(trx, [row.id])
        return { ...presentReturnee(row, photos.has(row.id)), referralProposed: row.referralProposed }
      })
    },
  )

  r.get(
    '/api/returns',
    { schema: { tags, querystring: ListQuery, response: { 200: ListView } } },
    async (req) => {
      const q = req.query
      const found = await listReturnees({
        db,
        actor: actorOf(req),
        postCode: q.post ?? null,
        day: q.day ?? null,
        query: q.q ?? null,
        limit: q.limit,
      })
      const photos = await photoIds(
        db,
        found.items.map((i) => i.id),
      )
      return {
        day: found.day,
        total: found.total,
        items: found.items.map((i) => presentReturnee(i, photos.has(i.id))),
      }
    },
  )

  await app.register(async (sub) => returnImportsRoutes(sub, ctx))
  await app.register(async (sub) => returneePhotosRoutes(sub, ctx))
}

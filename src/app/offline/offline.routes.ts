import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { multilineText } from '../../platform/http/text.ts'
import { listConflicts, resolveConflict } from './conflict-queue.ts'
import { readLinkView } from './read-link-view.ts'

const OfflineLink = z.object({
  role: z.enum(['standalone', 'national', 'post']),
  postCode: z.string().nullable(),
  up: z.boolean(),
  downSince: z.string().nullable(),
  alertListsAsOf: z.string().nullable(),
  stale: z.boolean(),
  staleAfterMinutes: z.number(),
})

const Side = z.object({
  name: z.string().nullable(),
  nameKhmer: z.string().nullable(),
  nationality: z.string().nullable(),
  birthDate: z.string().nullable(),
  documentNumber: z.string().nullable(),
})

const Conflict = z.object({
  id: z.string(),
  kind: z.string(),
  postCodes: z.array(z.string()),
  facts: z.record(z.string(), z.record(z.string(), z.unknown())),
  sides: z.object({ recorded: Side, arrived: Side }),
  detectedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
})

export async function offlineRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const tags = ['posts']
  // The link state every signed-in screen may show: it names no person and no record, only the server's state.
  r.get('/api/offline/link', { schema: { tags, response: { 200: OfflineLink } } }, async (req) => {
    actorOf(req)
    return readLinkView(ctx.store.db)
  })

  r.get(
    '/api/offline/conflicts',
    {
      schema: {
        tags,
        querystring: z.object({ status: z.enum(['open', 'all']).default('open') }).strict(),
        response: { 200: z.array(Conflict) },
      },
    },
    async (req) =>
      listConflicts({ db: ctx.store.db, actor: actorOf(req), open: req.query.status === 'open' }),
  )

  r.post(
    '/api/offline/conflicts/:id/resolve',
    {
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        body: z.object({ resolution: multilineText().trim().min(1).max(2000) }).strict(),
        response: { 200: Conflict },
      },
    },
    async (req) =>
      ctx.store.db
        .transaction()
        .execute((trx) =>
          resolveConflict({ trx, actor: actorOf(req), id: req.params.id, resolution: req.body.resolution }),
        ),
  )
}

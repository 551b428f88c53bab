import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
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

/** The link state every signed-in screen may show: it names no person and no record, only the server's state. */
export async function offlineRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get('/api/offline/link', { schema: { tags: ['posts'], response: { 200: OfflineLink } } }, async (req) => {
    actorOf(req)
    return readLinkView(ctx.store.db)
  })
}

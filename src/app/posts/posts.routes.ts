import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../platform/http/context.ts'
import { boardRoutes } from './board.routes.ts'
import { refusalReasonsRoutes } from './refusal-reasons.routes.ts'
import { shiftsRoutes } from './shifts.routes.ts'

/** The work of a post: officers' shifts at its counters, its live board, and the refusal reasons it applies. */
export async function postsRoutes(app: FastifyInstance, ctx: AppContext) {
  await shiftsRoutes(app, ctx)
  await boardRoutes(app, ctx)
  await refusalReasonsRoutes(app, ctx)
}

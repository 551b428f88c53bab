import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../platform/http/context.ts'
import { careRoutes } from './care.routes.ts'
import { casesRoutes } from './cases.routes.ts'
import { duplicatesRoutes } from './duplicates.routes.ts'
import { personsRoutes } from './persons.routes.ts'
import { providersRoutes } from './providers.routes.ts'
import { referralsRoutes } from './referrals.routes.ts'
import { reportsRoutes } from './reports.routes.ts'
import { screeningsRoutes } from './screenings.routes.ts'

export async function protectionRoutes(app: FastifyInstance, ctx: AppContext) {
  for (const area of [
    providersRoutes,
    screeningsRoutes,
    referralsRoutes,
    personsRoutes,
    duplicatesRoutes,
    casesRoutes,
    careRoutes,
    reportsRoutes,
  ])
    await area(app, ctx)
}

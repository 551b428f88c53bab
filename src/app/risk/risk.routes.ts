import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../platform/http/context.ts'
import { alertsRoutes } from './alerts.routes.ts'
import { analysisRoutes } from './analysis.routes.ts'
import { evaluationsRoutes } from './evaluations.routes.ts'
import { ruleSetsRoutes } from './rule-sets.routes.ts'

export async function riskRoutes(app: FastifyInstance, ctx: AppContext) {
  for (const area of [ruleSetsRoutes, evaluationsRoutes, alertsRoutes, analysisRoutes]) await area(app, ctx)
}

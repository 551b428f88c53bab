import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { toCsv } from '../../domain/files/csv.ts'
import { profileColumns } from '../../domain/protection/case-export-profiles.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { caseDashboard } from './dashboard.ts'
import { exportCases } from './export-cases.ts'
import { ExportQuery } from './protection.schemas.ts'
import { DashboardView } from './protection.views.ts'

const tags = ['protection']

/** The case manager's dashboard and the de-identified export. */
export async function reportsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store

  r.get('/api/protection/export', { schema: { tags, querystring: ExportQuery } }, async (req, reply) => {
    const { profile } = req.query
    const result = await exportCases({ db, actor: actorOf(req), k: req.query.k, profile })
    if (req.query.format === 'json') return result
    const columns = profileColumns(profile)
    const csv = toCsv([columns, ...result.rows.map((r) => columns.map((c) => r[c] ?? ''))], { bom: true })
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="passage-${profile}-${result.generatedOn}.csv"`)
      .send(csv)
  })

  r.get('/api/protection/dashboard', { schema: { tags, response: { 200: DashboardView } } }, async (req) =>
    caseDashboard({ db, actor: actorOf(req) }),
  )
}

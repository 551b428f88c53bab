import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { requestLocale } from '../../platform/http/locale.ts'
import { IdParams, ProgressReportQuery } from './plans.schemas.ts'
import { progressReport } from './progress-report.ts'

/** `GET /api/plans/:id/progress-report?period&format`: a download in the reader's language. */
export async function progressReportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get(
    '/api/plans/:id/progress-report',
    {
      schema: {
        tags: ['plans'],
        params: IdParams,
        querystring: ProgressReportQuery,
        produces: ['application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.any().describe('The report file') },
      },
    },
    async (req, reply) => {
      const report = await ctx.store.db.transaction().execute((trx) =>
        progressReport({
          trx,
          read: ctx.store.read,
          actor: actorOf(req),
          planId: req.params.id,
          period: req.query.period,
          format: req.query.format,
          locale: req.query.lang ?? requestLocale(req),
          threshold: ctx.config.statisticsSuppressionThreshold,
        }),
      )
      return reply
        .header('content-type', report.contentType)
        .header('content-disposition', `attachment; filename="${report.fileName}"`)
        .header('cache-control', 'no-store')
        .send(report.body)
    },
  )
}

import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { toCsv } from '../../domain/files/csv.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { requestLocale } from '../../platform/http/locale.ts'
import { exportCrossingRecords } from './export-crossing-records.ts'
import { exportFileName } from './export-files.ts'
import {
  ExportBody,
  ExportFormatQuery,
  ExportGetQuery,
  KFloorBody,
  MicrodataQuery,
  MonthlyReportQuery,
  parseGetQuery,
} from './export-schemas.ts'
import { exportStatistics } from './export-statistics.ts'
import { setKFloor, showKFloor } from './k-floor.ts'
import { monthlyReport } from './report-monthly.ts'

const tags = ['statistics']

function download(reply: FastifyReply, o: { fileName: string; contentType: string; body: unknown }) {
  return reply
    .header('content-type', o.contentType)
    .header('content-disposition', `attachment; filename="${o.fileName}"`)
    .header('cache-control', 'no-store')
    .send(o.body)
}

/**
 * Exports of statistics. GET gives a plain download link for exact-count tables; noise for a release is
 * POST only, since it spends the release's privacy budget. Every export is disclosure-controlled and audited.
 */
export async function exportsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  // Tables are read from the read replica when there is one; audits and privacy budgets stay on the primary.
  const { db, read } = ctx.store
  const threshold = ctx.config.statisticsSuppressionThreshold

  r.get('/api/statistics/export', { schema: { tags, querystring: ExportGetQuery } }, async (req, reply) => {
    const file = await db.transaction().execute((trx) =>
      exportStatistics({
        trx,
        read,
        actor: actorOf(req),
        query: parseGetQuery(req.query),
        format: req.query.format,
        locale: requestLocale(req),
        threshold,
      }),
    )
    return download(reply, file)
  })

  r.post(
    '/api/statistics/export',
    { schema: { tags, querystring: ExportFormatQuery, body: ExportBody } },
    async (req, reply) => {
      const { privacy, ...query } = req.body
      const file = await db.transaction().execute((trx) =>
        exportStatistics({
          trx,
          read,
          actor: actorOf(req),
          query,
          format: req.query.format,
          locale: requestLocale(req),
          threshold,
          privacy,
        }),
      )
      return download(reply, file)
    },
  )

  r.get(
    '/api/statistics/reports/monthly',
    { schema: { tags, querystring: MonthlyReportQuery } },
    async (req, reply) => {
      const locale = req.query.lang ?? requestLocale(req)
      const report = await db.transaction().execute((trx) =>
        monthlyReport({
          trx,
          actor: actorOf(req),
          month: req.query.month,
          post: req.query.post,
          locale,
          threshold,
        }),
      )
      return download(reply, { fileName: report.fileName, contentType: 'application/pdf', body: report.body })
    },
  )

  r.get(
    '/api/statistics/microdata/crossings',
    { schema: { tags, querystring: MicrodataQuery } },
    async (req, reply) => {
      const { from, to, k, format } = req.query
      const result = await db
        .transaction()
        .execute((trx) => exportCrossingRecords({ trx, actor: actorOf(req), from, to, k }))
      const fileName = exportFileName({
        subject: `crossings-records-k${result.k}`,
        from,
        to,
        madeOn: result.generatedOn,
        format,
      })
      if (format === 'json')
        return download(reply, { fileName, contentType: 'application/json; charset=utf-8', body: result })
      const columns = ['month', 'post', 'direction', 'nationality', 'sex', 'ageBand'] as const
      const csv = toCsv([[...columns], ...result.rows.map((row) => columns.map((c) => row[c]))], {
        bom: true,
      })
      return download(reply, { fileName, contentType: 'text/csv; charset=utf-8', body: csv })
    },
  )

  r.get('/api/statistics/settings/k-floor', { schema: { tags } }, async (req) =>
    showKFloor({ db, actor: actorOf(req) }),
  )

  r.put('/api/statistics/settings/k-floor', { schema: { tags, body: KFloorBody } }, async (req) =>
    db.transaction().execute((trx) => setKFloor({ trx, actor: actorOf(req), kFloor: req.body.kFloor })),
  )
}

import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { requestLocale } from '../../platform/http/locale.ts'
import { statisticsCatalog } from './catalog.ts'
import { indicator } from './indicators.ts'
import { queryStatistics } from './query-statistics.ts'
import {
  CatalogView,
  IndicatorParams,
  IndicatorQuery,
  IndicatorView,
  QueryBody,
  ResultView,
} from './statistics.schemas.ts'

/** Disaggregated statistics and indicators, disclosure-controlled for every reader without microdata access. */
export async function statisticsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  // Tables are read from the read replica when there is one; the audit of an exact view is written on the primary.
  const { db, read } = ctx.store
  const threshold = ctx.config.statisticsSuppressionThreshold
  const tags = ['statistics']

  r.get('/api/statistics/catalog', { schema: { tags, response: { 200: CatalogView } } }, (req) =>
    statisticsCatalog({ db, actor: actorOf(req), locale: requestLocale(req), threshold }),
  )

  // A query only reads; POST because a table request with its filters does not fit a query string.
  r.post(
    '/api/statistics/query',
    { schema: { tags, body: QueryBody, response: { 200: ResultView } } },
    (req) =>
      db.transaction().execute((trx) =>
        queryStatistics({
          trx,
          read,
          actor: actorOf(req),
          query: req.body,
          locale: requestLocale(req),
          threshold,
        }),
      ),
  )

  r.get(
    '/api/statistics/indicators/:id',
    {
      schema: {
        tags,
        params: IndicatorParams,
        querystring: IndicatorQuery,
        response: { 200: IndicatorView },
      },
    },
    (req) =>
      db.transaction().execute((trx) =>
        indicator({
          trx,
          read,
          actor: actorOf(req),
          id: req.params.id,
          ...req.query,
          locale: requestLocale(req),
          threshold,
        }),
      ),
  )
}

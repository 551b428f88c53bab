import type { Readable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { requestLocale } from '../../platform/http/locale.ts'
import { translate } from '../../platform/i18n/catalog.ts'
import { ImportRejected, importWatchlist } from './import-watchlist.ts'
import { ImportQuery, ImportRejectedView, ImportView, ListParams } from './screening.schemas.ts'
import type { ScreeningIndex } from './screening-index.ts'

const FILE_TYPES = [
  'text/csv',
  'text/plain',
  'application/xml',
  'text/xml',
  'application/x-ndjson',
  'application/jsonl',
  'application/octet-stream',
]

/**
 * `POST /api/watchlists/:id/import?format=csv|ftm|un-xml` with the file as the raw request body. The body is
 * handed to the importer as a stream (never buffered whole), inside its own plugin so the raw parsers apply
 * here only.
 */
export async function importRoutes(app: FastifyInstance, ctx: AppContext, index: ScreeningIndex) {
  const { db } = ctx.store
  const i = ctx.config.imports
  // Beyond these the import stops with a report (WATCHLIST_IMPORT_MAX_BYTES, …; see README).
  const limits = {
    maxBytes: i.watchlistMaxBytes,
    maxRecords: i.watchlistMaxRecords,
    maxLineChars: i.maxLineChars,
    maxRemovalShare: i.maxRemovalShare,
  }
  await app.register(async (sub) => {
    sub.addContentTypeParser(FILE_TYPES, (_req, payload, done) => done(null, payload))
    sub.withTypeProvider<ZodTypeProvider>().post(
      '/api/watchlists/:id/import',
      {
        schema: {
          tags: ['watchlists'],
          params: ListParams,
          querystring: ImportQuery,
          response: { 200: ImportView, 422: ImportRejectedView },
          description:
            'Refused with 409 `removals_unconfirmed` (params: removed, total, read) when the file holds no entries or would remove more than WATCHLIST_MAX_REMOVAL_SHARE of the list, unless `confirmRemovals=true`.',
        },
      },
      async (req, reply) => {
        const source = req.body as Readable
        try {
          const report = await db.transaction().execute((trx) =>
            importWatchlist({
              trx,
              actor: actorOf(req),
              listId: req.params.id,
              format: req.query.format,
              source,
              fileName: req.query.fileName ?? null,
              limits,
              confirmRemovals: req.query.confirmRemovals === 'true',
            }),
          )
          await index.refresh(db)
          return report
        } catch (err) {
          // What the worker did not read is drained, so the client gets its answer rather than a reset.
          source.resume()
          if (!(err instanceof ImportRejected)) throw err
          // Rejections are data: each line is reported with a translated message, and nothing was kept.
          const locale = requestLocale(req)
          return reply.code(422).send({
            error: {
              code: 'validation_failed',
              message: translate(locale, 'watchlists.import.rejected', { count: err.rejectedCount }),
              details: err.rejected.map((r) => ({
                path: `line.${r.line}`,
                code: `import.${r.code}`,
                params: r.params,
                message: translate(locale, `watchlists.import.errors.${r.code}`, {
                  line: r.line,
                  ...r.params,
                }),
              })),
            },
          })
        }
      },
    )
  })
}

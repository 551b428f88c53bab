import { PassThrough } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { AppError } from '../../platform/errors/codes.ts'
import { describeError } from '../../platform/errors/describe.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { AppContext } from '../../platform/http/context.ts'
import { toAppError } from '../../platform/http/error-handler.ts'
import { requestLocale } from '../../platform/http/locale.ts'
import { authorize } from '../identity/authorize.ts'
import { importReturnList } from './import-return-list.ts'
import { presentImport } from './returnee.presenter.ts'
import { IdParams, ImportQuery, ImportView } from './returns.schemas.ts'

const FILE_TYPES = [
  'text/csv',
  'text/plain',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]

/**
 * `POST /api/returns/imports?format=csv|xlsx&listRef=…&returnType=…` with the file as the raw body. A file that
 * cannot be read, or has no name column, is refused with an ordinary error before anything is written. Otherwise the
 * answer is NDJSON: `start` (import id and row count), `progress` after each batch, then `done` with the report (or
 * `error`), so the web shows a real progress bar while the rows are written.
 */
export async function returnImportsRoutes(app: FastifyInstance, ctx: AppContext) {
  // Return lists run to tens of thousands of rows: 20 MB (the default) holds about 100,000 rows.
  const limit = ctx.config.imports
  const maxBytes = limit.returnListMaxBytes
  const limits = {
    maxInflatedBytes: limit.maxInflatedBytes,
    maxRows: limit.returnListMaxRows,
    maxLineChars: limit.maxLineChars,
  }
  app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) =>
    done(null, body),
  )
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db } = ctx.store
  const tags = ['returns']

  r.post(
    '/api/returns/imports',
    {
      bodyLimit: maxBytes,
      schema: { tags, querystring: ImportQuery, consumes: FILE_TYPES, produces: ['application/x-ndjson'] },
    },
    async (req, reply) => {
      const locale = requestLocale(req)
      const q = req.query
      const out = new PassThrough()
      const line = (value: unknown) => out.write(`${JSON.stringify(value)}\n`)
      let started: () => void = () => {}
      const start = new Promise<void>((resolve) => {
        started = resolve
      })
      const run = importReturnList({
        db,
        actor: actorOf(req),
        postCode: q.post ?? null,
        listRef: q.listRef,
        returnType: q.returnType,
        format: q.format,
        fileName: q.fileName ?? null,
        bytes: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        limits,
        onStart: (p) => {
          line({ type: 'start', ...p })
          started()
        },
        onProgress: (p) => line({ type: 'progress', ...p }),
      })
      // Refusals before the first write (bad file, no right, a running import) are ordinary error responses.
      await Promise.race([start, run])
      run.then(
        ({ report, replayed }) => {
          line({ type: 'done', replayed, import: presentImport(report, locale) })
          out.end()
        },
        (err) => {
          const error = toAppError(err)
          if (error.code === 'internal_error') req.log.error({ err }, 'return list import failed')
          line({ type: 'error', error: describeError(error, locale) })
          out.end()
        },
      )
      return reply.type('application/x-ndjson').header('cache-control', 'no-store').send(out)
    },
  )

  r.get(
    '/api/returns/imports/:id',
    { schema: { tags, params: IdParams, response: { 200: ImportView } } },
    async (req) => {
      const actor = actorOf(req)
      authorize(actor, 'read', 'returnee')
      const row = await db
        .selectFrom('return_imports')
        .selectAll()
        .where('id', '=', req.params.id)
        .executeTakeFirst()
      if (!row) throw new AppError('not_found')
      authorize(actor, 'read', 'returnee', { postCode: row.post_code })
      return presentImport(row, requestLocale(req))
    },
  )
}

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { isDatabaseUnavailable } from '../db/unavailable.ts'
import { AppError, type ErrorDetail } from '../errors/codes.ts'
import { describeError } from '../errors/describe.ts'
import { requestLocale } from './locale.ts'

interface ValidationItem {
  keyword?: string
  instancePath?: string
  params?: Record<string, unknown>
}

const PARAMS = ['minimum', 'maximum', 'expected', 'format'] as const

function issueDetails(
  err: FastifyError & { validation?: unknown[]; validationContext?: string },
): ErrorDetail[] {
  const where = err.validationContext ?? 'body'
  return (err.validation ?? []).map((raw) => {
    const item = raw as ValidationItem
    const segments = (item.instancePath ?? '').split('/').filter(Boolean)
    const params: Record<string, unknown> = {}
    for (const k of PARAMS) if (item.params?.[k] !== undefined) params[k] = item.params[k]
    if (Array.isArray(item.params?.keys)) params.keys = (item.params.keys as string[]).join(', ')
    // A refinement names its own reason (e.g. `control_character` from platform/http/text.ts).
    const reason = (item.params?.params as { code?: unknown } | undefined)?.code
    const code = typeof reason === 'string' ? reason : (item.keyword ?? 'custom')
    return { path: [where, ...segments].join('.'), code: `validation.${code}`, params }
  })
}

const UNIQUE_VIOLATION = '23505'

/** Maps a thrown error to the one API error shape. Unknown errors become `internal_error`, with no stack sent. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err
  const e = err as FastifyError & { validation?: unknown[]; validationContext?: string }
  if (hasZodFastifySchemaValidationErrors(e) || e.validation)
    return new AppError('validation_failed', {}, issueDetails(e))
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('body_too_large')
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('unsupported_media_type')
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('malformed_json')
  }
  if (err instanceof SyntaxError && e.statusCode === 400) return new AppError('malformed_json')
  if (e.statusCode === 429) return new AppError('rate_limited')
  // A unique index refused a write that raced past the use case's own checks: the client retried or collided.
  if ((err as { code?: unknown }).code === UNIQUE_VIOLATION) return new AppError('conflict')
  // The database went away under the request (restart, failover, a terminated connection): nothing acknowledged
  // was lost, and the same request (with its idempotency key) will work once the database is back.
  if (isDatabaseUnavailable(err)) return new AppError('service_unavailable')
  return new AppError('internal_error')
}

/** Seconds a client is told to wait before retrying a 503: a PostgreSQL restart takes a few. */
export const RETRY_AFTER_SECONDS = 2

export function sendError(req: FastifyRequest, reply: FastifyReply, error: AppError) {
  if (error.status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS))
  return reply.code(error.status).send({ error: describeError(error, requestLocale(req)) })
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const error = toAppError(err)
    if (error.code === 'internal_error') req.log.error({ err }, 'unhandled error')
    else if (error.code === 'service_unavailable') req.log.warn({ err }, 'database unavailable')
    return sendError(req, reply, error)
  })
}

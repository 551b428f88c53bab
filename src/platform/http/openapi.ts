import { ERROR_STATUS } from '../errors/codes.ts'
import { IDEMPOTENCY_HEADER } from './idempotency.ts'

/**
 * Finishing the OpenAPI document in one place, so that a route file only declares its schemas: every
 * operation gets an operationId, a summary and description, tags, the shared error responses, the content
 * types of file downloads, and security that says what it needs (session cookie; CSRF header on writes;
 * none on public routes). `npx @redocly/cli lint` checks the result (openapi.lint.test.ts and `.ci/run`).
 */

type Json = Record<string, unknown>
type Operation = Json & {
  operationId?: string
  summary?: string
  description?: string
  tags?: string[]
  security?: unknown[]
  parameters?: Json[]
  responses?: Record<string, Json>
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const
const WRITES = new Set(['put', 'post', 'patch', 'delete'])
const VERBS: Record<string, string> = {
  get: 'Read',
  put: 'Replace',
  post: 'Submit',
  patch: 'Update',
  delete: 'Delete',
}

/** Downloads whose body is a file, with the types they answer in (by path). */
const FILE_RESPONSES: [RegExp, string[]][] = [
  [
    /^\/api\/statistics\/export$/,
    ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/json'],
  ],
  [/^\/api\/statistics\/reports\/monthly$/, ['application/pdf']],
  [/^\/api\/protection\/export$/, ['text/csv', 'application/json']],
  [/\/export\.csv$/, ['text/csv']],
  [/\/certificate\.pdf$/, ['application/pdf']],
  [/^\/api\/returns\/imports$/, ['application/x-ndjson', 'application/json']],
]

/** The statuses the server can answer with an error, by the closed set of codes. */
const ERROR_STATUSES = [...new Set(Object.values(ERROR_STATUS))].sort()
const ERROR_TEXT: Record<number, string> = {
  400: 'The request is malformed or fails validation; `details` names each field.',
  401: 'No valid session (or wrong credentials at sign-in).',
  403: 'The session may not do this: role, agency, post, CSRF token or a required password change.',
  404: 'No such record, or one the caller may not see.',
  409: 'The request conflicts with the current state.',
  413: 'The body is larger than the limit.',
  415: 'The body is not of a supported media type.',
  422: 'The request breaks a rule of the domain, or reuses an idempotency key for another request.',
  423: 'The account is locked after too many failed sign-ins.',
  429: 'Too many requests; retry later.',
  500: 'An unexpected error; it is logged.',
  503: 'The service or its database is not ready; retry after the `Retry-After` seconds.',
}

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: {
        code: { type: 'string', enum: Object.keys(ERROR_STATUS), description: 'Stable code (codes.ts).' },
        message: { type: 'string', description: "In the request's language (English or Khmer)." },
        details: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'code', 'message'],
            properties: {
              path: { type: 'string' },
              code: { type: 'string' },
              message: { type: 'string' },
              field: {
                type: 'string',
                description: "The field's name in the request's language, when known.",
              },
              params: { type: 'object', additionalProperties: true },
            },
          },
        },
      },
    },
  },
}

/** `/api/crossings/secondary/{id}/examinations` → `CrossingsSecondaryByIdExaminations`. */
function pathWords(path: string): string[] {
  return path
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
    .map((part) => {
      const param = /^\{(\w+)\}$/.exec(part)?.[1]
      const words = (param ? `by-${param}` : part).split(/[^A-Za-z0-9]+/).filter(Boolean)
      return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')
    })
}

function operationId(method: string, path: string, taken: Set<string>): string {
  const base = method + pathWords(path).join('')
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}${n}`
  taken.add(id)
  return id
}

function summaryOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .split('/')
    .filter((p) => p && !p.startsWith('{'))
    .join(' ')
    .replace(/[-_.]/g, ' ')
  return `${VERBS[method] ?? method} ${words}`.trim()
}

/** Removes `anyOf: []` (what a zod transform without an output type becomes), which matches nothing. */
function dropEmptyAnyOf(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) dropEmptyAnyOf(item)
    return
  }
  if (!node || typeof node !== 'object') return
  const object = node as Json
  if (Array.isArray(object.anyOf) && object.anyOf.length === 0) delete object.anyOf
  for (const value of Object.values(object)) dropEmptyAnyOf(value)
}

function finishOperation(method: string, path: string, op: Operation, taken: Set<string>): void {
  op.operationId ??= operationId(method, path, taken)
  op.summary ??= summaryOf(method, path)
  const isPublic = Array.isArray(op.security) && op.security.length === 0
  const needs = isPublic
    ? 'Public: no session needed.'
    : WRITES.has(method)
      ? 'Needs a session cookie and the session’s CSRF token in `X-CSRF-Token`.'
      : 'Needs a session cookie.'
  op.description ??= `\`${method.toUpperCase()} ${path}\`. ${needs} Errors answer with the shared error body.`
  op.tags ??= [pathWords(path)[0]?.toLowerCase() ?? 'api']
  if (!isPublic && WRITES.has(method)) op.security = [{ session: [], csrf: [] }]
  if (method === 'post') {
    op.parameters ??= []
    if (!op.parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'))
      op.parameters.push({ $ref: '#/components/parameters/IdempotencyKey' })
  }
  op.responses ??= {}
  const files = FILE_RESPONSES.find(([pattern]) => pattern.test(path))?.[1]
  const ok = Object.keys(op.responses).find((s) => s.startsWith('2'))
  if (files && method !== 'delete') {
    const existing = ok ? op.responses[ok] : undefined
    const content = Object.fromEntries(
      files.map((type) => [
        type,
        type === 'application/json' && (existing?.content as Json | undefined)?.['application/json']
          ? (existing!.content as Json)['application/json']
          : { schema: { type: 'string', format: 'binary' } },
      ]),
    )
    op.responses[ok ?? '200'] = { description: 'The file.', ...(existing ?? {}), content }
  } else if (!ok) op.responses['200'] = { description: 'Done.' }
  for (const status of ERROR_STATUSES) {
    if (isPublic && (status === 401 || status === 403) && !path.includes('sign')) continue
    op.responses[String(status)] ??= { $ref: `#/components/responses/Error${status}` }
  }
}

/** The `transformObject` of @fastify/swagger: the generated document, finished as described above. */
export function finishOpenApi(doc: Json): Json {
  const taken = new Set<string>()
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Operation>>
  for (const [path, item] of Object.entries(paths))
    for (const method of METHODS) if (item[method]) finishOperation(method, path, item[method], taken)
  dropEmptyAnyOf(doc)
  const components = (doc.components ?? {}) as Json
  doc.components = {
    ...components,
    securitySchemes: {
      ...(components.securitySchemes as Json),
      csrf: {
        type: 'apiKey',
        in: 'header',
        name: 'X-CSRF-Token',
        description: 'The CSRF token of the session (given at sign-in), required on every write.',
      },
    },
    parameters: {
      ...(components.parameters as Json),
      IdempotencyKey: {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: `A retried create with the same key (\`${IDEMPOTENCY_HEADER}\`, 8–200 of [A-Za-z0-9_.:-]) returns the first result instead of creating twice.`,
        schema: { type: 'string', pattern: '^[\\w.:-]{8,200}$' },
      },
    },
    schemas: { ...(components.schemas as Json), Error: ERROR_SCHEMA },
    responses: {
      ...(components.responses as Json),
      ...Object.fromEntries(
        ERROR_STATUSES.map((s) => [
          `Error${s}`,
          {
            description: ERROR_TEXT[s] ?? 'Error.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        ]),
      ),
    },
  }
  return doc
}

/** Wraps the zod transform: a public route (sign-in, health) documents that it needs no session. */
export function publicRouteSecurity<T extends { schema: object; url: string }>(
  out: T,
  route: { config?: unknown },
): T {
  const isPublic = (route.config as { public?: boolean } | undefined)?.public === true
  return isPublic ? { ...out, schema: { ...out.schema, security: [] } } : out
}

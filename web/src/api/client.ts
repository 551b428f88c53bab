import type { ApiBody, ApiParams, ApiPath, ApiQuery, ApiResult, MethodOf } from './contract.ts'

export interface ErrorDetail {
  path?: string
  code: string
  message: string
  /** The field's name in the user's language, when the refusal is about one field. */
  field?: string
}

/** The API's one error shape, already translated by the server into the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message)
  }

  /** The message for one form field, e.g. `fieldError('username')` for `body.username`. */
  fieldError(field: string): string | undefined {
    return this.details.find((d) => d.path === `body.${field}`)?.message
  }
}

let csrfToken: string | null = null
export function setCsrfToken(token: string | null) {
  csrfToken = token
}

let onUnauthenticated: (() => void) | null = null
export function setUnauthenticatedHandler(fn: () => void) {
  onUnauthenticated = fn
}

interface RequestOptions {
  body?: unknown
  /** Creates carry a key so a retry after a dropped connection returns the first result. */
  idempotencyKey?: string
  locale?: string
}

export async function api<T>(method: string, path: string, o: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (o.body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken
  if (o.idempotencyKey) headers['idempotency-key'] = o.idempotencyKey
  if (o.locale) headers['accept-language'] = o.locale
  let res: Response
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
    })
  } catch {
    throw new ApiError(0, 'network', '')
  }
  if (res.status === 204) return undefined as T
  const data = await res.json().catch(() => null)
  if (!res.ok) {
    const e = data?.error ?? { code: 'internal_error', message: res.statusText, details: [] }
    if (res.status === 401 && path !== '/api/auth/sign-in') onUnauthenticated?.()
    throw new ApiError(res.status, e.code, e.message, e.details ?? [])
  }
  return data as T
}

/** `/api/documents/examinations/{id}` with `{ id }` filled in (each value URL-encoded) and the query appended. */
export function contractUrl(path: string, params?: object, query?: object): string {
  const values = (params ?? {}) as Record<string, unknown>
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name]
    if (value === undefined || value === null || value === '')
      throw new Error(`missing path parameter ${name}`)
    return encodeURIComponent(String(value))
  })
  const pairs = Object.entries(query ?? {}).filter(([, v]) => v !== undefined && v !== null)
  return pairs.length ? `${url}?${new URLSearchParams(pairs.map(([k, v]) => [k, String(v)]))}` : url
}

/**
 * A call typed by the contract (schema.d.ts): the method and path template fix the path parameters, query,
 * body and result, so a screen that no longer fits the server fails `npm run typecheck`.
 */
export function call<P extends ApiPath, M extends MethodOf<P>>(
  method: M,
  path: P,
  o: Omit<RequestOptions, 'body'> & {
    params?: ApiParams<P, M>
    query?: ApiQuery<P, M>
    body?: ApiBody<P, M>
  } = {},
): Promise<ApiResult<P, M>> {
  return api<ApiResult<P, M>>(method, contractUrl(path, o.params, o.query), o)
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID()
}

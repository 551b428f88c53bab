/**
 * The closed set of error codes the API answers with, and the one place they map to HTTP statuses.
 * The wording lives in `src/locales/<locale>/errors.json` under the same code.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  malformed_json: 400,
  xroad_bad_request: 400,
  weak_password: 400,
  invalid_credentials: 401,
  not_authenticated: 401,
  session_expired: 401,
  csrf_failed: 403,
  forbidden: 403,
  xroad_access_denied: 403,
  account_disabled: 403,
  password_change_required: 403,
  not_found: 404,
  route_not_found: 404,
  xroad_unknown_service: 404,
  username_taken: 409,
  capacity_exhausted: 409,
  removals_unconfirmed: 409,
  conflict: 409,
  body_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  rule_violation: 422,
  exchange_refused: 422,
  account_locked: 423,
  rate_limited: 429,
  internal_error: 500,
  not_ready: 503,
  service_unavailable: 503,
} as const satisfies Record<string, number>

export type ErrorCode = keyof typeof ERROR_STATUS

export interface ErrorDetail {
  /** Where in the request: `body.username`, `query.limit`, `header.x-csrf-token`. */
  path?: string
  code: string
  params?: Record<string, unknown>
}

/** An expected failure: carries a stable code and parameters for the translated message, never prose. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly params: Record<string, unknown>
  readonly details: ErrorDetail[]

  constructor(code: ErrorCode, params: Record<string, unknown> = {}, details: ErrorDetail[] = []) {
    super(code)
    this.name = 'AppError'
    this.code = code
    this.params = params
    this.details = details
  }

  get status(): number {
    return ERROR_STATUS[this.code]
  }
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_STATUS, value)
}

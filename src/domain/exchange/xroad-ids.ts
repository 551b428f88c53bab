/**
 * X-Road's REST protocol (PR-REST r1) as Passage's provider side reads it: identifiers of clients and services,
 * and which exchange operations are published under which service code. Pure: no HTTP, no database.
 *
 * A client is `INSTANCE/CLASS/MEMBER[/SUBSYSTEM]` (the `X-Road-Client` header); a service is the provider's
 * subsystem plus a service code, `INSTANCE/CLASS/MEMBER[/SUBSYSTEM]/SERVICE`, carried in the request path
 * `/r1/{serviceId}[/path]`. Each part is UTF-8, percent-encoded on its own.
 */

export const XROAD_PROTOCOL = 'r1'

/** A part as Passage accepts it: letters, digits, `.`, `_`, `-` (what CamDX's identifiers use), at most 64. */
const PART = /^[A-Za-z0-9._-]{1,64}$/

export type XroadProblem =
  | 'client_malformed'
  | 'service_malformed'
  | 'header_malformed'
  | 'path_malformed'
  | 'unknown_service'
  | 'method_not_published'

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: XroadProblem }

const fail = <T>(problem: XroadProblem): Parsed<T> => ({ ok: false, problem })

function decodePart(raw: string): string | null {
  try {
    const part = decodeURIComponent(raw)
    return PART.test(part) ? part : null
  } catch {
    return null
  }
}

/** `INSTANCE/CLASS/MEMBER[/SUBSYSTEM]`, each part checked after decoding; the canonical (decoded) form. */
export function parseClientId(header: string | undefined): Parsed<string> {
  if (header === undefined || header.length > 400) return fail('client_malformed')
  const raw = header.split('/')
  if (raw.length < 3 || raw.length > 4) return fail('client_malformed')
  const parts = raw.map(decodePart)
  if (parts.some((p) => p === null)) return fail('client_malformed')
  return { ok: true, value: parts.join('/') }
}

/** An optional header that may be any printable text (X-Road-Id, X-Road-Request-Id, X-Road-UserId). */
export function printableHeader(value: string | undefined, max = 200): Parsed<string | null> {
  if (value === undefined) return { ok: true, value: null }
  // Control characters (C0, DEL, C1) would forge lines in logs and audit entries.
  if (value.length === 0 || value.length > max || /[\u0000-\u001f\u007f-\u009f]/.test(value))
    return fail('header_malformed')
  return { ok: true, value }
}

/** An exchange operation published to X-Road: its service code maps to one prefix of the existing API. */
export interface PublishedService {
  code: string
  prefix: string
  methods: readonly string[]
  summary: string
}

/**
 * The services a security server may publish. Each is the same route, schemas, policy and audit as the web's
 * call — only the way in differs. Administration (agreements, keys, authorities, the allow-list) is not published.
 */
export const PUBLISHED_SERVICES: readonly PublishedService[] = [
  { code: 'agreements', prefix: '/api/exchange/agreements', methods: ['GET'], summary: 'Agreements' },
  { code: 'arrivals', prefix: '/api/exchange/arrivals', methods: ['GET'], summary: 'Expected arrivals' },
  {
    code: 'messages',
    prefix: '/api/exchange/messages',
    methods: ['GET', 'POST'],
    summary: 'Inbox and outbox',
  },
  {
    code: 'verification-lists',
    prefix: '/api/exchange/verification-lists',
    methods: ['GET', 'POST'],
    summary: 'Nationality verification lists',
  },
  {
    code: 'follow-ups',
    prefix: '/api/exchange/follow-ups',
    methods: ['GET'],
    summary: 'Follow-up reports due',
  },
  { code: 'counts', prefix: '/api/exchange/counts', methods: ['GET'], summary: 'GCM 23 counts' },
  {
    code: 'inbox',
    prefix: '/api/exchange/inbox',
    methods: ['POST'],
    summary: 'Partner inbox (signed messages)',
  },
  { code: 'keys', prefix: '/api/exchange/keys', methods: ['GET'], summary: 'Public keys' },
]

export interface ServiceCall {
  /** The canonical service id, `PROVIDER/SERVICE`. */
  serviceId: string
  service: PublishedService
  /** The Passage URL the call is served by (path still percent-encoded, query unchanged). */
  target: string
}

/** A segment that is empty, climbs (`..`, also encoded) or hides a separator or control character once decoded. */
function unsafeSegment(raw: string): boolean {
  let s: string
  try {
    s = decodeURIComponent(raw)
  } catch {
    return true
  }
  return s === '' || s === '.' || s === '..' || /[/\\\u0000-\u001f\u007f]/.test(s)
}

/**
 * Reads `/r1/{provider}/{SERVICE}[/path][?query]` for this provider (`provider` in canonical form). The rest of
 * the path must be plain segments: no empty, `.` or `..` segment, no encoded `/` or `\` that could climb out of
 * the published prefix.
 */
export function parseServicePath(url: string, method: string, provider: string): Parsed<ServiceCall> {
  const q = url.indexOf('?')
  const path = q < 0 ? url : url.slice(0, q)
  const query = q < 0 ? '' : url.slice(q)
  if (path.length > 2000) return fail('path_malformed')
  const segments = path.split('/')
  if (segments[0] !== '' || segments[1] !== XROAD_PROTOCOL) return fail('path_malformed')
  const own = provider.split('/')
  const parts = segments.slice(2, 3 + own.length).map(decodePart)
  if (parts.length < own.length + 1 || parts.some((p) => p === null)) return fail('service_malformed')
  const code = parts.pop() as string
  if (parts.join('/') !== provider) return fail('unknown_service')
  const service = PUBLISHED_SERVICES.find((s) => s.code === code)
  if (!service) return fail('unknown_service')
  const upper = method.toUpperCase()
  if (!service.methods.includes(upper === 'HEAD' ? 'GET' : upper)) return fail('method_not_published')
  const rest = segments.slice(3 + own.length)
  if (rest.some(unsafeSegment)) return fail('path_malformed')
  const target = [service.prefix, ...rest].join('/') + query
  return { ok: true, value: { serviceId: `${provider}/${code}`, service, target } }
}

/** The `X-Road-Service` header a provider's security server adds, compared in canonical form. */
export function sameServiceId(header: string, serviceId: string): boolean {
  const parts = header.split('/').map(decodePart)
  return !parts.some((p) => p === null) && parts.join('/') === serviceId
}

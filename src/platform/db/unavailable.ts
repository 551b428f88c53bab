/**
 * Whether an error means "the database cannot be reached right now" rather than "this request is wrong": the
 * server restarting or failing over, an administrator ending a connection, the network dropping. Such a request
 * changed nothing that was acknowledged (its transaction rolled back, or its commit is unknown and a retry with
 * the same idempotency key finds it), so the caller is told to retry instead of being shown an internal error.
 */

// SQLSTATEs of a server going away or refusing connections for now: class 08 (connection exception) is matched
// by prefix; 57P01 admin_shutdown (`pg_terminate_backend`, a fast shutdown), 57P02 crash_shutdown, 57P03
// cannot_connect_now (starting up, shutting down, in recovery), 57P05 idle session timeout, 53300 too many
// connections.
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '57P05', '53300'])

// Socket errors from Node when the server is down or the connection broke under us.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
])

// `pg` reports a dead or unusable connection, and the pool's connection timeout, by message only.
const PG_MESSAGES = [
  'Connection terminated',
  'connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
  // A read replica cancels a query whose rows its replay must remove (SQLSTATE 40001 or 57P04 with this text):
  // the same read sent again succeeds, on the replica or, if it fell behind, on the primary.
  'due to conflict with recovery',
]

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false
  const e = err as { code?: unknown; message?: unknown; errors?: unknown; retryable?: unknown }
  // Marked by the statement cache: the statement failed because of its name, and the same request sent again runs.
  if (e.retryable === true) return true
  if (typeof e.code === 'string') {
    if (e.code.startsWith('08') && e.code.length === 5) return true
    if (UNAVAILABLE_STATES.has(e.code) || SOCKET_CODES.has(e.code)) return true
  }
  // Node wraps the attempts at each address of a host name (IPv4 and IPv6) into one AggregateError.
  if (Array.isArray(e.errors) && e.errors.some(isDatabaseUnavailable)) return true
  const message = typeof e.message === 'string' ? e.message : ''
  return PG_MESSAGES.some((m) => message.includes(m))
}

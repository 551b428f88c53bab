import type { Executor } from '../../platform/db/database.ts'
import type { UserRow } from '../../platform/db/schema.ts'
import type { SessionCache } from './session-cache.ts'
import type { SessionPolicy } from './session-policy.ts'
import { hashToken } from './session-token.ts'
import { deleteSession, type SessionRecord, touchSession } from './sessions.repository.ts'

export type AuthResult =
  | { ok: true; user: UserRow; session: SessionRecord }
  | { ok: false; code: 'not_authenticated' | 'session_expired' | 'account_disabled' }

// Writing last_seen_at on every request would double the write load of reads; a minute is precise enough.
const TOUCH_EVERY_MS = 60_000

/** A process's session cache and the `auth` version the request read from the database just before. */
export interface CachedSessions {
  cache: SessionCache
  authVersion: number
}

/**
 * Resolves a session cookie to its user, enforcing idle and absolute expiry. With `cached`, a session resolved at
 * the same `auth` version is taken from memory (no lookup): nothing that revokes it or changes its user has
 * committed since, anywhere, or the version would differ.
 */
export async function authenticate(
  db: Executor,
  policy: SessionPolicy,
  token: string | undefined,
  now = new Date(),
  cached?: CachedSessions,
): Promise<AuthResult> {
  if (!token || token.length > 200) return { ok: false, code: 'not_authenticated' }
  const idHash = hashToken(token)
  const hit = cached?.cache.find(idHash, cached.authVersion, now.getTime())
  // A cached session that looks idle may have been used through another process since: the database decides.
  if (
    hit &&
    now.getTime() - hit.session.lastSeenAt.getTime() <= policy.idleMs &&
    now <= hit.session.expiresAt
  ) {
    if (now.getTime() - hit.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await touchSession(db, idHash, now)
      hit.session.lastSeenAt = now
    }
    return { ok: true, user: hit.user, session: hit.session }
  }
  const result = await lookUp(db, policy, idHash, now)
  if (cached) {
    if (result.ok)
      cached.cache.remember(idHash, cached.authVersion, now.getTime(), result.user, result.session)
    else cached.cache.forget(idHash)
  }
  return result
}

async function lookUp(db: Executor, policy: SessionPolicy, idHash: string, now: Date): Promise<AuthResult> {
  // One round trip for session and user.
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.csrf_token',
      'sessions.created_at as session_created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst()
  if (!row) return { ok: false, code: 'not_authenticated' }
  const { csrf_token, session_created_at, last_seen_at, expires_at, ...user } = row
  const session: SessionRecord = {
    idHash,
    userId: user.id,
    csrfToken: csrf_token,
    createdAt: session_created_at,
    lastSeenAt: last_seen_at,
    expiresAt: expires_at,
  }
  const idle = now.getTime() - session.lastSeenAt.getTime() > policy.idleMs
  if (idle || now > session.expiresAt) {
    await deleteSession(db, idHash)
    return { ok: false, code: 'session_expired' }
  }
  if (user.disabled) {
    await deleteSession(db, idHash)
    return { ok: false, code: 'account_disabled' }
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(db, idHash, now)
    session.lastSeenAt = now
  }
  return { ok: true, user, session }
}

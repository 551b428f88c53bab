import type { Executor } from '../../platform/db/database.ts'
import type { UserRow } from '../../platform/db/schema.ts'
import type { SessionPolicy } from './session-policy.ts'
import { hashToken } from './session-token.ts'
import { deleteSession, type SessionRecord, touchSession } from './sessions.repository.ts'

export type AuthResult =
  | { ok: true; user: UserRow; session: SessionRecord }
  | { ok: false; code: 'not_authenticated' | 'session_expired' | 'account_disabled' }

// Writing last_seen_at on every request would double the write load of reads; a minute is precise enough.
const TOUCH_EVERY_MS = 60_000

/** Resolves a session cookie to its user, enforcing idle and absolute expiry. */
export async function authenticate(
  db: Executor,
  policy: SessionPolicy,
  token: string | undefined,
  now = new Date(),
): Promise<AuthResult> {
  if (!token || token.length > 200) return { ok: false, code: 'not_authenticated' }
  const idHash = hashToken(token)
  // One round trip for session and user: this runs on every request.
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
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(db, idHash, now)
  return { ok: true, user, session }
}

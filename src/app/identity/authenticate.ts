import type { Executor } from '../../platform/db/database.ts'
import type { UserRow } from '../../platform/db/schema.ts'
import type { SessionPolicy } from './session-policy.ts'
import { hashToken } from './session-token.ts'
import { deleteSession, findSession, type SessionRecord, touchSession } from './sessions.repository.ts'
import { findUserById } from './users.repository.ts'

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
  const session = await findSession(db, idHash)
  if (!session) return { ok: false, code: 'not_authenticated' }
  const idle = now.getTime() - session.lastSeenAt.getTime() > policy.idleMs
  if (idle || now > session.expiresAt) {
    await deleteSession(db, idHash)
    return { ok: false, code: 'session_expired' }
  }
  const user = await findUserById(db, session.userId)
  if (!user || user.disabled) {
    await deleteSession(db, idHash)
    return { ok: false, code: user ? 'account_disabled' : 'not_authenticated' }
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(db, idHash, now)
  return { ok: true, user, session }
}

import { appendAudit } from '../../platform/audit/audit-log.ts'
import { burnPasswordCheck, verifyPassword } from '../../platform/auth/password-hash.ts'
import type { Tx } from '../../platform/db/database.ts'
import type { UserRow } from '../../platform/db/schema.ts'
import type { Locale } from '../../platform/i18n/catalog.ts'
import { countPasswordFailure, isLocked, minutesUntil } from './password-failures.ts'
import type { SessionPolicy } from './session-policy.ts'
import { hashToken, newToken } from './session-token.ts'
import { insertSession } from './sessions.repository.ts'
import { findUserByUsername, lockUserById, updateUserRow } from './users.repository.ts'

export interface SignInOptions {
  trx: Tx
  policy: SessionPolicy
  username: string
  password: string
  ip: string | null
  userAgent: string | null
  /** The language chosen on purpose on the sign-in page: it becomes the profile's (kept, and stored). */
  locale?: Locale
  now?: Date
}

export type SignInResult =
  | { ok: true; token: string; csrfToken: string; user: UserRow }
  | { ok: false; code: 'invalid_credentials' | 'account_disabled' }

/**
 * Returns failures as data instead of throwing, so the transaction still commits the failure count
 * and the audit entry; the route turns the result into an error response afterwards.
 *
 * An unknown name, a wrong password and a locked account answer alike (`invalid_credentials`), and each costs one
 * password hash, so neither the answer nor its time tells a guesser which names exist or which are locked; the
 * audit log keeps the real reason for the administrators.
 */
export async function signIn(o: SignInOptions): Promise<SignInResult> {
  const now = o.now ?? new Date()
  const actor = { id: null, username: o.username.slice(0, 100), ip: o.ip }
  const found = await findUserByUsername(o.trx, o.username)
  if (!found) {
    await burnPasswordCheck(o.password)
    await appendAudit(o.trx, actor, {
      action: 'sign_in_failed',
      resource: 'session',
      details: { reason: 'unknown_user' },
    })
    return { ok: false, code: 'invalid_credentials' }
  }
  const user = (await lockUserById(o.trx, found.id))!
  const who = { id: user.id, username: user.username, ip: o.ip }
  const passwordOk = await verifyPassword(o.password, user.password_hash)
  if (isLocked(user, now)) {
    // Checked after the hash on purpose: a locked account costs what any other attempt does.
    await appendAudit(o.trx, who, {
      action: 'sign_in_refused',
      resource: 'session',
      details: { reason: 'locked', minutesLeft: minutesUntil(user.locked_until!, now) },
    })
    return { ok: false, code: 'invalid_credentials' }
  }
  if (!passwordOk) {
    const { failures, locked } = await countPasswordFailure({ trx: o.trx, user, policy: o.policy, now })
    await appendAudit(o.trx, who, {
      action: locked ? 'account_locked' : 'sign_in_failed',
      resource: 'session',
      details: { reason: 'bad_password', failures },
    })
    return { ok: false, code: 'invalid_credentials' }
  }
  if (user.disabled) {
    await appendAudit(o.trx, who, {
      action: 'sign_in_refused',
      resource: 'session',
      details: { reason: 'disabled' },
    })
    return { ok: false, code: 'account_disabled' }
  }
  const token = newToken()
  const csrfToken = newToken()
  await insertSession(o.trx, {
    idHash: hashToken(token),
    userId: user.id,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + o.policy.absoluteMs),
    ip: o.ip,
    userAgent: o.userAgent,
  })
  const chosen = o.locale && o.locale !== user.locale ? { locale: o.locale } : {}
  const updated = await updateUserRow(o.trx, user.id, { failed_signins: 0, locked_until: null, ...chosen })
  await appendAudit(o.trx, who, { action: 'sign_in', resource: 'session', recordId: user.id })
  if (chosen.locale)
    await appendAudit(o.trx, who, {
      action: 'set_locale',
      resource: 'user',
      recordId: user.id,
      details: { locale: chosen.locale },
    })
  return { ok: true, token, csrfToken, user: updated }
}

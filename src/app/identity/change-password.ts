import { checkPassword } from '../../domain/identity/password-rules.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import { hashPassword, verifyPassword } from '../../platform/auth/password-hash.ts'
import type { Tx } from '../../platform/db/database.ts'
import type { UserRow } from '../../platform/db/schema.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from './actor.ts'
import { countPasswordFailure, isLocked, minutesUntil } from './password-failures.ts'
import type { SessionPolicy } from './session-policy.ts'
import { deleteUserSessions } from './sessions.repository.ts'
import { lockUserById, updateUserRow } from './users.repository.ts'

export interface ChangePasswordOptions {
  trx: Tx
  policy: SessionPolicy
  actor: RequestActor
  currentPassword: string
  newPassword: string
  /** The caller's own session survives; every other session of the user is signed out. */
  keepSessionHash: string
  now?: Date
}

export type ChangePasswordResult =
  | { ok: true; user: UserRow }
  | { ok: false; code: 'invalid_credentials' }
  | { ok: false; code: 'account_locked'; retryAfterMinutes: number }

/**
 * A wrong current password counts as a failed sign-in (issue 12 §7): a stolen session could otherwise guess the
 * password without limit. Failures are returned as data, as sign-in does, so the count commits before the error.
 * When the count locks the account every session of the user ends with it — the caller's included, since a
 * session that guesses its own password is the thing being defended against.
 */
export async function changePassword(o: ChangePasswordOptions): Promise<ChangePasswordResult> {
  const now = o.now ?? new Date()
  const user = await lockUserById(o.trx, o.actor.id)
  if (!user) throw new AppError('not_found')
  const who = auditActor(o.actor)
  if (isLocked(user, now)) {
    await appendAudit(o.trx, who, {
      action: 'change_password_refused',
      resource: 'user',
      recordId: user.id,
      details: { reason: 'locked' },
    })
    return { ok: false, code: 'account_locked', retryAfterMinutes: minutesUntil(user.locked_until!, now) }
  }
  if (!(await verifyPassword(o.currentPassword, user.password_hash))) {
    const { failures, locked } = await countPasswordFailure({ trx: o.trx, user, policy: o.policy, now })
    if (locked) await deleteUserSessions(o.trx, user.id)
    await appendAudit(o.trx, who, {
      action: locked ? 'account_locked' : 'change_password_failed',
      resource: 'user',
      recordId: user.id,
      details: { reason: 'bad_current_password', failures },
    })
    return locked
      ? { ok: false, code: 'account_locked', retryAfterMinutes: Math.ceil(o.policy.lockMs / 60_000) }
      : { ok: false, code: 'invalid_credentials' }
  }
  assertStrongPassword(o.newPassword, user.username, o.currentPassword)
  const updated = await updateUserRow(o.trx, user.id, {
    password_hash: await hashPassword(o.newPassword),
    must_change_password: false,
    password_changed_at: now,
    failed_signins: 0,
  })
  await deleteUserSessions(o.trx, user.id, o.keepSessionHash)
  await appendAudit(o.trx, who, {
    action: 'change_password',
    resource: 'user',
    recordId: user.id,
  })
  return { ok: true, user: updated }
}

export function assertStrongPassword(password: string, username: string, previous?: string): void {
  const problems = checkPassword(password, username, previous)
  if (problems.length) {
    throw new AppError(
      'weak_password',
      {},
      problems.map((code) => ({ path: 'body.newPassword', code: `password.${code}` })),
    )
  }
}

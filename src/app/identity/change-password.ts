import { checkPassword } from '../../domain/identity/password-rules.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import { hashPassword, verifyPassword } from '../../platform/auth/password-hash.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from './actor.ts'
import { deleteUserSessions } from './sessions.repository.ts'
import { lockUserById, updateUserRow } from './users.repository.ts'

export interface ChangePasswordOptions {
  trx: Tx
  actor: RequestActor
  currentPassword: string
  newPassword: string
  /** The caller's own session survives; every other session of the user is signed out. */
  keepSessionHash: string
}

export async function changePassword(o: ChangePasswordOptions) {
  const user = await lockUserById(o.trx, o.actor.id)
  if (!user) throw new AppError('not_found')
  if (!(await verifyPassword(o.currentPassword, user.password_hash)))
    throw new AppError('invalid_credentials')
  assertStrongPassword(o.newPassword, user.username, o.currentPassword)
  const updated = await updateUserRow(o.trx, user.id, {
    password_hash: await hashPassword(o.newPassword),
    must_change_password: false,
    password_changed_at: new Date(),
  })
  await deleteUserSessions(o.trx, user.id, o.keepSessionHash)
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'change_password',
    resource: 'user',
    recordId: user.id,
  })
  return updated
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

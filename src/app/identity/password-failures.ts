import type { Tx } from '../../platform/db/database.ts'
import type { UserRow } from '../../platform/db/schema.ts'
import type { SessionPolicy } from './session-policy.ts'
import { updateUserRow } from './users.repository.ts'

/**
 * One more wrong password for `user` (whose row the caller has locked): counted, and the account locked at the
 * policy's limit. Sign-in and password change share it, so a guesser at the sign-in form and one holding a stolen
 * session meet the same lock-out on the same counter.
 */
export async function countPasswordFailure(o: {
  trx: Tx
  user: UserRow
  policy: SessionPolicy
  now: Date
}): Promise<{ failures: number; locked: boolean }> {
  const failures = o.user.failed_signins + 1
  const locked = failures >= o.policy.maxFailures
  await updateUserRow(o.trx, o.user.id, {
    failed_signins: locked ? 0 : failures,
    locked_until: locked ? new Date(o.now.getTime() + o.policy.lockMs) : o.user.locked_until,
  })
  return { failures, locked }
}

export function isLocked(user: UserRow, now: Date): boolean {
  return user.locked_until !== null && user.locked_until > now
}

export function minutesUntil(t: Date, now: Date): number {
  return Math.max(1, Math.ceil((t.getTime() - now.getTime()) / 60_000))
}

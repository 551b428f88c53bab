import { randomUUID } from 'node:crypto'
import type { Role, Scope } from '../../domain/identity/roles.ts'
import {
  type Account,
  type Refusal,
  refuseChange,
  refuseCreation,
} from '../../domain/identity/user-grants.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import { hashPassword } from '../../platform/auth/password-hash.ts'
import type { Tx } from '../../platform/db/database.ts'
import type { UserRow } from '../../platform/db/schema.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from './actor.ts'
import { assertStrongPassword } from './change-password.ts'
import { deleteUserSessions } from './sessions.repository.ts'
import { findUserByUsername, insertUser, lockUserById, updateUserRow } from './users.repository.ts'

export interface NewUser {
  username: string
  displayName: string
  role: Role
  agencyCode: string
  postCode: string | null
  scope: Scope
  password: string
  locale?: 'en' | 'km'
}

/** A refused grant: 403 with each refused field named, so the screen can point at it. */
function refused(refusals: Refusal[]): AppError {
  return new AppError(
    'forbidden',
    {},
    refusals.map((r) => ({
      ...(r.field ? { path: `body.${r.field}` } : {}),
      code: `identity.grant.${r.reason}`,
    })),
  )
}

function accountOf(u: UserRow): Account {
  return {
    id: u.id,
    role: u.role as Role,
    agencyCode: u.agency_code,
    postCode: u.post_code,
    scope: u.scope as Scope,
  }
}

async function assertPlacement(trx: Tx, u: { agencyCode: string; postCode: string | null; scope: Scope }) {
  const agency = await trx
    .selectFrom('agencies')
    .select('code')
    .where('code', '=', u.agencyCode)
    .executeTakeFirst()
  if (!agency)
    throw new AppError('validation_failed', {}, [{ path: 'body.agencyCode', code: 'unknown_agency' }])
  if (u.postCode) {
    const post = await trx
      .selectFrom('points_of_entry')
      .select('code')
      .where('code', '=', u.postCode)
      .executeTakeFirst()
    if (!post) throw new AppError('validation_failed', {}, [{ path: 'body.postCode', code: 'unknown_post' }])
  } else if (u.scope === 'post') {
    throw new AppError('validation_failed', {}, [
      { path: 'body.postCode', code: 'post_required_for_post_scope' },
    ])
  }
}

/**
 * Creates a user; `actor` is null only for the CLI and the demo seed, which run with the operator's authority.
 * Anyone else places the user only within their own reach (`domain/identity/user-grants.ts`).
 * Users created by someone else must change their password at first sign-in.
 */
export async function createUser(o: {
  trx: Tx
  actor: RequestActor | null
  user: NewUser
}): Promise<UserRow> {
  const u = o.user
  if (o.actor) {
    const refusals = refuseCreation(o.actor, u)
    if (refusals.length) throw refused(refusals)
  }
  await assertPlacement(o.trx, u)
  if (await findUserByUsername(o.trx, u.username))
    throw new AppError('username_taken', { username: u.username })
  assertStrongPassword(u.password, u.username)
  const now = new Date()
  const row = await insertUser(o.trx, {
    id: randomUUID(),
    username: u.username,
    display_name: u.displayName,
    role: u.role,
    agency_code: u.agencyCode,
    post_code: u.postCode,
    scope: u.scope,
    password_hash: await hashPassword(u.password),
    must_change_password: true,
    locale: u.locale ?? 'en',
    password_changed_at: now,
  })
  await appendAudit(o.trx, o.actor ? auditActor(o.actor) : systemActor, {
    action: 'create',
    resource: 'user',
    recordId: row.id,
    details: {
      username: u.username,
      role: u.role,
      agencyCode: u.agencyCode,
      postCode: u.postCode,
      scope: u.scope,
    },
  })
  return row
}

export const systemActor = { id: null, username: 'system', ip: null }

export interface UserChanges {
  displayName?: string
  role?: Role
  agencyCode?: string
  postCode?: string | null
  scope?: Scope
  disabled?: boolean
}

/**
 * Edits, disables or re-enables a user. The account must be within the actor's reach as it is and as it would be,
 * and nobody changes their own placement; `actor` null is the operator (CLI).
 */
export async function updateUser(o: {
  trx: Tx
  actor: RequestActor | null
  userId: string
  changes: UserChanges
}) {
  const user = await lockUserById(o.trx, o.userId)
  if (!user) throw new AppError('not_found')
  const current = accountOf(user)
  const next = {
    role: o.changes.role ?? current.role,
    agencyCode: o.changes.agencyCode ?? current.agencyCode,
    postCode: o.changes.postCode === undefined ? current.postCode : o.changes.postCode,
    scope: o.changes.scope ?? current.scope,
  }
  const action = o.changes.disabled === true && Object.keys(o.changes).length === 1 ? 'disable' : 'update'
  if (o.actor) {
    const refusals = refuseChange(o.actor, action, current, next)
    if (refusals.length) throw refused(refusals)
    // An administrator locking themselves out leaves a post with nobody able to fix it.
    if (o.actor.id === user.id && o.changes.disabled)
      throw new AppError('conflict', { reason: 'self_lockout' })
  }
  await assertPlacement(o.trx, next)
  const updated = await updateUserRow(o.trx, user.id, {
    display_name: o.changes.displayName ?? user.display_name,
    role: next.role,
    agency_code: next.agencyCode,
    post_code: next.postCode,
    scope: next.scope,
    disabled: o.changes.disabled ?? user.disabled,
  })
  if (o.changes.disabled) await deleteUserSessions(o.trx, user.id)
  await appendAudit(o.trx, o.actor ? auditActor(o.actor) : systemActor, {
    action: o.changes.disabled === true ? 'disable' : o.changes.disabled === false ? 'enable' : 'update',
    resource: 'user',
    recordId: user.id,
    details: { changes: o.changes },
  })
  return updated
}

/** Sets a temporary password the user must replace at next sign-in; also lifts a lock-out. */
export async function resetPassword(o: {
  trx: Tx
  actor: RequestActor | null
  userId: string
  password: string
}) {
  const user = await lockUserById(o.trx, o.userId)
  if (!user) throw new AppError('not_found')
  if (o.actor) {
    // Resetting a wider account's password is taking it over: the account must be within reach.
    const refusals = refuseChange(o.actor, 'reset_password', accountOf(user), accountOf(user))
    if (refusals.length) throw refused(refusals)
  }
  assertStrongPassword(o.password, user.username)
  const updated = await updateUserRow(o.trx, user.id, {
    password_hash: await hashPassword(o.password),
    must_change_password: true,
    failed_signins: 0,
    locked_until: null,
    password_changed_at: new Date(),
  })
  await deleteUserSessions(o.trx, user.id)
  await appendAudit(o.trx, o.actor ? auditActor(o.actor) : systemActor, {
    action: 'reset_password',
    resource: 'user',
    recordId: user.id,
  })
  return updated
}

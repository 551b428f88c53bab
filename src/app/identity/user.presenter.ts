import type { UserRow } from '../../platform/db/schema.ts'

/** What a client may see of a user: never the hash, the failure count or internal timestamps. */
export function presentUser(u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    agencyCode: u.agency_code,
    postCode: u.post_code,
    scope: u.scope,
    disabled: u.disabled,
    locale: u.locale,
    mustChangePassword: u.must_change_password,
    lockedUntil: u.locked_until ? u.locked_until.toISOString() : null,
    createdAt: u.created_at.toISOString(),
  }
}

export type UserView = ReturnType<typeof presentUser>

import type { Scope } from '../../domain/identity/roles.ts'
import type { UserRow } from '../../platform/db/schema.ts'
import type { Locale } from '../../platform/i18n/catalog.ts'

/** What a client may see of a user: never the hash, the failure count or internal timestamps. */
export function presentUser(u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    agencyCode: u.agency_code,
    postCode: u.post_code,
    // `scope` has a CHECK of these values, `locale` is only ever written through z.enum(LOCALES): the
    // contract (and so the web) names them.
    scope: u.scope as Scope,
    disabled: u.disabled,
    locale: u.locale as Locale,
    mustChangePassword: u.must_change_password,
    lockedUntil: u.locked_until ? u.locked_until.toISOString() : null,
    createdAt: u.created_at.toISOString(),
  }
}

export type UserView = ReturnType<typeof presentUser>

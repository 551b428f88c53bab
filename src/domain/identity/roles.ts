export const ROLES = [
  'frontline_officer',
  'shift_supervisor',
  'post_chief',
  'investigator',
  'social_worker',
  'case_manager',
  'analyst',
  'administrator',
] as const
export type Role = (typeof ROLES)[number]

/** How far a user's authority reaches, narrowest first. */
export const SCOPES = ['post', 'agency', 'national'] as const
export type Scope = (typeof SCOPES)[number]

export const AGENCY_KINDS = [
  'immigration',
  'police',
  'customs',
  'social_affairs',
  'counter_trafficking',
  'international',
  'ngo',
] as const
export type AgencyKind = (typeof AGENCY_KINDS)[number]

/** Roles that may see protection content (victim status, exploitation details, health). */
export const PROTECTION_ROLES: readonly Role[] = ['social_worker', 'case_manager']

export function narrowerScope(a: Scope, b: Scope): Scope {
  return SCOPES.indexOf(a) <= SCOPES.indexOf(b) ? a : b
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

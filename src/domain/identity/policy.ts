import { narrowerScope, type Role, type Scope } from './roles.ts'

export const RESOURCES = ['user', 'agency', 'post', 'audit', 'reference', 'session'] as const
export type Resource = (typeof RESOURCES)[number]

export const ACTIONS = ['read', 'create', 'update', 'disable', 'reset_password', 'verify'] as const
export type Action = (typeof ACTIONS)[number]

export interface Grant {
  role: Role
  action: Action
  resource: Resource
  /** The widest scope this grant reaches; the user's own scope may narrow it further. */
  scope: Scope
}

const everyone: Role[] = [
  'frontline_officer',
  'shift_supervisor',
  'post_chief',
  'investigator',
  'social_worker',
  'case_manager',
  'analyst',
  'administrator',
]

function grant(roles: Role[], actions: Action[], resource: Resource, scope: Scope): Grant[] {
  return roles.flatMap((role) => actions.map((action) => ({ role, action, resource, scope })))
}

/** The whole authorisation table: role × action × resource × scope. Anything not listed is denied. */
export const POLICY: readonly Grant[] = Object.freeze([
  ...grant(everyone, ['read'], 'reference', 'national'),
  ...grant(everyone, ['read'], 'agency', 'national'),
  ...grant(everyone, ['read'], 'post', 'national'),
  ...grant(['administrator'], ['create', 'update'], 'agency', 'national'),
  ...grant(['administrator'], ['create', 'update'], 'post', 'national'),
  ...grant(['administrator'], ['read', 'create', 'update', 'disable', 'reset_password'], 'user', 'national'),
  ...grant(['post_chief'], ['read'], 'user', 'post'),
  ...grant(['shift_supervisor'], ['read'], 'user', 'post'),
  ...grant(['administrator'], ['read', 'verify'], 'audit', 'national'),
])

export interface Actor {
  id: string
  role: Role
  scope: Scope
  agencyCode: string
  postCode: string | null
}

/** What a record is attached to, for scope checks. Omitted parts are not constrained. */
export interface Target {
  agencyCode?: string | null
  postCode?: string | null
}

/** The scope at which `actor` may do `action` on `resource`, or null when denied. */
export function allowedScope(actor: Actor, action: Action, resource: Resource): Scope | null {
  const g = POLICY.find((p) => p.role === actor.role && p.action === action && p.resource === resource)
  return g ? narrowerScope(g.scope, actor.scope) : null
}

export function inScope(actor: Actor, scope: Scope, target: Target | undefined): boolean {
  if (scope === 'national' || !target) return true
  if (scope === 'agency') return target.agencyCode == null || target.agencyCode === actor.agencyCode
  return (
    (target.agencyCode == null || target.agencyCode === actor.agencyCode) &&
    (target.postCode == null || (actor.postCode !== null && target.postCode === actor.postCode))
  )
}

export function can(actor: Actor, action: Action, resource: Resource, target?: Target): boolean {
  const scope = allowedScope(actor, action, resource)
  return scope !== null && inScope(actor, scope, target)
}

/** The navigation areas of the web shell a role may open, derived from the table so they never disagree. */
export function capabilities(actor: Actor): string[] {
  return POLICY.filter((g) => g.role === actor.role).map((g) => `${g.resource}:${g.action}`)
}

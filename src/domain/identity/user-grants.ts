import { type Actor, allowedScope } from './policy.ts'
import { type Role, SCOPES, type Scope } from './roles.ts'

/**
 * Who may place a user where. The policy table says whether an actor administers users at all and how far
 * (`user:create@national`, narrowed to the actor's own scope); this file applies that reach to the accounts
 * themselves: the one being changed, as it is now and as it would become. Issue 12 §2: an administrator of one
 * agency could widen their own scope, create national administrators and move officers into other agencies,
 * because only the target's current agency and post were ever compared with the actor's.
 */

/** Where a user account sits: what it may do (role) and how far (agency, post, scope). */
export interface Placement {
  role: Role
  agencyCode: string
  postCode: string | null
  scope: Scope
}

export interface Account extends Placement {
  id: string
}

export type UserAdminAction = 'create' | 'update' | 'disable' | 'reset_password'

export const GRANT_REFUSALS = [
  /** The actor's role does not administer users this way at all. */
  'not_permitted',
  /** The account as it is now lies beyond the actor's reach (another agency or post, or a wider scope). */
  'account_beyond_reach',
  'agency_beyond_reach',
  'post_beyond_reach',
  'scope_beyond_reach',
  /** Nobody changes their own role, agency, post or scope: each would be a grant to oneself. */
  'own_placement',
] as const
export type GrantRefusal = (typeof GRANT_REFUSALS)[number]

export interface Refusal {
  reason: GrantRefusal
  /** The field of the new placement that is refused, when one is. */
  field?: keyof Placement
}

const rank = (s: Scope) => SCOPES.indexOf(s)

/** How far the actor's user administration reaches for `action`, or null when it does not exist. */
export function userAdminReach(actor: Actor, action: UserAdminAction): Scope | null {
  return allowedScope(actor, action, 'user')
}

/** What in `p` lies beyond a reach of `reach` from the actor's own agency and post. */
function beyondReach(actor: Actor, reach: Scope, p: Placement): Refusal[] {
  const out: Refusal[] = []
  if (reach !== 'national' && p.agencyCode !== actor.agencyCode)
    out.push({ reason: 'agency_beyond_reach', field: 'agencyCode' })
  if (reach === 'post' && (actor.postCode === null || p.postCode !== actor.postCode))
    out.push({ reason: 'post_beyond_reach', field: 'postCode' })
  // A user's scope is how far their own grants reach: granting a wider one than the actor's is granting more.
  if (rank(p.scope) > rank(reach)) out.push({ reason: 'scope_beyond_reach', field: 'scope' })
  return out
}

/** Whether the actor may act on this account as it stands (open it for editing, disable it, reset its password). */
export function mayAdminister(
  actor: Actor,
  action: Exclude<UserAdminAction, 'create'>,
  account: Placement,
): boolean {
  const reach = userAdminReach(actor, action)
  return reach !== null && beyondReach(actor, reach, account).length === 0
}

/** Why the actor may not create a user placed at `next`; empty when they may. */
export function refuseCreation(actor: Actor, next: Placement): Refusal[] {
  const reach = userAdminReach(actor, 'create')
  if (reach === null) return [{ reason: 'not_permitted' }]
  return beyondReach(actor, reach, next)
}

const PLACEMENT_FIELDS = ['role', 'agencyCode', 'postCode', 'scope'] as const

/**
 * Why the actor may not take `current` to `next` by `action` (for a disable or a password reset, `next` is
 * `current`); empty when they may. The account must be within reach both before and after, so nobody pulls a
 * user in from outside nor pushes one out of their own control into somewhere wider.
 */
export function refuseChange(
  actor: Actor,
  action: Exclude<UserAdminAction, 'create'>,
  current: Account,
  next: Placement,
): Refusal[] {
  const reach = userAdminReach(actor, action)
  if (reach === null) return [{ reason: 'not_permitted' }]
  if (beyondReach(actor, reach, current).length > 0) return [{ reason: 'account_beyond_reach' }]
  const changed = PLACEMENT_FIELDS.filter((f) => current[f] !== next[f])
  if (current.id === actor.id && changed.length > 0)
    return changed.map((field) => ({ reason: 'own_placement', field }))
  return beyondReach(actor, reach, next)
}

/** What the admin screen may offer: the scopes the actor may grant, and the one agency or post they are held to. */
export interface GrantOptions {
  scopes: Scope[]
  /** The only agency the actor may place users in, or null for any. */
  agencyCode: string | null
  /** The only post the actor may place users at, or null for any (including none). */
  postCode: string | null
}

export function grantOptions(actor: Actor): GrantOptions {
  const reach = userAdminReach(actor, 'create')
  if (reach === null) return { scopes: [], agencyCode: actor.agencyCode, postCode: actor.postCode }
  return {
    scopes: SCOPES.filter((s) => rank(s) <= rank(reach)),
    agencyCode: reach === 'national' ? null : actor.agencyCode,
    postCode: reach === 'post' ? actor.postCode : null,
  }
}

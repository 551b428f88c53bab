import { PROTECTION_ROLES } from '../../domain/identity/roles.ts'
import type { Actor as DomainActor, Result } from '../../domain/protection/errors.ts'
import { PROTECTION_ERRORS } from '../../domain/protection/errors.ts'
import { AppError } from '../../platform/errors/codes.ts'
import type { RequestActor } from '../identity/actor.ts'

/**
 * Users belong to agencies, not to individual facilities: the domain's "organisation" of an actor is their
 * agency, so a referral to the MoSVY Poipet transit centre is answered by MoSVY's protection staff.
 */
export function domainActor(a: RequestActor): DomainActor {
  return { id: a.id, organisationId: a.agencyCode, roles: [a.role] }
}

export function isProtectionRole(a: RequestActor): boolean {
  return PROTECTION_ROLES.includes(a.role)
}

/** A domain refusal as the API's error: a full provider is `capacity_exhausted`, anything else a rule. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value
  const detail = { code: result.error.code, params: result.error.params ?? {} }
  throw new AppError(
    result.error.code === PROTECTION_ERRORS.noCapacity ? 'capacity_exhausted' : 'rule_violation',
    {},
    [detail],
  )
}

/** Follow-ups are due on calendar days in Cambodia, whatever the server's time zone. */

export const json = (value: unknown): string => JSON.stringify(value)

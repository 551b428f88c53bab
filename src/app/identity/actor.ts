import type { Actor } from '../../domain/identity/policy.ts'
import type { Role, Scope } from '../../domain/identity/roles.ts'
import type { AuditActor } from '../../platform/audit/audit-log.ts'
import type { UserRow } from '../../platform/db/schema.ts'

/** The signed-in user as every use case sees it: who they are for the policy, and for the audit log. */
export interface RequestActor extends Actor {
  username: string
  ip: string | null
  locale: string
}

export function actorFromUser(u: UserRow, ip: string | null): RequestActor {
  return {
    id: u.id,
    username: u.username,
    role: u.role as Role,
    scope: u.scope as Scope,
    agencyCode: u.agency_code,
    postCode: u.post_code,
    ip,
    locale: u.locale,
  }
}

export function auditActor(a: RequestActor): AuditActor {
  return { id: a.id, username: a.username, ip: a.ip }
}

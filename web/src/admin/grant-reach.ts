import type { Actor } from '../../../src/domain/identity/policy.ts'
import type { Role } from '../../../src/domain/identity/roles.ts'
import type { User } from '../api/types.ts'

export {
  grantOptions,
  mayAdminister,
} from '../../../src/domain/identity/user-grants.ts'

/**
 * The signed-in user as the grant rule sees them. The screen asks the same rule the server enforces
 * (`src/domain/identity/user-grants.ts`), so it offers only what the server would accept; the server still decides.
 */
export function actorOfUser(u: User): Actor {
  return { id: u.id, role: u.role as Role, scope: u.scope, agencyCode: u.agencyCode, postCode: u.postCode }
}

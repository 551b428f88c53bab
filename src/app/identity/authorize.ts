import { type Action, can, type Resource, type Target } from '../../domain/identity/policy.ts'
import { AppError } from '../../platform/errors/codes.ts'
import type { RequestActor } from './actor.ts'

/** The policy table's answer as a guard: routes call it before any use case runs. */
export function authorize(actor: RequestActor, action: Action, resource: Resource, target?: Target): void {
  if (!can(actor, action, resource, target)) throw new AppError('forbidden', { action, resource })
}

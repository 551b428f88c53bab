import type { FastifyRequest } from 'fastify'
import { type Action, can, type Resource, type Target } from '../../domain/identity/policy.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { actorOf } from '../../platform/http/auth-hooks.ts'
import type { RequestActor } from './actor.ts'

/** The policy table's answer as a guard: routes call it before any use case runs. */
export function authorize(actor: RequestActor, action: Action, resource: Resource, target?: Target): void {
  if (!can(actor, action, resource, target)) throw new AppError('forbidden', { action, resource })
}

/** The same check as a route option, for routes whose target is not a single record: `{ preHandler: guard('read', 'post') }`. */
export function guard(action: Action, resource: Resource) {
  return async (req: FastifyRequest) => authorize(actorOf(req), action, resource)
}

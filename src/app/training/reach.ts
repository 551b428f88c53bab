import { type Action, can, type Resource } from '../../domain/identity/policy.ts'
import { maySteerTraining, type TrainingReach, trainingReach } from '../../domain/training/reach.ts'
import type { Executor } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import type { RequestActor } from '../identity/actor.ts'

export function assertCan(actor: RequestActor, action: Action, resource: Resource): void {
  if (!can(actor, action, resource)) throw new AppError('forbidden', { action, resource })
}

/** Whose training records the actor reaches: it depends on the kind of the actor's agency (NCCT, IOM). */
export async function reachOf(db: Executor, actor: RequestActor): Promise<TrainingReach> {
  const agency = await db
    .selectFrom('agencies')
    .select('kind')
    .where('code', '=', actor.agencyCode)
    .executeTakeFirst()
  return trainingReach(actor, agency?.kind ?? '')
}

/** For the trainers' actions: the policy grant, then a reach wider than one's own record. */
export async function steeringReach(
  db: Executor,
  actor: RequestActor,
  resource: Resource,
): Promise<TrainingReach> {
  assertCan(actor, 'update', resource)
  const reach = await reachOf(db, actor)
  if (!maySteerTraining(reach)) throw new AppError('forbidden', { action: 'update', resource })
  return reach
}

/** Whether a participant (or trainee) with this post and user id is inside the reach. */
export function inReach(
  reach: TrainingReach,
  p: { userId: string | null; postCode: string | null },
): boolean {
  if (reach.kind === 'all') return true
  if (reach.kind === 'post') return p.postCode === reach.postCode
  return p.userId === reach.userId
}

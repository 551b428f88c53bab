import { checkMove, type SecondaryAction, secondaryState } from '../../domain/crossings/index.ts'
import { can } from '../../domain/identity/policy.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import type { RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { lockSecondary } from './secondary.repository.ts'
import type { SecondaryRow } from './secondary.tables.ts'

/**
 * Locks a referral for one move and checks who may make it: the policy at the referral's post (deciding is
 * `approve`), then the state machine. Two officers moving the same referral are serialised on its row.
 */
export async function referralFor(o: {
  trx: Tx
  actor: RequestActor
  secondaryId: string
  action: SecondaryAction
}): Promise<SecondaryRow> {
  const row = await lockSecondary(o.trx, o.secondaryId)
  if (!row) throw new AppError('not_found')
  const target = { postCode: row.post_code }
  authorize(o.actor, o.action === 'decide' ? 'approve' : 'update', 'secondary_inspection', target)
  const refusal = checkMove({
    state: secondaryState({ referredAt: row.referred_at, takenAt: row.taken_at, decidedAt: row.decided_at }),
    action: o.action,
    actorId: o.actor.id,
    takenBy: row.taken_by,
    mayDecide: can(o.actor, 'approve', 'secondary_inspection', target),
  })
  if (refusal) throw new AppError('rule_violation', {}, [refusal])
  return row
}

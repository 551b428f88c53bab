import { allowedScope, inScope } from '../../domain/identity/policy.ts'
import type { Executor } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import type { RequestActor } from '../identity/actor.ts'
import { companionsOf, crossingsOf } from './crossings.repository.ts'

/**
 * A traveller's crossings as the reader may see them: an officer or chief the ones at their post, an analyst all.
 * A traveller with crossings on record but none the reader may see is refused rather than shown as empty, so an
 * officer elsewhere cannot mistake "not yours" for "never crossed".
 */
export async function listCrossings(o: { db: Executor; actor: RequestActor; travellerId: string }) {
  const scope = allowedScope(o.actor, 'read', 'crossing')
  if (!scope) throw new AppError('forbidden', { action: 'read', resource: 'crossing' })
  const all = await crossingsOf(o.db, o.travellerId)
  const visible = all.filter((c) => inScope(o.actor, scope, { postCode: c.post_code }))
  if (all.length > 0 && visible.length === 0)
    throw new AppError('forbidden', { action: 'read', resource: 'crossing' })
  const companions = await companionsOf(
    o.db,
    visible.map((c) => c.id),
  )
  return { crossings: visible.reverse(), companions }
}

import { allowedScope, inScope } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { companionsOf, crossingsOf } from './crossings.repository.ts'

/**
 * A traveller's crossings as the reader may see them: an officer or chief the ones at their post, an analyst all.
 * A traveller with crossings on record but none the reader may see is refused rather than shown as empty, so an
 * officer elsewhere cannot mistake "not yours" for "never crossed". The read is audited in the same transaction.
 */
export async function listCrossings(o: {
  trx: Tx
  /** The read replica's handle (`Store.read`) for the movements; the audit entry is written in `trx`. */
  read?: Executor
  actor: RequestActor
  travellerId: string
}) {
  const scope = allowedScope(o.actor, 'read', 'crossing')
  if (!scope) throw new AppError('forbidden', { action: 'read', resource: 'crossing' })
  const all = await crossingsOf(o.read ?? o.trx, o.travellerId)
  const visible = all.filter((c) => inScope(o.actor, scope, { postCode: c.post_code }))
  if (all.length > 0 && visible.length === 0)
    throw new AppError('forbidden', { action: 'read', resource: 'crossing' })
  const companions = await companionsOf(
    o.read ?? o.trx,
    visible.map((c) => c.id),
  )
  // A person's movements are a sensitive read: who looked, at whose history, how much — never the movements.
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'read',
    resource: 'traveller',
    recordId: o.travellerId,
    details: { crossings: visible.length },
  })
  return { crossings: visible.reverse(), companions }
}

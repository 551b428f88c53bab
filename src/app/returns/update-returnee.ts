import type { ReturneeInput } from '../../domain/returns/index.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { checkedReturnee } from './check-returnee.ts'
import { findReturnee, returneeColumns } from './returns.repository.ts'
import type { ReturneeRow } from './returns.tables.ts'

/**
 * Corrects a registration: the returnee's own data only; where and when they were registered, the list they came
 * from and any referral stay as they were. The age is judged on the day of registration, not today.
 */
export async function updateReturnee(o: {
  trx: Tx
  actor: RequestActor
  id: string
  returnee: ReturneeInput
}): Promise<ReturneeRow & { referralProposed: boolean }> {
  const { trx, actor } = o
  authorize(actor, 'update', 'returnee')
  const before = await findReturnee(trx, o.id, true)
  if (!before) throw new AppError('not_found')
  authorize(actor, 'update', 'returnee', { postCode: before.post_code })
  const { returnee, referralProposed } = await checkedReturnee(trx, o.returnee, before.registered_on)
  const columns = returneeColumns(returnee)
  const row = await trx
    .updateTable('returnees')
    .set({ ...columns, updated_at: new Date(), updated_by: actor.id })
    .where('id', '=', o.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  // Which fields changed, never their values: names and phones stay out of the audit log.
  const changed = (Object.keys(columns) as (keyof typeof columns)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(row[k]),
  )
  await appendAudit(trx, auditActor(actor), {
    action: 'update',
    resource: 'returnee',
    recordId: row.id,
    details: { changed },
  })
  return { ...row, referralProposed: referralProposed && !row.referral_id }
}

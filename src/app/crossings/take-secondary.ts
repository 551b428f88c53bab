import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import type { SecondaryRow } from './secondary.tables.ts'
import { referralFor } from './secondary-access.ts'

/** An officer takes a waiting traveller into interview (or a supervisor takes over one): the wait ends here. */
export async function takeSecondary(o: {
  trx: Tx
  actor: RequestActor
  secondaryId: string
}): Promise<SecondaryRow> {
  const before = await referralFor({ ...o, action: 'take' })
  const row = await o.trx
    .updateTable('secondary_inspections')
    .set({ taken_by: o.actor.id, taken_at: new Date() })
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'take',
    resource: 'secondary_inspection',
    recordId: row.id,
    details: { takenOverFrom: before.taken_by },
  })
  return row
}

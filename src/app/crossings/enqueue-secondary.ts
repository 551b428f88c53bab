import { randomUUID } from 'node:crypto'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import type { CrossingRow } from './crossings.tables.ts'
import type { SecondaryRow } from './secondary.tables.ts'

/**
 * Puts a `refer_secondary` movement in its post's queue. Called by `recordCrossing` inside its transaction, so a
 * referral is never recorded without its queue row; the unique referring crossing queues it once.
 */
export async function enqueueSecondary(o: {
  trx: Tx
  actor: RequestActor
  crossing: CrossingRow
  note: string
}): Promise<SecondaryRow> {
  const row = await o.trx
    .insertInto('secondary_inspections')
    .values({
      id: randomUUID(),
      crossing_id: o.crossing.id,
      traveller_id: o.crossing.traveller_id,
      post_code: o.crossing.post_code,
      referred_by: o.actor.id,
      referral_note: o.note,
      referred_at: o.crossing.crossed_at,
      taken_by: null,
      taken_at: null,
      decided_by: null,
      decided_at: null,
      outcome: null,
      refusal_reason: null,
      result_crossing_id: null,
      protection_referral_id: null,
      police_alert_id: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'create',
    resource: 'secondary_inspection',
    recordId: row.id,
    details: { crossingId: o.crossing.id, travellerId: row.traveller_id, postCode: row.post_code },
  })
  return row
}

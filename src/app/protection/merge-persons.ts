import { can } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import type { PersonRow } from './protection.tables.ts'

// Every table that points at a person; all of it follows the person into the record that is kept.
const PERSON_TABLES = [
  'protection_identifications',
  'protection_consents',
  'protection_referrals',
  'protection_assistance',
  'protection_cases',
] as const

async function lockPerson(trx: Tx, id: string): Promise<PersonRow> {
  const row = await trx
    .selectFrom('protection_persons')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw new AppError('not_found')
  return row
}

/**
 * Merges a duplicate person record into the one that is kept, on a worker's decision (never automatically).
 * The duplicate stays, marked as merged, so the audit trail and earlier exports still resolve.
 */
export async function mergePersons(o: {
  trx: Tx
  actor: RequestActor
  duplicateId: string
  keepId: string
  reason: string
}) {
  if (o.duplicateId === o.keepId)
    throw new AppError('rule_violation', {}, [{ code: 'cases.duplicates.sameRecord' }])
  const duplicate = await lockPerson(o.trx, o.duplicateId)
  const keep = await lockPerson(o.trx, o.keepId)
  for (const p of [duplicate, keep]) {
    if (!can(o.actor, 'update', 'person', { agencyCode: p.agency_code })) throw new AppError('forbidden')
    if (p.merged_into) throw new AppError('rule_violation', {}, [{ code: 'cases.duplicates.alreadyMerged' }])
  }
  const moved: Record<string, number> = {}
  for (const table of PERSON_TABLES) {
    const res = await o.trx
      .updateTable(table)
      .set({ person_id: keep.id })
      .where('person_id', '=', duplicate.id)
      .executeTakeFirst()
    moved[table] = Number(res.numUpdatedRows)
  }
  await o.trx
    .updateTable('protection_persons')
    .set({ merged_into: keep.id, merged_at: new Date() })
    .where('id', '=', duplicate.id)
    .execute()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'merge',
    resource: 'person',
    recordId: duplicate.id,
    details: { into: keep.id, reason: o.reason, moved },
  })
  return keep
}

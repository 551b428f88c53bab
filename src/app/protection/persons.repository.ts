import type { ConsentRecord } from '../../domain/protection/consent.ts'
import type { Executor } from '../../platform/db/database.ts'
import type { ConsentRow, IdentificationRow, PersonRow } from './protection.tables.ts'

export function findPerson(db: Executor, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('protection_persons').selectAll().where('id', '=', id).executeTakeFirst()
}

export function listConsents(db: Executor, personId: string): Promise<ConsentRow[]> {
  return db
    .selectFrom('protection_consents')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('at')
    .execute()
}

export function toConsentRecord(c: ConsentRow): ConsentRecord {
  return {
    purpose: c.purpose as ConsentRecord['purpose'],
    decision: c.decision as ConsentRecord['decision'],
    givenBy: c.given_by as ConsentRecord['givenBy'],
    ...(c.guardian_name ? { guardianName: c.guardian_name } : {}),
    method: c.method as ConsentRecord['method'],
    recordedBy: c.recorded_by,
    at: c.at.toISOString(),
  }
}

export function listIdentifications(db: Executor, personId: string): Promise<IdentificationRow[]> {
  return db
    .selectFrom('protection_identifications')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('screened_at', 'desc')
    .execute()
}

export function findIdentification(db: Executor, id: string): Promise<IdentificationRow | undefined> {
  return db.selectFrom('protection_identifications').selectAll().where('id', '=', id).executeTakeFirst()
}

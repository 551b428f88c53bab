import { randomUUID } from 'node:crypto'
import { can } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { addTimeline, insertCase } from './cases.repository.ts'
import { findPerson, listIdentifications } from './persons.repository.ts'
import type { CaseRow, PersonRow } from './protection.tables.ts'

/**
 * Opens a case in the actor's agency, waiting for a case worker. Called by a social worker for a person
 * they met themselves, and by `answerReferral` when a provider accepts a referral that has no case yet.
 */
export async function openCase(o: {
  trx: Tx
  actor: RequestActor
  personId: string
  agencyCode?: string
  referralId?: string
  at?: Date
}): Promise<CaseRow> {
  const agencyCode = o.agencyCode ?? o.actor.agencyCode
  if (!can(o.actor, 'create', 'case', { agencyCode })) throw new AppError('forbidden')
  const person = await findPerson(o.trx, o.personId)
  if (!person) throw new AppError('validation_failed', {}, [{ path: 'body.personId', code: 'not_found' }])
  if (!can(o.actor, 'read', 'person', { agencyCode: person.agency_code })) throw new AppError('forbidden')
  return insertOpenedCase({ ...o, agencyCode, person })
}

/**
 * `openCase` once the caller has authorised it: the border's handover of a repatriated victim opens the case in
 * the receiving protection agency, which the recording officer may neither create in nor read.
 */
export async function insertOpenedCase(o: {
  trx: Tx
  actor: RequestActor
  person: PersonRow
  agencyCode: string
  referralId?: string
  at?: Date
}): Promise<CaseRow> {
  const { person, agencyCode } = o
  const [identification] = await listIdentifications(o.trx, person.id)
  const at = o.at ?? new Date()
  const row = await insertCase(o.trx, {
    id: randomUUID(),
    personId: person.id,
    agencyCode,
    identificationId: identification?.id ?? null,
    by: o.actor.id,
    at,
  })
  // A person's data follows their case into the agency that now holds it.
  if (person.agency_code !== agencyCode) {
    await o.trx
      .updateTable('protection_persons')
      .set({ agency_code: agencyCode })
      .where('id', '=', person.id)
      .execute()
  }
  await addTimeline(o.trx, {
    caseId: row.id,
    kind: 'opened',
    event: 'opened',
    to: 'registered',
    by: o.actor.id,
    at,
    details: o.referralId ? { referralId: o.referralId } : {},
  })
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'create',
    resource: 'case',
    recordId: row.id,
    details: { personId: person.id, agencyCode, ...(o.referralId ? { referralId: o.referralId } : {}) },
  })
  return row
}

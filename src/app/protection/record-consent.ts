import { randomUUID } from 'node:crypto'
import {
  type ConsentDecision,
  type ConsentGivenBy,
  type ConsentMethod,
  type ConsentPurpose,
  validateConsentRecord,
} from '../../domain/protection/consent.ts'
import type { IdentificationResult } from '../../domain/protection/identification.ts'
import { ageOn } from '../../domain/statistics/calendar.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { listIdentifications } from './persons.repository.ts'
import type { ConsentRow, PersonRow } from './protection.tables.ts'
import { unwrap } from './protection-actor.ts'

export interface ConsentInput {
  purpose: ConsentPurpose
  decision: ConsentDecision
  givenBy: ConsentGivenBy
  guardianName: string | null
  method: ConsentMethod
}

/** A child by the date of birth when known, else by the latest screening (which presumes childhood in doubt). */
async function isChild(trx: Tx, person: PersonRow): Promise<boolean> {
  if (person.birth_date) return ageOn(person.birth_date, todayInCambodia()) < 18
  const [latest] = await listIdentifications(trx, person.id)
  return latest ? (latest.result as IdentificationResult).isChild : false
}

/**
 * Appends one consent decision; decisions are never edited, the latest per purpose is in force.
 * Authorisation is the caller's: a referral records consent as part of it, the route checks `person:update`.
 */
export async function recordConsent(o: {
  trx: Tx
  actor: RequestActor
  person: PersonRow
  consent: ConsentInput
  at?: Date
}): Promise<ConsentRow> {
  const c = o.consent
  const at = o.at ?? new Date()
  unwrap(
    validateConsentRecord(
      {
        purpose: c.purpose,
        decision: c.decision,
        givenBy: c.givenBy,
        ...(c.guardianName ? { guardianName: c.guardianName } : {}),
        method: c.method,
        recordedBy: o.actor.id,
        at: at.toISOString(),
      },
      await isChild(o.trx, o.person),
    ),
  )
  const id = randomUUID()
  const row = await o.trx
    .insertInto('protection_consents')
    .values({
      id,
      person_id: o.person.id,
      purpose: c.purpose,
      decision: c.decision,
      given_by: c.givenBy,
      guardian_name: c.guardianName?.trim() || null,
      method: c.method,
      recorded_by: o.actor.id,
      at,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'record_consent',
    resource: 'person',
    recordId: o.person.id,
    details: { purpose: c.purpose, decision: c.decision, givenBy: c.givenBy, method: c.method },
  })
  return row
}

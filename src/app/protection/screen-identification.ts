import { randomUUID } from 'node:crypto'
import { can } from '../../domain/identity/policy.ts'
import { assessIdentification, type IdentificationResult } from '../../domain/protection/identification.ts'
import type { Answers } from '../../domain/protection/identification-form.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import type { IdentificationRow, PersonRow } from './protection.tables.ts'
import { json, unwrap } from './protection-actor.ts'
import { type PersonInput, recordPerson } from './record-person.ts'

export type ScreeningContext = 'crossing' | 'returnee' | 'standalone'

export interface ScreeningOptions {
  trx: Tx
  actor: RequestActor
  person: PersonInput
  answers: Answers
  context: ScreeningContext
  /** The agency that will hold the person's data: a referral's receiving agency, else the screener's. */
  agencyCode?: string
  at?: Date
}

/**
 * Records a person and their identification screening together. The outcome is the domain's
 * recommendation; the screener decides what follows (a referral, or nothing).
 */
export async function screenIdentification(
  o: ScreeningOptions,
): Promise<{ person: PersonRow; identification: IdentificationRow; result: IdentificationResult }> {
  if (!can(o.actor, 'create', 'identification')) throw new AppError('forbidden')
  const result = unwrap(assessIdentification(o.answers))
  const agencyCode = o.agencyCode ?? o.actor.agencyCode
  const person = await recordPerson({ trx: o.trx, actor: o.actor, person: o.person, agencyCode })
  const id = randomUUID()
  const identification = await o.trx
    .insertInto('protection_identifications')
    .values({
      id,
      person_id: person.id,
      agency_code: agencyCode,
      context: o.context,
      post_code: o.actor.postCode,
      answers: json(o.answers),
      result: json(result),
      outcome: result.outcome,
      screened_by: o.actor.id,
      screened_at: o.at ?? new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'create',
    resource: 'identification',
    recordId: id,
    details: { personId: person.id, context: o.context, formVersion: result.formVersion },
  })
  return { person, identification, result }
}

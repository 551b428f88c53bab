import { can } from '../../domain/identity/policy.ts'
import type { Answers } from '../../domain/protection/identification-form.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { addTimeline, lockCase } from './cases.repository.ts'
import { findPerson } from './persons.repository.ts'
import type { IdentificationRow } from './protection.tables.ts'
import { assessComplete, insertIdentification } from './screen-identification.ts'

/**
 * The social worker's identification of a case's person, when the border referred them before any screening
 * (a mass return: the officer flags, the social worker identifies). It becomes the case's identification; a
 * case already identified keeps its own, so two social workers answering at once cannot overwrite each other.
 */
export async function identifyCasePerson(o: {
  trx: Tx
  actor: RequestActor
  caseId: string
  answers: Answers
}): Promise<IdentificationRow> {
  const row = await lockCase(o.trx, o.caseId)
  if (!row) throw new AppError('not_found')
  if (!can(o.actor, 'update', 'case', { agencyCode: row.agency_code })) throw new AppError('forbidden')
  if (!can(o.actor, 'create', 'identification')) throw new AppError('forbidden')
  if (row.identification_id)
    throw new AppError('rule_violation', {}, [{ code: 'cases.errors.alreadyIdentified' }])
  const result = assessComplete(o.answers)
  const person = (await findPerson(o.trx, row.person_id))!
  const at = new Date()
  const identification = await insertIdentification({
    trx: o.trx,
    actor: o.actor,
    person,
    agencyCode: row.agency_code,
    answers: o.answers,
    result,
    context: 'standalone',
    at,
  })
  await o.trx
    .updateTable('protection_cases')
    .set({ identification_id: identification.id })
    .where('id', '=', row.id)
    .execute()
  await addTimeline(o.trx, {
    caseId: row.id,
    kind: 'identified',
    event: result.outcome,
    by: o.actor.id,
    at,
    details: { identificationId: identification.id },
  })
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'identify',
    resource: 'case',
    recordId: row.id,
    details: { identificationId: identification.id },
  })
  return identification
}

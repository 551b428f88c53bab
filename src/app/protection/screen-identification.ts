import { randomUUID } from 'node:crypto'
import { can } from '../../domain/identity/policy.ts'
import { PROTECTION_ERRORS } from '../../domain/protection/errors.ts'
import { assessIdentification, type IdentificationResult } from '../../domain/protection/identification.ts'
import { checkAnswerValues, missingAnswers } from '../../domain/protection/identification-answers.ts'
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
 * The recommendation for complete answers. Every unanswered question is named at once, each as a field
 * (`body.answers.<id>`), so the form marks them all and its words name the question, never its id.
 */
export function assessComplete(answers: Answers): IdentificationResult {
  unwrap(checkAnswerValues(answers))
  const missing = missingAnswers(answers)
  if (missing.length > 0)
    throw new AppError(
      'validation_failed',
      {},
      missing.map((question) => ({
        path: `body.answers.${question}`,
        code: PROTECTION_ERRORS.unansweredQuestion,
        params: { question },
      })),
    )
  return unwrap(assessIdentification(answers))
}

/**
 * Records a person and their identification screening together. The outcome is the domain's
 * recommendation; the screener decides what follows (a referral, or nothing).
 */
export async function screenIdentification(
  o: ScreeningOptions,
): Promise<{ person: PersonRow; identification: IdentificationRow; result: IdentificationResult }> {
  if (!can(o.actor, 'create', 'identification')) throw new AppError('forbidden')
  const result = assessComplete(o.answers)
  const agencyCode = o.agencyCode ?? o.actor.agencyCode
  const person = await recordPerson({ trx: o.trx, actor: o.actor, person: o.person, agencyCode })
  const identification = await insertIdentification({ ...o, person, agencyCode, result })
  return { person, identification, result }
}

/** One screening of a known person, audited; the caller has checked the answers and the actor's right. */
export async function insertIdentification(o: {
  trx: Tx
  actor: RequestActor
  person: PersonRow
  agencyCode: string
  answers: Answers
  result: IdentificationResult
  context: ScreeningContext
  at?: Date
}): Promise<IdentificationRow> {
  const { person, result, agencyCode } = o
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
  return identification
}

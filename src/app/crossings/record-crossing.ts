import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { ReferenceLists } from '../../platform/cache/reference-cache.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { evaluationWithCompanions } from './companion-risk.ts'
import { checkLinks } from './crossing-links.ts'
import type { CrossingRow } from './crossings.tables.ts'
import { enqueueSecondary } from './enqueue-secondary.ts'
import { lockDocumentWithFacts } from './movement-facts.ts'
import { type MovementFields, recordMovement, ruleViolation } from './record-movement.ts'

export interface CrossingInput extends MovementFields {
  documentId: string
  counter: string
  /** Why the officer refers to secondary inspection; only with that decision. */
  referralNote: string | null
}

/**
 * Records the officer's decision on one movement, with everything it rests on, in one transaction of a handful of
 * statements (the document with the traveller's lock, the facts, the insert, the audit). The traveller's row is
 * locked first, so two officers recording the same movement are serialised and the second is refused by the
 * domain's sequence rule; a traveller waiting in secondary inspection gets no other decision at a counter. A referral
 * to secondary is queued in the same transaction. A refused request stores nothing.
 */
export async function recordCrossing(o: {
  trx: Tx
  actor: RequestActor
  crossing: CrossingInput
  /** The request's cached reference lists (refusal reasons); read from the database without. */
  refs?: ReferenceLists
}): Promise<CrossingRow> {
  const { trx, actor, crossing: c } = o
  authorize(actor, 'create', 'crossing', { postCode: actor.postCode })
  const postCode = actor.postCode
  if (!postCode) throw ruleViolation('crossings.rules.no_post')
  if (c.referralNote !== null && c.decision !== 'refer_secondary')
    throw new AppError('validation_failed', {}, [
      { path: 'body.referralNote', code: 'crossings.secondary.note_only_for_referral' },
    ])
  // The document with the traveller's lock, and every fact after it: two statements in one round trip.
  const locked = await lockDocumentWithFacts(trx, {
    documentId: c.documentId,
    riskEvaluationId: c.riskEvaluationId,
    screeningRequestId: c.screeningRequestId,
    companionIds: c.companions.map((x) => x.travellerId),
  })
  if (!locked)
    throw new AppError('validation_failed', {}, [
      { path: 'body.documentId', code: 'crossings.unknown_document' },
    ])
  const { document, facts } = locked
  if (facts.openSecondaryPost !== null)
    throw ruleViolation('crossings.rules.in_secondary', { post: facts.openSecondaryPost })
  checkLinks(postCode, c, facts)
  const riskEvaluationId = await evaluationWithCompanions({
    trx,
    actor,
    evaluationId: c.riskEvaluationId,
    companions: c.companions,
  })
  const { row, flags } = await recordMovement({
    trx,
    travellerId: document.travellerId,
    documentId: document.documentId,
    postCode,
    counter: c.counter,
    officerId: actor.id,
    agencyCode: actor.agencyCode,
    fields: { ...c, riskEvaluationId },
    locked: { birthDate: document.birthDate, history: facts.history, companionBirths: facts.companionBirths },
    refs: o.refs,
    linkScreening: true,
  })
  await appendAudit(trx, auditActor(actor), {
    action: 'create',
    resource: 'crossing',
    recordId: row.id,
    details: {
      travellerId: row.traveller_id,
      postCode,
      direction: row.direction,
      decision: row.decision,
      refusalReason: row.refusal_reason,
      flags,
      riskEvaluationId: row.risk_evaluation_id,
      screeningRequestId: row.screening_request_id,
    },
  })
  if (row.decision === 'refer_secondary')
    await enqueueSecondary({ trx, actor, crossing: row, note: c.referralNote ?? '' })
  return row
}

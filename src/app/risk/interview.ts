import { type GuideQuestion, interviewGuide, recordAnswers } from '../../domain/risk/index.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import type { RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { compiledVersion } from './active-rule-set.ts'
import { evaluateCrossing } from './evaluate-crossing.ts'
import { findEvaluation, lockEvaluation, type StoredEvaluation, toStored } from './evaluations.repository.ts'
import { refusal, ruleViolation } from './risk-errors.ts'

/** An evaluation the actor may see, at their post. */
export async function readEvaluation(o: {
  db: Executor
  actor: RequestActor
  evaluationId: string
}): Promise<StoredEvaluation> {
  const row = await findEvaluation(o.db, o.evaluationId)
  if (!row) throw new AppError('not_found')
  authorize(o.actor, 'read', 'risk_evaluation', { agencyCode: row.agency_code, postCode: row.post_code })
  return toStored(row)
}

/** The questions to put to the traveller, from the indicators that triggered, in the version that advised. */
export async function interviewFor(o: {
  db: Executor
  actor: RequestActor
  evaluationId: string
}): Promise<{ evaluation: StoredEvaluation; questions: GuideQuestion[] }> {
  const evaluation = await readEvaluation(o)
  const version = await compiledVersion(o.db, evaluation.ruleSetId)
  return {
    evaluation,
    questions: interviewGuide(version.ruleSet, evaluation.evaluation, evaluation.context),
  }
}

/**
 * Records interview answers into a copy of the snapshot and evaluates the crossing again with the active rule set:
 * a new evaluation linked to the first, which replaces the one answered. A wrong answer records nothing.
 */
export async function recordInterviewAnswers(o: {
  trx: Tx
  actor: RequestActor
  evaluationId: string
  answers: Record<string, unknown>
}): Promise<StoredEvaluation> {
  const row = await lockEvaluation(o.trx, o.evaluationId)
  if (!row) throw new AppError('not_found')
  authorize(o.actor, 'update', 'risk_evaluation', { agencyCode: row.agency_code, postCode: row.post_code })
  if (row.superseded_by) throw refusal('risk.decision.superseded')
  const stored = toStored(row)
  const answered = recordAnswers(stored.context, o.answers)
  if (!answered.ok) throw ruleViolation(answered.issues, 'body.answers')
  const next = await evaluateCrossing({
    trx: o.trx,
    actor: o.actor,
    context: answered.context,
    postCode: row.post_code,
    parentId: row.parent_id ?? row.id,
  })
  await o.trx
    .updateTable('risk_evaluations')
    .set({ superseded_by: next.id })
    .where('id', '=', row.id)
    .execute()
  return next
}

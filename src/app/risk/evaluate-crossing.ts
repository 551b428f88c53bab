import { randomUUID } from 'node:crypto'
import { type CrossingContext, emptyContext, evaluate } from '../../domain/risk/index.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import { type ReferenceLists, uncachedLists } from '../../platform/cache/reference-cache.ts'
import type { Tx } from '../../platform/db/database.ts'
import { deferWrite } from '../../platform/db/deferred-writes.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { activeVersion } from './active-rule-set.ts'
import { type StoredEvaluation, toStored } from './evaluations.repository.ts'
import type { EvaluationRow } from './risk.tables.ts'

/** A context as sent (any group may be missing) made whole: a missing group is a group of unknown facts. */
export function completeContext(input: Partial<CrossingContext>, postCode: string | null): CrossingContext {
  const base = emptyContext()
  const context: CrossingContext = {
    traveller: { ...base.traveller, ...input.traveller },
    document: { ...base.document, ...input.document },
    travel: { ...base.travel, ...input.travel },
    companions: input.companions ?? [],
    history: { ...base.history, ...input.history },
    network: { ...base.network, ...input.network },
    interview: { ...base.interview, ...input.interview },
  }
  // The post is an observed fact: the post of the inspection, whatever the caller typed.
  if (postCode) context.travel.post = postCode
  return context
}

/**
 * Evaluates a crossing with the active rule set and stores the advice with the exact version it came from and the
 * facts it rests on. Advice only: nothing here refuses a traveller. The crossings flow calls this inside its own
 * inspection transaction; `parentId` links a re-evaluation after interview answers to the first evaluation.
 */
export async function evaluateCrossing(o: {
  trx: Tx
  actor: RequestActor
  context: Partial<CrossingContext>
  postCode: string | null
  parentId?: string | null
  /** The request's cached reference lists: the active rule set's id without a read per evaluation. */
  refs?: ReferenceLists
  /**
   * Write the evaluation at the end of the transaction with its other deferred writes (`deferWrite`): for a caller
   * that neither reads nor updates it again in the same transaction (the primary inspection).
   */
  deferred?: boolean
}): Promise<StoredEvaluation> {
  authorize(o.actor, 'create', 'risk_evaluation', { agencyCode: o.actor.agencyCode, postCode: o.postCode })
  if (o.postCode && o.postCode !== o.actor.postCode) {
    const post = await o.trx
      .selectFrom('points_of_entry')
      .select('code')
      .where('code', '=', o.postCode)
      .executeTakeFirst()
    if (!post)
      throw new AppError('validation_failed', {}, [
        { path: 'body.context.travel.post', code: 'unknown_post' },
      ])
  }
  const active = await (o.refs ?? uncachedLists).get('risk.active-version', o.trx, activeVersion)
  const context = completeContext(o.context, o.postCode)
  const evaluation = evaluate(active.ruleSet, context)
  const values = {
    id: randomUUID(),
    parent_id: o.parentId ?? null,
    superseded_by: null,
    rule_set_id: active.id,
    version_id: evaluation.ruleSetVersionId,
    context: JSON.stringify(context),
    score: evaluation.score,
    suggested_action: evaluation.suggestedAction,
    hits: JSON.stringify(evaluation.hits),
    undetermined: JSON.stringify(evaluation.undetermined),
    actions: JSON.stringify(evaluation.actions),
    agency_code: o.actor.agencyCode,
    post_code: o.postCode,
    officer_id: o.actor.id,
    evaluated_at: new Date(),
  }
  const insert = () => o.trx.insertInto('risk_evaluations').values(values)
  const row = o.deferred
    ? await deferWrite(o.trx, 'risk_evaluations', insert).then(() => storedRow(values))
    : await insert().returningAll().executeTakeFirstOrThrow()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'evaluate',
    resource: 'risk_evaluation',
    recordId: row.id,
    details: {
      versionId: evaluation.ruleSetVersionId,
      score: evaluation.score,
      suggestedAction: evaluation.suggestedAction,
      indicators: evaluation.hits.map((h) => h.indicatorId),
      parentId: o.parentId ?? null,
    },
  })
  return toStored(row)
}

/**
 * The row a deferred insert will store, as `RETURNING *` would give it: the JSON columns read back from their text
 * (what `jsonb` returns, key order aside) and the columns the insert leaves to their defaults empty.
 */
function storedRow(
  v: Omit<
    EvaluationRow,
    | 'context'
    | 'hits'
    | 'undetermined'
    | 'actions'
    | 'decision'
    | 'decision_note'
    | 'decided_by'
    | 'decided_at'
    | 'outcome'
    | 'outcome_note'
    | 'outcome_by'
    | 'outcome_at'
  > & {
    context: string
    hits: string
    undetermined: string
    actions: string
  },
): EvaluationRow {
  return {
    ...v,
    context: JSON.parse(v.context),
    hits: JSON.parse(v.hits),
    undetermined: JSON.parse(v.undetermined),
    actions: JSON.parse(v.actions),
    decision: null,
    decision_note: null,
    decided_by: null,
    decided_at: null,
    outcome: null,
    outcome_note: null,
    outcome_by: null,
    outcome_at: null,
  }
}

import type { CrossingContext, Evaluation } from '../../domain/risk/index.ts'
import type { Executor } from '../../platform/db/database.ts'
import type { EvaluationRow } from './risk.tables.ts'

export const DECISIONS = ['advise', 'secondary_interview', 'protection_referral', 'no_action'] as const
export type Decision = (typeof DECISIONS)[number]

/** An evaluation as it was stored: the advice, the facts it rests on, and the officer's decision beside it. */
export interface StoredEvaluation {
  id: string
  parentId: string | null
  supersededBy: string | null
  ruleSetId: string
  evaluation: Evaluation
  context: CrossingContext
  agencyCode: string
  postCode: string | null
  officerId: string
  evaluatedAt: Date
  decision: { decision: Decision; note: string; decidedBy: string; decidedAt: Date } | null
}

export function toStored(row: EvaluationRow): StoredEvaluation {
  return {
    id: row.id,
    parentId: row.parent_id,
    supersededBy: row.superseded_by,
    ruleSetId: row.rule_set_id,
    evaluation: {
      ruleSetVersionId: row.version_id,
      score: row.score,
      hits: row.hits as Evaluation['hits'],
      undetermined: row.undetermined,
      suggestedAction: row.suggested_action as Evaluation['suggestedAction'],
      actions: row.actions as Evaluation['actions'],
    },
    context: row.context as CrossingContext,
    agencyCode: row.agency_code,
    postCode: row.post_code,
    officerId: row.officer_id,
    evaluatedAt: row.evaluated_at,
    decision:
      row.decision && row.decided_by && row.decided_at
        ? {
            decision: row.decision as Decision,
            note: row.decision_note ?? '',
            decidedBy: row.decided_by,
            decidedAt: row.decided_at,
          }
        : null,
  }
}

export function lockEvaluation(db: Executor, id: string): Promise<EvaluationRow | undefined> {
  return db.selectFrom('risk_evaluations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export function findEvaluation(db: Executor, id: string): Promise<EvaluationRow | undefined> {
  return db.selectFrom('risk_evaluations').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * One page of context snapshots for the impact check: the current evaluation of each crossing (re-evaluations
 * after an interview replace the first), in time order, after a keyset cursor so a long replay never re-reads.
 */
export function contextPage(
  db: Executor,
  o: { since: Date; after: { at: Date; id: string } | null; limit: number },
) {
  let q = db
    .selectFrom('risk_evaluations')
    .select(['id', 'evaluated_at', 'context'])
    .where('superseded_by', 'is', null)
    .where('evaluated_at', '>=', o.since)
  if (o.after) {
    const { at, id } = o.after
    q = q.where((eb) =>
      eb.or([eb('evaluated_at', '>', at), eb.and([eb('evaluated_at', '=', at), eb('id', '>', id)])]),
    )
  }
  return q.orderBy('evaluated_at').orderBy('id').limit(o.limit).execute()
}

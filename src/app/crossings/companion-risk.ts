import { companionFacts, type Relation } from '../../domain/crossings/index.ts'
import type { CrossingContext } from '../../domain/risk/index.ts'
import type { Tx } from '../../platform/db/database.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import type { RequestActor } from '../identity/actor.ts'
import { evaluateCrossing } from '../risk/evaluate-crossing.ts'
import { lockEvaluation } from '../risk/evaluations.repository.ts'

/**
 * The inspection is evaluated as the MRZ is read, before the officer says who travels with whom, so a child's
 * evaluation saw no companions and "minor without guardian" fired for every minor. When the movement is recorded
 * with companions, the crossing is evaluated again with them — a new evaluation linked to the first, which it
 * replaces, as interview answers do — and the crossing keeps the evaluation that knew its companions.
 */
export async function evaluationWithCompanions(o: {
  trx: Tx
  actor: RequestActor
  evaluationId: string | null
  companions: readonly { travellerId: string; relation: Relation }[]
}): Promise<string | null> {
  if (!o.evaluationId || o.companions.length === 0) return o.evaluationId
  const row = await lockEvaluation(o.trx, o.evaluationId)
  if (!row || row.superseded_by) return o.evaluationId
  const births = await o.trx
    .selectFrom('travellers')
    .select(['id', 'birth_date'])
    .where(
      'id',
      'in',
      o.companions.map((c) => c.travellerId),
    )
    .execute()
  const birthOf = new Map(births.map((b) => [b.id, b.birth_date]))
  const context = row.context as CrossingContext
  const companions = companionFacts(
    o.companions.map((c) => ({ relation: c.relation, birthDate: birthOf.get(c.travellerId) ?? null })),
    todayInCambodia(),
  )
  const next = await evaluateCrossing({
    trx: o.trx,
    actor: o.actor,
    context: { ...context, companions },
    postCode: row.post_code,
    parentId: row.parent_id ?? row.id,
  })
  await o.trx
    .updateTable('risk_evaluations')
    .set({ superseded_by: next.id })
    .where('id', '=', row.id)
    .execute()
  return next.id
}

import { randomUUID } from 'node:crypto'
import { allowedScope, can } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { hitDetails } from './hits.repository.ts'

export const OUTCOMES = ['true_match', 'false_positive', 'needs_investigation'] as const
export type Outcome = (typeof OUTCOMES)[number]

/**
 * A hit is seen and decided at the post that raised it (supervisors, chiefs) and by the agency that owns the
 * entry (investigators): either target satisfies the policy.
 */
export function mayHandleHit(
  actor: RequestActor,
  action: 'read' | 'update',
  hit: { agency_code: string; post_code: string | null; owner_agency: string },
): boolean {
  return (
    can(actor, action, 'screening_hit', { agencyCode: hit.agency_code, postCode: hit.post_code }) ||
    can(actor, action, 'screening_hit', { agencyCode: hit.owner_agency, postCode: null })
  )
}

/**
 * Records an officer's decision on a hit with the reason. A false positive is remembered for that traveller and
 * entry so it is not raised again; a true match goes to the owning agency's notification list. An open hit may
 * be decided, one under investigation may be closed either way; a final decision is not changed.
 */
export async function adjudicateHit(o: {
  trx: Tx
  actor: RequestActor
  hitId: string
  outcome: Outcome
  reason: string
}) {
  const hit = await o.trx
    .selectFrom('screening_hits')
    .selectAll()
    .where('id', '=', o.hitId)
    .forUpdate()
    .executeTakeFirst()
  if (!hit) throw new AppError('not_found')
  if (!mayHandleHit(o.actor, 'update', hit)) throw new AppError('forbidden')
  const final = hit.status === 'true_match' || hit.status === 'false_positive'
  if (final || (hit.status === 'needs_investigation' && o.outcome === 'needs_investigation')) {
    throw new AppError('conflict', { reason: 'already_adjudicated' })
  }
  const now = new Date()
  await o.trx
    .updateTable('screening_hits')
    .set({
      status: o.outcome,
      adjudication_reason: o.reason,
      adjudicated_by: o.actor.id,
      adjudicated_at: now,
    })
    .where('id', '=', hit.id)
    .execute()
  const entryId = (hit.person_id ?? hit.document_id)!
  if (o.outcome === 'false_positive') {
    await o.trx
      .insertInto('screening_dismissals')
      .values({
        traveller_key: hit.traveller_key,
        entry_id: entryId,
        hit_id: hit.id,
        reason: o.reason,
        created_by: o.actor.id,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['traveller_key', 'entry_id']).doNothing())
      .execute()
  }
  if (o.outcome === 'true_match') {
    await o.trx
      .insertInto('screening_notifications')
      .values({ id: randomUUID(), agency_code: hit.owner_agency, hit_id: hit.id, created_at: now })
      .onConflict((oc) => oc.column('hit_id').doNothing())
      .execute()
  }
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'adjudicate',
    resource: 'screening_hit',
    recordId: hit.id,
    details: { outcome: o.outcome, previous: hit.status, reason: o.reason, entryId },
  })
  return hitDetails(o.trx).where('h.id', '=', hit.id).executeTakeFirstOrThrow()
}

/** The supervisors' queue: hits the actor may decide, narrowed in the query rather than filtered afterwards. */
export async function hitQueue(
  ex: Executor,
  actor: RequestActor,
  q: {
    status: 'pending' | 'open' | 'needs_investigation' | 'decided' | 'all'
    limit: number
    offset: number
  },
) {
  const scope = allowedScope(actor, 'read', 'screening_hit')
  if (!scope) throw new AppError('forbidden')
  let query = hitDetails(ex)
  if (scope === 'agency') {
    query = query.where((eb) =>
      eb.or([eb('h.owner_agency', '=', actor.agencyCode), eb('h.agency_code', '=', actor.agencyCode)]),
    )
  } else if (scope === 'post') {
    query = query
      .where('h.agency_code', '=', actor.agencyCode)
      .where('h.post_code', '=', actor.postCode ?? '-')
  }
  if (q.status === 'pending') query = query.where('h.status', 'in', ['open', 'needs_investigation'])
  else if (q.status === 'decided') query = query.where('h.status', 'in', ['true_match', 'false_positive'])
  else if (q.status !== 'all') query = query.where('h.status', '=', q.status)
  return query.orderBy('h.created_at', 'desc').orderBy('h.id').limit(q.limit).offset(q.offset).execute()
}

import { allowedScope } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { personsById, providersById, userNames } from './names.repository.ts'
import { isProtectionRole } from './protection-actor.ts'
import { presentReferral, presentReferralStatus } from './referral.presenter.ts'
import { listReferralRows } from './referrals.repository.ts'

export interface ReferralListQuery {
  box: 'incoming' | 'outgoing'
  state?: string
  limit: number
}

/**
 * The referral inbox (incoming, for the provider's protection staff) and the sent list (outgoing). Border
 * roles only ever get the outgoing list of their own post or agency, status only; protection roles get the
 * content, and that read is audited.
 */
export async function listReferrals(o: { db: Db; actor: RequestActor; query: ReferralListQuery }) {
  const scope = allowedScope(o.actor, 'read', 'referral')
  if (!scope) throw new AppError('forbidden')
  const protection = isProtectionRole(o.actor)
  if (!protection && o.query.box === 'incoming') throw new AppError('forbidden')
  const own = scope === 'national' && protection ? {} : { agency: o.actor.agencyCode }
  const rows = await listReferralRows(o.db, {
    ...(o.query.box === 'incoming' ? { toAgency: own.agency } : { fromAgency: own.agency }),
    ...(scope === 'post' ? { fromPost: o.actor.postCode ?? '-' } : {}),
    ...(o.query.state ? { state: o.query.state } : {}),
    limit: o.query.limit,
  })
  const providers = await providersById(
    o.db,
    rows.map((r) => r.provider_id),
  )
  if (!protection) return rows.map((r) => presentReferralStatus(r, providers.get(r.provider_id)))
  const persons = await personsById(
    o.db,
    rows.map((r) => r.person_id),
  )
  const names = await userNames(
    o.db,
    rows.flatMap((r) => [r.created_by, ...Object.values(r.steps).map((s) => s.by)]),
  )
  await o.db.transaction().execute((trx) =>
    appendAudit(trx, auditActor(o.actor), {
      action: 'read',
      resource: 'referral',
      recordId: null,
      details: { box: o.query.box, ids: rows.map((r) => r.id) },
    }),
  )
  return rows.map((r) => presentReferral(r, providers.get(r.provider_id), persons.get(r.person_id), names))
}

import type { ServiceType } from '../../domain/protection/organisation.ts'
import type { Referral, ReferralState } from '../../domain/protection/referral-workflow.ts'
import type { Executor } from '../../platform/db/database.ts'
import type { ReferralRow } from './protection.tables.ts'

export function findReferral(db: Executor, id: string): Promise<ReferralRow | undefined> {
  return db.selectFrom('protection_referrals').selectAll().where('id', '=', id).executeTakeFirst()
}

export function lockReferral(db: Executor, id: string): Promise<ReferralRow | undefined> {
  return db.selectFrom('protection_referrals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export function toDomainReferral(r: ReferralRow): Referral {
  return {
    id: r.id,
    state: r.state as ReferralState,
    ...(r.case_id ? { caseId: r.case_id } : {}),
    fromOrganisationId: r.from_agency,
    toOrganisationId: r.to_agency,
    services: r.services as ServiceType[],
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    steps: r.steps,
  }
}

export interface ReferralFilter {
  /** Incoming: sent to this agency. Outgoing: sent by it (and, for post-scoped users, from their post). */
  toAgency?: string
  fromAgency?: string
  fromPost?: string
  personId?: string
  caseId?: string
  state?: string
  limit: number
}

export function listReferralRows(db: Executor, f: ReferralFilter): Promise<ReferralRow[]> {
  let q = db.selectFrom('protection_referrals').selectAll()
  if (f.toAgency) q = q.where('to_agency', '=', f.toAgency)
  if (f.fromAgency) q = q.where('from_agency', '=', f.fromAgency)
  if (f.fromPost) q = q.where('from_post', '=', f.fromPost)
  if (f.personId) q = q.where('person_id', '=', f.personId)
  if (f.caseId) q = q.where('case_id', '=', f.caseId)
  if (f.state) q = q.where('state', '=', f.state)
  return q.orderBy('created_at', 'desc').limit(f.limit).execute()
}

import { can } from '../../domain/identity/policy.ts'
import type { Db, Tx } from '../../platform/db/database.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import type { RequestActor } from '../identity/actor.ts'
import { auditedRead } from './audited-read.ts'
import { presentCaseDetail, presentCaseSummary, presentFollowUp, presentTimeline } from './case.presenter.ts'
import { findCase, listFollowUps, listTimeline } from './cases.repository.ts'
import { providersById, userNames } from './names.repository.ts'
import { presentConsents, presentIdentification, presentPerson } from './person.presenter.ts'
import { findIdentification, findPerson, listConsents } from './persons.repository.ts'
import { presentReferral } from './referral.presenter.ts'
import { listReferralRows } from './referrals.repository.ts'

async function loadCase(trx: Tx, caseId: string) {
  const row = await findCase(trx, caseId)
  if (!row) return undefined
  const [person, consents, identification, referrals, assistance, followUps, timeline] = await Promise.all([
    findPerson(trx, row.person_id),
    listConsents(trx, row.person_id),
    row.identification_id ? findIdentification(trx, row.identification_id) : undefined,
    listReferralRows(trx, { personId: row.person_id, limit: 100 }),
    trx
      .selectFrom('protection_assistance')
      .selectAll()
      .where('case_id', '=', row.id)
      .orderBy('provided_at')
      .execute(),
    listFollowUps(trx, [row.id]),
    listTimeline(trx, row.id),
  ])
  const names = await userNames(trx, [
    row.case_worker_id,
    ...timeline.map((e) => e.by_user),
    ...timeline.map((e) => (e.details.caseWorkerId as string | undefined) ?? null),
    ...referrals.flatMap((r) => [r.created_by, ...Object.values(r.steps).map((s) => s.by)]),
    ...assistance.map((a) => a.provided_by),
    ...Object.values(
      row.record as Record<
        string,
        { completedBy?: string; submittedBy?: string; approvedBy?: string; requestedBy?: string }
      >,
    )
      .filter((v) => v && typeof v === 'object')
      .flatMap((v) => [
        v.completedBy ?? null,
        v.submittedBy ?? null,
        v.approvedBy ?? null,
        v.requestedBy ?? null,
      ]),
  ])
  const providers = await providersById(
    trx,
    referrals.map((r) => r.provider_id),
  )
  const today = todayInCambodia()
  return {
    ...presentCaseSummary(row, person, names, followUps, today),
    ...presentCaseDetail(row, names),
    personDetails: person ? presentPerson(person) : null,
    consents: presentConsents(consents),
    identification: identification ? presentIdentification(identification) : null,
    referrals: referrals.map((r) => presentReferral(r, providers.get(r.provider_id), person, names)),
    assistance: assistance.map((a) => ({
      id: a.id,
      service: a.service,
      note: a.note,
      by: names.get(a.provided_by) ?? null,
      at: a.provided_at.toISOString(),
      referralId: a.referral_id,
    })),
    followUps: followUps.map((f) => presentFollowUp(f, today)),
    timeline: presentTimeline(timeline, names),
  }
}

export type CaseView = NonNullable<Awaited<ReturnType<typeof loadCase>>>

/** One case with everything about it, for its own agency's protection staff; the read is audited. */
export function readCase(o: { db: Db; actor: RequestActor; caseId: string }): Promise<CaseView> {
  return auditedRead({
    db: o.db,
    actor: o.actor,
    resource: 'case',
    recordId: o.caseId,
    load: (trx) => loadCase(trx, o.caseId),
    // The agency asked to take a case over may read it before it answers the transfer.
    allowed: (c) =>
      can(o.actor, 'read', 'case', { agencyCode: c.agencyCode }) ||
      (c.pendingRequest?.toAgency != null &&
        can(o.actor, 'read', 'case', { agencyCode: c.pendingRequest.toAgency })),
    details: (c) => ({ personId: c.person?.id ?? null }),
  })
}

import { allowedScope } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { presentFollowUp } from './case.presenter.ts'
import { listFollowUps } from './cases.repository.ts'
import { personsById, userNames } from './names.repository.ts'
import { presentPersonName } from './person.presenter.ts'

function median(values: number[]): number | null {
  if (!values.length) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/**
 * A case manager's view of their agency: caseload per worker, follow-ups overdue, approvals waiting, and
 * the hours from identification to first assistance (median over cases that have both).
 */
export async function caseDashboard(o: { db: Db; actor: RequestActor }) {
  const scope = allowedScope(o.actor, 'read', 'case')
  if (!scope) throw new AppError('forbidden')
  let q = o.db.selectFrom('protection_cases').selectAll().where('state', '!=', 'closed')
  if (scope !== 'national') q = q.where('agency_code', '=', o.actor.agencyCode)
  const open = await q.execute()
  const today = todayInCambodia()
  const followUps = (
    await listFollowUps(
      o.db,
      open.map((c) => c.id),
    )
  )
    .map((f) => ({ caseId: f.case_id, ...presentFollowUp(f, today) }))
    .filter((f) => f.status === 'overdue')
  const caseIds = open.map((c) => c.id)
  const firstAssistance = caseIds.length
    ? await o.db
        .selectFrom('protection_cases as c')
        .innerJoin('protection_identifications as i', 'i.id', 'c.identification_id')
        .innerJoin('protection_assistance as a', 'a.person_id', 'c.person_id')
        .select(['c.id', 'i.screened_at'])
        .select((eb) => eb.fn.min('a.provided_at').as('first'))
        .where('c.id', 'in', caseIds)
        .groupBy(['c.id', 'i.screened_at'])
        .execute()
    : []
  const hours = firstAssistance.map(
    (r) => (new Date(r.first as unknown as string).getTime() - r.screened_at.getTime()) / 3_600_000,
  )
  const names = await userNames(
    o.db,
    open.map((c) => c.case_worker_id),
  )
  const persons = await personsById(
    o.db,
    open.filter((c) => followUps.some((f) => f.caseId === c.id)).map((c) => c.person_id),
  )
  const caseload = new Map<string, number>()
  for (const c of open)
    if (c.case_worker_id) caseload.set(c.case_worker_id, (caseload.get(c.case_worker_id) ?? 0) + 1)
  await o.db.transaction().execute((trx) =>
    appendAudit(trx, auditActor(o.actor), {
      action: 'read',
      resource: 'case',
      recordId: null,
      details: { dashboard: true },
    }),
  )
  const byId = new Map(open.map((c) => [c.id, c]))
  return {
    openCases: open.length,
    unassigned: open.filter((c) => !c.case_worker_id).length,
    awaitingApproval: open.filter(
      (c) =>
        c.state === 'planPendingApproval' ||
        (c.record as { pending?: { kind: string } }).pending?.kind === 'closure',
    ).length,
    caseload: [...caseload]
      .map(([id, count]) => ({ id, name: names.get(id) ?? null, count }))
      .sort((a, b) => b.count - a.count),
    overdueFollowUps: followUps
      .sort((a, b) => b.daysLate - a.daysLate)
      .map((f) => {
        const c = byId.get(f.caseId)!
        const person = persons.get(c.person_id)
        return { ...f, caseNumber: c.number, person: person ? presentPersonName(person) : null }
      }),
    identificationToAssistance: {
      cases: hours.length,
      medianHours: median(hours),
      maxHours: hours.length ? Math.max(...hours) : null,
    },
  }
}

import { sql } from 'kysely'
import { allowedScope } from '../../domain/identity/policy.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { todayInCambodia } from '../../platform/time/cambodia-day.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { presentCaseSummary } from './case.presenter.ts'
import { listFollowUps } from './cases.repository.ts'
import { personsById, userNames } from './names.repository.ts'

export interface CaseListQuery {
  state?: string
  mine?: boolean
  unassigned?: boolean
  overdue?: boolean
  search?: string
  limit: number
}

/** The case list, narrowed to the actor's agency unless their scope is national; the read is audited. */
export async function listCases(o: { db: Db; actor: RequestActor; query: CaseListQuery }) {
  const scope = allowedScope(o.actor, 'read', 'case')
  if (!scope) {
    await o.db
      .transaction()
      .execute((trx) =>
        appendAudit(trx, auditActor(o.actor), { action: 'read_denied', resource: 'case', recordId: null }),
      )
    throw new AppError('forbidden', { action: 'read', resource: 'case' })
  }
  const f = o.query
  let q = o.db
    .selectFrom('protection_cases as c')
    .innerJoin('protection_persons as p', 'p.id', 'c.person_id')
    .selectAll('c')
  // An agency also sees the cases another agency asks it to take over, so that it can answer the transfer.
  const agency = o.actor.agencyCode
  if (scope !== 'national')
    q = q.where((eb) =>
      eb.or([
        eb('c.agency_code', '=', agency),
        eb(sql<string>`c.record->'pending'->>'toAgencyId'`, '=', agency),
      ]),
    )
  if (f.state) q = q.where('c.state', '=', f.state)
  if (f.mine) q = q.where('c.case_worker_id', '=', o.actor.id)
  if (f.unassigned) q = q.where('c.case_worker_id', 'is', null)
  if (f.search) {
    const like = `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    q = q.where((eb) =>
      eb.or([
        eb('p.given_latin', 'ilike', like),
        eb('p.family_latin', 'ilike', like),
        eb('p.given_khmer', 'like', like),
        eb('p.family_khmer', 'like', like),
      ]),
    )
  }
  const today = todayInCambodia()
  if (f.overdue) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('protection_follow_ups as f')
          .select('f.id')
          .whereRef('f.case_id', '=', 'c.id')
          .where('f.completed_on', 'is', null)
          .where('f.due_date', '<', today),
      ),
    )
  }
  const rows = await q.orderBy('c.updated_at', 'desc').limit(f.limit).execute()
  const [persons, names, followUps] = await Promise.all([
    personsById(
      o.db,
      rows.map((r) => r.person_id),
    ),
    userNames(
      o.db,
      rows.map((r) => r.case_worker_id),
    ),
    listFollowUps(
      o.db,
      rows.map((r) => r.id),
    ),
  ])
  await o.db.transaction().execute((trx) =>
    appendAudit(trx, auditActor(o.actor), {
      action: 'read',
      resource: 'case',
      recordId: null,
      details: { list: true, ids: rows.map((r) => r.id) },
    }),
  )
  return rows.map((r) =>
    presentCaseSummary(
      r,
      persons.get(r.person_id),
      names,
      followUps.filter((x) => x.case_id === r.id),
      today,
    ),
  )
}

import { sql } from 'kysely'
import type { Scope } from '../../domain/identity/roles.ts'
import type { Executor } from '../../platform/db/database.ts'

export interface AlertFilter {
  agencyCode: string
  /** Post-scoped users see only the alerts raised at their post. */
  postCode: string | null
  state: 'open' | 'acknowledged' | 'all'
  escalatedOnly: boolean
  limit: number
  offset: number
}

const DEFAULT_HOURS = 24
const hours = sql<number>`coalesce(s.escalate_after_hours, ${DEFAULT_HOURS})`
/** Escalation is computed on read from the agency's setting: no background job has to run for it. */
const escalated = sql<boolean>`(a.acknowledged_at IS NULL AND a.created_at < now() - ${hours} * interval '1 hour')`

function inbox(db: Executor, f: AlertFilter) {
  let q = db
    .selectFrom('risk_alerts as a')
    .leftJoin('risk_alert_settings as s', 's.agency_code', 'a.agency_code')
    .where('a.agency_code', '=', f.agencyCode)
  if (f.postCode) q = q.where('a.post_code', '=', f.postCode)
  return q
}

type Inbox = ReturnType<typeof inbox>

/** The inbox rows with what the screen shows beside each alert: the reasons, the decision, who and when. */
function detailed(q: Inbox) {
  return q
    .innerJoin('risk_evaluations as e', 'e.id', 'a.evaluation_id')
    .leftJoin('users as c', 'c.id', 'a.created_by')
    .leftJoin('users as k', 'k.id', 'a.acknowledged_by')
    .selectAll('a')
    .select([
      'e.hits',
      'e.decision',
      'c.username as created_by_name',
      'k.username as acknowledged_by_name',
      hours.as('hours'),
      escalated.as('escalated'),
    ])
}

export async function listAlerts(db: Executor, f: AlertFilter) {
  let q = inbox(db, f)
  if (f.state === 'open') q = q.where('a.acknowledged_at', 'is', null)
  if (f.state === 'acknowledged') q = q.where('a.acknowledged_at', 'is not', null)
  if (f.escalatedOnly) q = q.where(escalated)
  const [rows, count, esc] = await Promise.all([
    detailed(q)
      .orderBy(sql`${escalated} DESC`)
      .orderBy('a.created_at', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    inbox(db, f)
      .where(escalated)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n), escalated: Number(esc.n) }
}

export function findAlertRow(db: Executor, id: string) {
  return detailed(
    db.selectFrom('risk_alerts as a').leftJoin('risk_alert_settings as s', 's.agency_code', 'a.agency_code'),
  )
    .where('a.id', '=', id)
    .executeTakeFirstOrThrow()
}

export type AlertListRow = Awaited<ReturnType<typeof findAlertRow>>

export function lockAlert(db: Executor, id: string) {
  return db.selectFrom('risk_alerts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

/** The filter an actor may see: their agency, and their post when their authority stops there. */
export function alertScope(actor: { agencyCode: string; postCode: string | null }, scope: Scope) {
  return { agencyCode: actor.agencyCode, postCode: scope === 'post' ? (actor.postCode ?? '-') : null }
}

export function alertSettings(db: Executor) {
  return db
    .selectFrom('risk_alert_settings')
    .select(['agency_code', 'escalate_after_hours', 'updated_at'])
    .orderBy('agency_code')
    .execute()
}

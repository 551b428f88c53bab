import type { Executor } from '../../platform/db/database.ts'
import type { Locale } from '../../platform/i18n/catalog.ts'
import type { RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import type { PlanSummary, ReportView } from './plans.contract.ts'

/** `GET /api/plans`: every plan, the illustrative one marked as such. */
export async function listPlans(o: {
  db: Executor
  actor: RequestActor
  locale: Locale
}): Promise<PlanSummary[]> {
  authorize(o.actor, 'read', 'plan')
  const rows = await o.db
    .selectFrom('plans')
    .selectAll()
    .orderBy('start_year', 'desc')
    .orderBy('code')
    .execute()
  return rows.map((p) => ({
    id: p.id,
    code: p.code,
    title: o.locale === 'km' ? p.title_km : p.title_en,
    startYear: p.start_year,
    endYear: p.end_year,
    illustrative: p.illustrative,
  }))
}

/**
 * `GET /api/plans/:id/reports?state&indicator`: the secretariat's review queue, or one indicator's reports, with
 * their evidence files and comments (who wrote them by username, never more of the user).
 */
export async function listReports(o: {
  db: Executor
  actor: RequestActor
  locale: Locale
  planId: string
  state?: ReportView['state']
  indicatorId?: string
}): Promise<ReportView[]> {
  authorize(o.actor, 'read', 'plan_report')
  let q = o.db
    .selectFrom('plan_reports as r')
    .innerJoin('plan_indicators as i', 'i.id', 'r.indicator_id')
    .select([
      'r.id',
      'r.indicator_id',
      'r.period',
      'r.agency_code',
      'r.value',
      'r.note',
      'r.state',
      'r.submitted_at',
      'r.reviewed_at',
      'i.code',
      'i.name_en',
      'i.name_km',
      'i.unit',
    ])
    .where('i.plan_id', '=', o.planId)
  if (o.state) q = q.where('r.state', '=', o.state)
  if (o.indicatorId) q = q.where('r.indicator_id', '=', o.indicatorId)
  const rows = await q.orderBy('r.updated_at', 'desc').limit(500).execute()
  const ids = rows.map((r) => r.id)
  const [evidence, comments] = ids.length
    ? await Promise.all([
        o.db
          .selectFrom('plan_evidence')
          .select(['id', 'report_id', 'file_name', 'content_type', 'size'])
          .where('report_id', 'in', ids)
          .orderBy('uploaded_at')
          .execute(),
        o.db
          .selectFrom('plan_comments as c')
          .innerJoin('users as u', 'u.id', 'c.author_id')
          .select(['c.report_id', 'u.username', 'c.event', 'c.body', 'c.created_at'])
          .where('c.report_id', 'in', ids)
          .orderBy('c.created_at')
          .execute(),
      ])
    : [[], []]
  return rows.map((r) => ({
    id: r.id,
    indicatorId: r.indicator_id,
    indicatorCode: r.code,
    indicatorName: o.locale === 'km' ? r.name_km : r.name_en,
    unit: r.unit,
    period: r.period,
    agency: r.agency_code,
    value: r.value,
    note: r.note,
    state: r.state,
    submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
    reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
    evidence: evidence
      .filter((e) => e.report_id === r.id)
      .map((e) => ({ id: e.id, name: e.file_name, contentType: e.content_type, size: e.size })),
    comments: comments
      .filter((c) => c.report_id === r.id)
      .map((c) => ({
        author: c.username,
        event: c.event,
        body: c.body,
        at: new Date(c.created_at).toISOString(),
      })),
  }))
}

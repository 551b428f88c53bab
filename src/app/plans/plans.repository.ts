import type { Executor } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'

/** A plan with everything the dashboard and the editors show: nodes, indicators and targets, in order. */
export async function loadPlan(db: Executor, planId: string) {
  const plan = await db.selectFrom('plans').selectAll().where('id', '=', planId).executeTakeFirst()
  if (!plan) throw new AppError('not_found')
  const [nodes, indicators, targets] = await Promise.all([
    db.selectFrom('plan_nodes').selectAll().where('plan_id', '=', planId).orderBy('position').execute(),
    db.selectFrom('plan_indicators').selectAll().where('plan_id', '=', planId).orderBy('position').execute(),
    db
      .selectFrom('plan_targets')
      .innerJoin('plan_indicators', 'plan_indicators.id', 'plan_targets.indicator_id')
      .select(['plan_targets.indicator_id', 'plan_targets.year', 'plan_targets.value'])
      .where('plan_indicators.plan_id', '=', planId)
      .orderBy('plan_targets.year')
      .execute(),
  ])
  return { plan, nodes, indicators, targets }
}

export type LoadedPlan = Awaited<ReturnType<typeof loadPlan>>

export async function findIndicator(db: Executor, indicatorId: string) {
  const row = await db
    .selectFrom('plan_indicators')
    .innerJoin('plans', 'plans.id', 'plan_indicators.plan_id')
    .innerJoin('plan_nodes', 'plan_nodes.id', 'plan_indicators.node_id')
    .selectAll('plan_indicators')
    .select([
      'plans.start_year',
      'plans.end_year',
      'plan_nodes.responsible_agency',
      'plan_nodes.supporting_agencies',
    ])
    .where('plan_indicators.id', '=', indicatorId)
    .executeTakeFirst()
  if (!row) throw new AppError('not_found')
  return row
}

/** A report with its row locked, so two reviewers (or a reviewer and the reporter) act one after the other. */
export async function lockReport(db: Executor, reportId: string) {
  const row = await db
    .selectFrom('plan_reports')
    .selectAll()
    .where('id', '=', reportId)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw new AppError('not_found')
  const evidence = await db
    .selectFrom('plan_evidence')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('report_id', '=', reportId)
    .executeTakeFirstOrThrow()
  return { ...row, submittedBy: row.submitted_by, evidenceCount: Number(evidence.n) }
}

export async function agencyKind(db: Executor, code: string): Promise<string | null> {
  const row = await db.selectFrom('agencies').select('kind').where('code', '=', code).executeTakeFirst()
  return row?.kind ?? null
}

import { randomUUID } from 'node:crypto'
import { checkParent, checkPlanYears, checkTarget } from '../../domain/plans/plan.ts'
import { checkThresholds, DEFAULT_THRESHOLDS, type Thresholds } from '../../domain/plans/status.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { checkIndicatorFields, checkNodeFields } from './edit-structure.ts'
import { assertPlanner } from './plan-access.ts'
import { checked } from './plan-errors.ts'
import { type IndicatorInput, indicatorRow, type NodeInput, nodeRow } from './plan-rows.ts'

export interface PlanInput {
  code: string
  titleEn: string
  titleKm: string
  startYear: number
  endYear: number
  illustrative: boolean
}

export async function createPlan(o: { trx: Tx; actor: RequestActor; plan: PlanInput }): Promise<string> {
  await assertPlanner(o.trx, o.actor)
  const p = o.plan
  checked(checkPlanYears(p), 'body.endYear')
  const taken = await o.trx.selectFrom('plans').select('id').where('code', '=', p.code).executeTakeFirst()
  if (taken) throw new AppError('conflict', {}, [{ path: 'body.code', code: 'plans.errors.codeTaken' }])
  const id = randomUUID()
  const now = new Date()
  await o.trx
    .insertInto('plans')
    .values({
      id,
      code: p.code,
      title_en: p.titleEn,
      title_km: p.titleKm,
      start_year: p.startYear,
      end_year: p.endYear,
      illustrative: p.illustrative,
      on_track: DEFAULT_THRESHOLDS.onTrack,
      at_risk: DEFAULT_THRESHOLDS.atRisk,
      created_at: now,
      updated_at: now,
    })
    .execute()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'create',
    resource: 'plan',
    recordId: id,
    details: { ...p },
  })
  return id
}

/** A pillar, objective, output or activity, under a parent of the level above in the same plan. */
export async function addPlanNode(o: { trx: Tx; actor: RequestActor; planId: string; node: NodeInput }) {
  await assertPlanner(o.trx, o.actor)
  const plan = await o.trx.selectFrom('plans').selectAll().where('id', '=', o.planId).executeTakeFirst()
  if (!plan) throw new AppError('not_found')
  const n = o.node
  const parent = n.parentId
    ? await o.trx
        .selectFrom('plan_nodes')
        .select(['kind', 'plan_id'])
        .where('id', '=', n.parentId)
        .executeTakeFirst()
    : null
  if (n.parentId && (!parent || parent.plan_id !== o.planId))
    throw new AppError('validation_failed', {}, [
      { path: 'body.parentId', code: 'plans.errors.unknownParent' },
    ])
  checked(checkParent(n.kind, parent?.kind ?? null), 'body.parentId')
  await checkNodeFields(o.trx, { startYear: plan.start_year, endYear: plan.end_year }, n)
  const position = await nextPosition(o.trx, 'plan_nodes', o.planId)
  const id = randomUUID()
  await o.trx
    .insertInto('plan_nodes')
    .values(nodeRow(id, o.planId, n, position))
    .onConflict((oc) => oc.columns(['plan_id', 'code']).doNothing())
    .execute()
  const row = await o.trx
    .selectFrom('plan_nodes')
    .select('id')
    .where('plan_id', '=', o.planId)
    .where('code', '=', n.code)
    .executeTakeFirstOrThrow()
  if (row.id !== id)
    throw new AppError('conflict', {}, [{ path: 'body.code', code: 'plans.errors.codeTaken' }])
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'create',
    resource: 'plan_node',
    recordId: id,
    details: { ...n },
  })
  return id
}

async function nextPosition(
  trx: Tx,
  table: 'plan_nodes' | 'plan_indicators',
  planId: string,
): Promise<number> {
  const row = await trx
    .selectFrom(table)
    .select((eb) => eb.fn.max<number | null>('position').as('p'))
    .where('plan_id', '=', planId)
    .executeTakeFirst()
  return Number(row?.p ?? 0) + 1
}

export async function addIndicator(o: {
  trx: Tx
  actor: RequestActor
  planId: string
  indicator: IndicatorInput
}) {
  await assertPlanner(o.trx, o.actor)
  const i = o.indicator
  await checkIndicatorFields(o.trx, o.planId, i)
  const taken = await o.trx
    .selectFrom('plan_indicators')
    .select('id')
    .where('plan_id', '=', o.planId)
    .where('code', '=', i.code)
    .executeTakeFirst()
  if (taken) throw new AppError('conflict', {}, [{ path: 'body.code', code: 'plans.errors.codeTaken' }])
  const id = randomUUID()
  await o.trx
    .insertInto('plan_indicators')
    .values(indicatorRow(id, o.planId, i, await nextPosition(o.trx, 'plan_indicators', o.planId)))
    .execute()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'create',
    resource: 'plan_indicator',
    recordId: id,
    details: { ...i },
  })
  return id
}

/** A yearly target; setting it again replaces it (a retry changes nothing more). */
export async function setIndicatorTarget(o: {
  trx: Tx
  actor: RequestActor
  indicatorId: string
  year: number
  value: number
}): Promise<void> {
  await assertPlanner(o.trx, o.actor)
  const i = await o.trx
    .selectFrom('plan_indicators')
    .innerJoin('plans', 'plans.id', 'plan_indicators.plan_id')
    .select(['plan_indicators.unit', 'plans.start_year', 'plans.end_year'])
    .where('plan_indicators.id', '=', o.indicatorId)
    .executeTakeFirst()
  if (!i) throw new AppError('not_found')
  const t = checked(
    checkTarget({ startYear: i.start_year, endYear: i.end_year }, i.unit, o.year, o.value),
    'body.year',
  )
  await o.trx
    .insertInto('plan_targets')
    .values({ indicator_id: o.indicatorId, year: t.year, value: t.value })
    .onConflict((oc) => oc.columns(['indicator_id', 'year']).doUpdateSet({ value: t.value }))
    .execute()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'set_target',
    resource: 'plan_indicator',
    recordId: o.indicatorId,
    details: t,
  })
}

export async function setPlanThresholds(o: {
  trx: Tx
  actor: RequestActor
  planId: string
  thresholds: Thresholds
}) {
  await assertPlanner(o.trx, o.actor)
  const t = checked(checkThresholds(o.thresholds), 'body.atRisk')
  const updated = await o.trx
    .updateTable('plans')
    .set({ on_track: t.onTrack, at_risk: t.atRisk, updated_at: new Date() })
    .where('id', '=', o.planId)
    .executeTakeFirst()
  if (!updated.numUpdatedRows) throw new AppError('not_found')
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'set_thresholds',
    resource: 'plan',
    recordId: o.planId,
    details: { ...t },
  })
}

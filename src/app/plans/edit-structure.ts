import { PLAN_ERRORS } from '../../domain/plans/errors.ts'
import {
  checkIndicatorChange,
  checkLinks,
  checkNodeRemoval,
  checkTimeline,
  checkValue,
  type PlanYears,
} from '../../domain/plans/plan.ts'
import { appendAudit } from '../../platform/audit/audit-log.ts'
import type { Executor, Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { auditActor, type RequestActor } from '../identity/actor.ts'
import { isSourceKey } from './indicator-sources.ts'
import { assertPlanner } from './plan-access.ts'
import { checked, refused } from './plan-errors.ts'
import { type IndicatorInput, indicatorRow, type NodeInput, nodeRow } from './plan-rows.ts'

/**
 * Editing and removing a plan's nodes and indicators (issue 14 §1: "administrators and NCCT planners edit it").
 * A node keeps its kind and parent (moving a branch is removing and adding it); removal is refused, never
 * cascaded or archived, whenever something hangs on the item or an agency has reported against it.
 */

/** The checks a node's fields pass, added or edited: a timeline inside the plan, agencies that exist. */
export async function checkNodeFields(
  db: Executor,
  plan: PlanYears,
  n: Pick<NodeInput, 'startYear' | 'endYear' | 'responsibleAgency' | 'supportingAgencies'>,
): Promise<void> {
  const timeline = checkTimeline(plan, n)
  if (!timeline.ok) {
    const atStart = n.startYear !== null && timeline.error.params?.year === String(n.startYear)
    refused(timeline.error, atStart ? 'body.startYear' : 'body.endYear')
  }
  const agencies = [n.responsibleAgency, ...n.supportingAgencies].filter((a): a is string => !!a)
  if (!agencies.length) return
  const known = await db.selectFrom('agencies').select('code').where('code', 'in', agencies).execute()
  const unknown = agencies.find((a) => !known.some((k) => k.code === a))
  if (unknown)
    throw new AppError('validation_failed', {}, [
      {
        path: unknown === n.responsibleAgency ? 'body.responsibleAgency' : 'body.supportingAgencies',
        code: 'plans.errors.unknownAgency',
        params: { agency: unknown },
      },
    ])
}

/** The checks an indicator's fields pass, added or edited: on a node of its plan, a known source, known links. */
export async function checkIndicatorFields(db: Executor, planId: string, i: IndicatorInput): Promise<void> {
  const node = await db
    .selectFrom('plan_nodes')
    .select('plan_id')
    .where('id', '=', i.nodeId)
    .executeTakeFirst()
  if (!node || node.plan_id !== planId)
    throw new AppError('validation_failed', {}, [{ path: 'body.nodeId', code: 'plans.errors.unknownParent' }])
  if (!isSourceKey(i.source))
    refused({ code: PLAN_ERRORS.unknownSource, params: { source: i.source.slice(0, 40) } }, 'body.source')
  checked(checkLinks(i), 'body.gcm')
}

async function codeTaken(
  db: Executor,
  table: 'plan_nodes' | 'plan_indicators',
  planId: string,
  code: string,
  self: string,
) {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('plan_id', '=', planId)
    .where('code', '=', code)
    .where('id', '<>', self)
    .executeTakeFirst()
  if (row) throw new AppError('conflict', {}, [{ path: 'body.code', code: 'plans.errors.codeTaken' }])
}

/** A node with its plan's years, locked so a concurrent edit or removal waits for this one. */
async function lockNode(trx: Tx, nodeId: string) {
  const node = await trx
    .selectFrom('plan_nodes')
    .innerJoin('plans', 'plans.id', 'plan_nodes.plan_id')
    .selectAll('plan_nodes')
    .select(['plans.start_year', 'plans.end_year'])
    .where('plan_nodes.id', '=', nodeId)
    .forUpdate()
    .executeTakeFirst()
  if (!node) throw new AppError('not_found')
  return node
}

export type NodeEdit = Omit<NodeInput, 'parentId' | 'kind'>

export async function editPlanNode(o: { trx: Tx; actor: RequestActor; nodeId: string; node: NodeEdit }) {
  await assertPlanner(o.trx, o.actor)
  const before = await lockNode(o.trx, o.nodeId)
  await checkNodeFields(o.trx, { startYear: before.start_year, endYear: before.end_year }, o.node)
  await codeTaken(o.trx, 'plan_nodes', before.plan_id, o.node.code, o.nodeId)
  const { id, plan_id, parent_id, kind, position, ...row } = nodeRow(
    o.nodeId,
    before.plan_id,
    { ...o.node, parentId: before.parent_id, kind: before.kind },
    before.position,
  )
  await o.trx.updateTable('plan_nodes').set(row).where('id', '=', o.nodeId).execute()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'update',
    resource: 'plan_node',
    recordId: o.nodeId,
    details: {
      ...o.node,
      previous: { code: before.code, titleEn: before.title_en, titleKm: before.title_km },
    },
  })
}

export async function removePlanNode(o: { trx: Tx; actor: RequestActor; nodeId: string }) {
  await assertPlanner(o.trx, o.actor)
  const node = await lockNode(o.trx, o.nodeId)
  const [children, indicators] = await Promise.all(
    (['plan_nodes', 'plan_indicators'] as const).map((table) =>
      o.trx
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(table === 'plan_nodes' ? 'parent_id' : 'node_id', '=', o.nodeId)
        .executeTakeFirstOrThrow(),
    ),
  )
  checked(checkNodeRemoval({ children: Number(children?.n), indicators: Number(indicators?.n) }))
  await o.trx.deleteFrom('plan_nodes').where('id', '=', o.nodeId).execute()
  const { start_year, end_year, ...removed } = node
  // The removed row in full: the audit log can say what the plan held.
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'delete',
    resource: 'plan_node',
    recordId: o.nodeId,
    details: { ...removed },
  })
}

async function lockIndicator(trx: Tx, indicatorId: string) {
  const row = await trx
    .selectFrom('plan_indicators')
    .selectAll()
    .where('id', '=', indicatorId)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw new AppError('not_found')
  const [reports, targets] = await Promise.all([
    trx
      .selectFrom('plan_reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('indicator_id', '=', indicatorId)
      .executeTakeFirstOrThrow(),
    trx
      .selectFrom('plan_targets')
      .select(['year', 'value'])
      .where('indicator_id', '=', indicatorId)
      .execute(),
  ])
  return { row, reports: Number(reports.n), targets }
}

export async function editIndicator(o: {
  trx: Tx
  actor: RequestActor
  indicatorId: string
  indicator: IndicatorInput
}) {
  await assertPlanner(o.trx, o.actor)
  const { row: before, reports, targets } = await lockIndicator(o.trx, o.indicatorId)
  const i = o.indicator
  await checkIndicatorFields(o.trx, before.plan_id, i)
  const unitChanged = i.unit !== before.unit
  checked(
    checkIndicatorChange(reports, { removal: false, unitChanged, sourceChanged: i.source !== before.source }),
    unitChanged ? 'body.unit' : 'body.source',
  )
  // Targets set in the old unit must still be valid in the new one (a count of 250 is no percentage).
  if (unitChanged) for (const t of targets) checked(checkValue(i.unit, t.value), 'body.unit')
  await codeTaken(o.trx, 'plan_indicators', before.plan_id, i.code, o.indicatorId)
  const { id, plan_id, position, ...row } = indicatorRow(o.indicatorId, before.plan_id, i, before.position)
  await o.trx.updateTable('plan_indicators').set(row).where('id', '=', o.indicatorId).execute()
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'update',
    resource: 'plan_indicator',
    recordId: o.indicatorId,
    details: {
      ...i,
      previous: { code: before.code, definitionEn: before.definition_en, definitionKm: before.definition_km },
    },
  })
}

export async function removeIndicator(o: { trx: Tx; actor: RequestActor; indicatorId: string }) {
  await assertPlanner(o.trx, o.actor)
  const { row, reports, targets } = await lockIndicator(o.trx, o.indicatorId)
  checked(checkIndicatorChange(reports, { removal: true, unitChanged: false, sourceChanged: false }))
  await o.trx.deleteFrom('plan_targets').where('indicator_id', '=', o.indicatorId).execute()
  await o.trx.deleteFrom('plan_indicators').where('id', '=', o.indicatorId).execute()
  // The row and its targets go into the audit entry: a removal is never a silent loss.
  await appendAudit(o.trx, auditActor(o.actor), {
    action: 'delete',
    resource: 'plan_indicator',
    recordId: o.indicatorId,
    details: { ...row, targets },
  })
}

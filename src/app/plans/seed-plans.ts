import { randomUUID } from 'node:crypto'
import { DEFAULT_THRESHOLDS } from '../../domain/plans/status.ts'
import type { Tx } from '../../platform/db/database.ts'
import { indicatorRow, nodeRow } from './plan-rows.ts'
import { ILLUSTRATIVE_PLAN, type SeedNode } from './seed-plans.data.ts'

/**
 * The demo's illustrative plan (`seed-plans.data.ts`), written once: a database that has it keeps it as edited.
 * Structure data like reference data, inserted directly (there is no user yet to act as).
 */
export async function seedDemoPlan(o: { trx: Tx }): Promise<void> {
  const p = ILLUSTRATIVE_PLAN
  const exists = await o.trx.selectFrom('plans').select('id').where('code', '=', p.code).executeTakeFirst()
  if (exists) return
  const planId = randomUUID()
  const now = new Date()
  await o.trx
    .insertInto('plans')
    .values({
      id: planId,
      code: p.code,
      title_en: p.titleEn,
      title_km: p.titleKm,
      start_year: p.startYear,
      end_year: p.endYear,
      illustrative: true,
      on_track: DEFAULT_THRESHOLDS.onTrack,
      at_risk: DEFAULT_THRESHOLDS.atRisk,
      created_at: now,
      updated_at: now,
    })
    .execute()
  let position = 0
  let indicatorPosition = 0
  const insert = async (node: SeedNode, parentId: string | null) => {
    const id = randomUUID()
    await o.trx
      .insertInto('plan_nodes')
      .values(
        nodeRow(
          id,
          planId,
          {
            parentId,
            kind: node.kind,
            code: node.code,
            titleEn: node.titleEn,
            titleKm: node.titleKm,
            responsibleAgency: node.responsible ?? null,
            supportingAgencies: node.supporting ?? [],
            startYear: node.kind === 'activity' ? p.startYear : null,
            endYear: node.kind === 'activity' ? p.endYear : null,
            budgetSource: node.budget ?? null,
          },
          ++position,
        ),
      )
      .execute()
    for (const i of node.indicators ?? []) {
      const indicatorId = randomUUID()
      await o.trx
        .insertInto('plan_indicators')
        .values(
          indicatorRow(
            indicatorId,
            planId,
            {
              ...i,
              nodeId: id,
              baselineYear: i.baseline?.[0] ?? null,
              baselineValue: i.baseline?.[1] ?? null,
            },
            ++indicatorPosition,
          ),
        )
        .execute()
      await o.trx
        .insertInto('plan_targets')
        .values(i.targets.map((value, k) => ({ indicator_id: indicatorId, year: p.startYear + k, value })))
        .execute()
    }
    for (const child of node.children ?? []) await insert(child, id)
  }
  for (const node of p.nodes) await insert(node, null)
}

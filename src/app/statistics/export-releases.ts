import type { PrivacyBudget } from '../../domain/statistics/privacy-budget.ts'
import type { Tx } from '../../platform/db/database.ts'

/**
 * The budget a new release starts with: ε = 1 in all, so a release of one table at ε = 0.5 leaves room
 * for one more; δ far below 1 / (people counted), without which the Gaussian mechanism promises little.
 */
export const DEFAULT_RELEASE_BUDGET = { epsilon: 1, delta: 1e-6 } as const

/** The release's budget, locked until the transaction ends; created with the default budget on first use. */
export async function lockRelease(trx: Tx, id: string, userId: string): Promise<PrivacyBudget> {
  await trx
    .insertInto('statistics_releases')
    .values({
      id,
      epsilon_budget: DEFAULT_RELEASE_BUDGET.epsilon,
      delta_budget: DEFAULT_RELEASE_BUDGET.delta,
      created_by: userId,
    })
    .onConflict((c) => c.column('id').doNothing())
    .execute()
  const row = await trx
    .selectFrom('statistics_releases')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow()
  return {
    epsilon: row.epsilon_budget,
    delta: row.delta_budget,
    spentEpsilon: row.spent_epsilon,
    spentDelta: row.spent_delta,
  }
}

export async function saveSpend(trx: Tx, id: string, budget: PrivacyBudget): Promise<void> {
  await trx
    .updateTable('statistics_releases')
    .set((eb) => ({
      spent_epsilon: budget.spentEpsilon,
      spent_delta: budget.spentDelta,
      exports: eb('exports', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .execute()
}

import type { Generated } from 'kysely'

/** Migration 0011: a differentially private release and how much of its privacy budget is spent. */
export interface StatisticsReleaseTable {
  id: string
  epsilon_budget: number
  delta_budget: number
  spent_epsilon: Generated<number>
  spent_delta: Generated<number>
  exports: Generated<number>
  created_by: string
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface ExportsTables {
  statistics_releases: StatisticsReleaseTable
}

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

/** Migration 0015: the administrator's disclosure settings, one row. */
export interface DisclosureSettingsTable {
  id: Generated<boolean>
  k_floor: number
  updated_at: Generated<Date>
  updated_by: string | null
}

export interface ExportsTables {
  statistics_releases: StatisticsReleaseTable
  disclosure_settings: DisclosureSettingsTable
}

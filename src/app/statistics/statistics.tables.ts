import type { Generated } from 'kysely'

/**
 * The crossings rollups of migration 0009, kept by triggers: never written by the application. Missing values
 * are '' and an unknown age is −1.
 */
export interface StatCrossingsTable {
  /** `YYYY-MM-DD`, the crossing's day in Cambodia. */
  day: string
  post_code: string
  direction: string
  decision: string
  refusal_reason: string
  nationality: string
  sex: string
  /** Completed years on the day, capped at 100. */
  age: number
  document_type: string
  purpose: string
  count: number
}

export interface StatCrossingsPostTable {
  day: string
  post_code: string
  direction: string
  decision: string
  refusal_reason: string
  count: number
}

export interface StatCrossingsPostMonthTable {
  /** `YYYY-MM-01`. */
  month: string
  post_code: string
  direction: string
  decision: string
  refusal_reason: string
  count: number
}

export interface StatCrossingsPersonTable {
  /** `YYYY-MM-01`. */
  month: string
  direction: string
  decision: string
  nationality: string
  sex: string
  age: number
  count: number
}

export interface StatCrossingsPostPersonTable {
  post_code: string
  /** `YYYY-MM-01`. */
  month: string
  decision: string
  nationality: string
  sex: string
  age: number
  count: number
}

/** A signed change to one finest cell, appended by the crossing triggers (migration 0017) until it is folded. */
export interface StatCrossingDeltasTable extends StatCrossingsTable {
  id: Generated<number>
  recorded_at: Generated<Date>
  key_sum: number
}

export interface StatisticsTables {
  stat_crossings: StatCrossingsTable
  /** The finest cuboid with the pending deltas added (rows may repeat a cell: readers sum). */
  stat_crossings_now: StatCrossingsTable
  stat_crossing_deltas: StatCrossingDeltasTable
  stat_fold_state: { id: Generated<boolean>; folded_at: Date | null }
  stat_crossings_post: StatCrossingsPostTable
  stat_crossings_post_month: StatCrossingsPostMonthTable
  stat_crossings_person: StatCrossingsPersonTable
  stat_crossings_post_person: StatCrossingsPostPersonTable
}

import type { ColumnType, Selectable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>

/** An officer at a post and counter, from opening to closing; open while `closed_at` is null. */
export interface ShiftTable {
  id: string
  officer_id: string
  agency_code: string
  post_code: string
  counter: string
  opened_at: Timestamp
  closed_at: Timestamp | null
  /** The officer, or the supervisor who freed a counter left open. */
  closed_by: string | null
}

export interface PostsTables {
  shifts: ShiftTable
}

export type ShiftRow = Selectable<ShiftTable>

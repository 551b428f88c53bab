import type { ColumnType, Selectable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>

/**
 * One referral to secondary inspection: the `refer_secondary` crossing it came from, who referred and why, who took
 * it and when, and the outcome with everything the outcome set off (the resulting movement, a protection referral,
 * a police alert). The timestamps are the dwell time.
 */
export interface SecondaryInspectionTable {
  id: string
  crossing_id: string
  traveller_id: string
  post_code: string
  referred_by: string
  referral_note: string
  referred_at: Timestamp
  taken_by: string | null
  taken_at: Timestamp | null
  decided_by: string | null
  decided_at: Timestamp | null
  outcome: string | null
  refusal_reason: string | null
  result_crossing_id: string | null
  protection_referral_id: string | null
  police_alert_id: string | null
}

/** Interview notes: append-only, each with its author and time. */
export interface SecondaryNoteTable {
  id: string
  secondary_id: string
  author_id: string
  written_at: Timestamp
  text: string
}

/** A document examination made during the interview, linked to it. */
export interface SecondaryExaminationTable {
  secondary_id: string
  examination_id: string
  linked_by: string
  linked_at: Timestamp
}

export interface SecondaryTables {
  secondary_inspections: SecondaryInspectionTable
  secondary_notes: SecondaryNoteTable
  secondary_examinations: SecondaryExaminationTable
}

export type SecondaryRow = Selectable<SecondaryInspectionTable>
export type SecondaryNoteRow = Selectable<SecondaryNoteTable>

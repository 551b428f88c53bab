import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
/** JSON columns are written as text and read back parsed, on PGlite and PostgreSQL alike. */
type Json<T> = ColumnType<T, string, string>

/** The refusal reasons officers choose from, kept by administrators in both languages. */
export interface RefusalReasonTable {
  code: string
  name_en: string
  name_km: string
  position: number
  active: Generated<boolean>
}

/** One movement an officer decided at a counter: entry or exit, admitted, referred or refused. */
export interface CrossingTable {
  id: string
  traveller_id: string
  document_id: string
  post_code: string
  counter: string
  officer_id: string
  agency_code: string
  crossed_at: Timestamp
  /** The day in Cambodia, `YYYY-MM-DD`: stays are counted in local days. */
  crossed_on: string
  direction: string
  purpose: string | null
  permit_type: string | null
  permit_number: string | null
  permit_valid_from: string | null
  permit_valid_until: string | null
  permitted_stay_days: number | null
  transport: string | null
  vehicle_plate: string | null
  flight_number: string | null
  vessel_name: string | null
  decision: string
  refusal_reason: string | null
  risk_evaluation_id: string | null
  screening_request_id: string | null
  /** For an exit: the admitted entry whose stay it ends. */
  matched_entry_id: string | null
  stay_days: number | null
  overstay_days: number | null
  flags: Json<string[]>
  /** The traveller's admitted movement before this one; unique, so one movement cannot be recorded twice. */
  previous_admitted_id: string | null
}

export interface CrossingCompanionTable {
  crossing_id: string
  traveller_id: string
  relation: string
}

export interface CrossingsTables {
  refusal_reasons: RefusalReasonTable
  crossings: CrossingTable
  crossing_companions: CrossingCompanionTable
}

export type CrossingRow = Selectable<CrossingTable>
export type NewCrossingRow = Insertable<CrossingTable>
export type RefusalReasonRow = Selectable<RefusalReasonTable>

import type { ColumnType, Generated, Selectable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
/** JSON columns are written as text and read back parsed, on PGlite and PostgreSQL alike. */
type Json<T> = ColumnType<T, string, string>

export interface ProviderTable {
  id: string
  agency_code: string
  name_en: string
  name_km: string
  type: string
  services: Json<string[]>
  province_code: string | null
  location: string
  contact_name: string
  phone: string
  email: string
  shelter_beds: number | null
  shelter_occupied: Generated<number>
  active: Generated<boolean>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface PersonTable {
  id: string
  agency_code: string
  given_latin: string
  family_latin: string
  given_khmer: string | null
  family_khmer: string | null
  birth_date: string | null
  birth_date_estimated: boolean
  gender: string
  nationality: string | null
  mobile_phone: string | null
  province_code: string | null
  created_by: string
  created_at: Generated<Date>
  /** Set when a worker merged this record into another; the record is kept for the audit trail. */
  merged_into: Generated<string | null>
  merged_at: Generated<Date | null>
}

export interface IdentificationTable {
  id: string
  person_id: string
  agency_code: string
  context: string
  post_code: string | null
  answers: Json<Record<string, unknown>>
  result: Json<unknown>
  outcome: string
  screened_by: string
  screened_at: Timestamp
}

export interface ConsentTable {
  id: string
  person_id: string
  purpose: string
  decision: string
  given_by: string
  guardian_name: string | null
  method: string
  recorded_by: string
  at: Timestamp
}

export interface ReferralTable {
  id: string
  person_id: string
  case_id: string | null
  identification_id: string | null
  provider_id: string
  from_agency: string
  from_post: string | null
  to_agency: string
  services: Json<string[]>
  state: string
  basis: string
  override: Json<unknown> | null
  note: string
  steps: Json<Record<string, { by: string; at: string; reason?: string }>>
  created_by: string
  created_at: Timestamp
  answered_at: Timestamp | null
  completed_at: Timestamp | null
}

export interface AssistanceTable {
  id: string
  person_id: string
  case_id: string | null
  referral_id: string | null
  service: string
  note: string
  provided_by: string
  provided_at: Timestamp
}

export interface CaseTable {
  id: string
  number: Generated<number>
  person_id: string
  agency_code: string
  state: string
  case_worker_id: string | null
  record: Json<unknown>
  identification_id: string | null
  opened_by: string
  opened_at: Timestamp
  updated_at: Timestamp
  closed_at: Timestamp | null
}

export interface CaseEventTable {
  seq: Generated<number>
  case_id: string
  kind: string
  event: string
  from_state: string | null
  to_state: string | null
  by_user: string
  at: Timestamp
  details: Json<Record<string, unknown>>
}

export interface FollowUpTable {
  id: string
  case_id: string
  due_date: string
  completed_on: string | null
  note: string
  created_by: string
  created_at: Generated<Date>
}

/** Joined into `Database` in `platform/db/schema.ts`. */
export interface ProtectionTables {
  protection_providers: ProviderTable
  protection_persons: PersonTable
  protection_identifications: IdentificationTable
  protection_consents: ConsentTable
  protection_referrals: ReferralTable
  protection_assistance: AssistanceTable
  protection_cases: CaseTable
  protection_case_events: CaseEventTable
  protection_follow_ups: FollowUpTable
}

export type ProviderRow = Selectable<ProviderTable>
export type PersonRow = Selectable<PersonTable>
export type IdentificationRow = Selectable<IdentificationTable>
export type ConsentRow = Selectable<ConsentTable>
export type ReferralRow = Selectable<ReferralTable>
export type AssistanceRow = Selectable<AssistanceTable>
export type CaseRow = Selectable<CaseTable>
export type CaseEventRow = Selectable<CaseEventTable>
export type FollowUpRow = Selectable<FollowUpTable>

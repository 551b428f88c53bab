import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
/** JSON columns are written as text and read back parsed, on PGlite and PostgreSQL alike. */
type Json<T> = ColumnType<T, string | undefined, string>

/**
 * One person registered at a post during a return. Statistics and the post board read it by `post_code` and
 * `registered_on`; those columns and `sex`, `birth_date`, `estimated_age`, `nationality`, the provinces,
 * `return_type`, `triage_flags`, `needs`, `referral_id` and `group_id` are a contract with those areas.
 */
export interface ReturneeTable {
  id: string
  post_code: string
  registered_at: Timestamp
  /** The day in Cambodia, `YYYY-MM-DD`. */
  registered_on: string
  registered_by: string
  agency_code: string
  family_latin: string | null
  given_latin: string | null
  family_khmer: string | null
  given_khmer: string | null
  sex: 'M' | 'F' | 'X' | null
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  birth_date: string | null
  estimated_age: number | null
  nationality: Generated<string>
  /** Province codes as in `reference/provinces.csv` (`KH-1` …). */
  origin_province: string | null
  origin_district: string | null
  return_province: string | null
  return_district: string | null
  /** E.164. */
  phone: string | null
  return_type: string
  triage_flags: string[]
  needs: string[]
  /** The referral to protection made with the registration. */
  referral_id: string | null
  group_id: string | null
  import_id: string | null
  /** For a row imported from a return list: the list and the row's key in it (its number, else a digest). */
  list_ref: string | null
  list_key: string | null
  updated_at: Timestamp | null
  updated_by: string | null
}

/** One upload of a return list, with its progress and the row-by-row report. */
export interface ReturnImportTable {
  id: string
  post_code: string
  list_ref: string
  file_sha256: string
  file_name: string | null
  format: 'csv' | 'xlsx'
  return_type: string
  state: 'running' | 'done'
  total_rows: Generated<number>
  processed_rows: Generated<number>
  added: Generated<number>
  already_registered: Generated<number>
  rejected: Generated<number>
  issues: Json<unknown[]>
  ignored_columns: Json<string[]>
  created_by: string
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ReturneePhotoTable {
  returnee_id: string
  content_type: string
  size: number
  sha256: string
  bytes: Buffer
  uploaded_by: string
  uploaded_at: Timestamp
}

export interface ReturnsTables {
  returnees: ReturneeTable
  return_imports: ReturnImportTable
  returnee_photos: ReturneePhotoTable
}

export type ReturneeRow = Selectable<ReturneeTable>
export type NewReturneeRow = Insertable<ReturneeTable>
export type ReturnImportRow = Selectable<ReturnImportTable>

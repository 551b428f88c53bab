import type { ColumnType, Generated, Selectable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
/** JSON columns are written as text and read back parsed, on PGlite and PostgreSQL alike. */
type Json<T> = ColumnType<T, string, string>

/** A document number as a list gives it: issuing state and type are optional on person entries. */
export interface ListedDocument {
  issuingState?: string
  type?: string
  number: string
}

/** An alert list, owned by one agency; only that agency changes its entries. */
export interface WatchlistTable {
  id: string
  name: string
  owner_agency: string
  kind: string
  description: string
  active: Generated<boolean>
  /** The last committed list version (0 before any change). */
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

/** One import or one manual change; an import commits all its changes as one version or none. */
export interface WatchlistVersionTable {
  id: string
  list_id: string
  version: number
  source: string
  file_name: string | null
  added: number
  changed: number
  removed: number
  created_by: string | null
  created_at: Timestamp
}

/** What person and document entries share: provenance, handling, validity, review and sensitivity. */
interface EntryColumns {
  id: string
  list_id: string
  /** The source's own identifier (UN reference number, FtM id, CSV `id`), so a re-import updates in place. */
  external_id: string
  source: string
  handling: string
  valid_from: string | null
  valid_until: string | null
  review_date: string | null
  sensitivity: string
  /** SHA-256 of the content, so a re-import can tell a changed entry from an unchanged one cheaply. */
  fingerprint: string
  /** The `screening_state.version` that last changed this entry: other processes reload what is newer. */
  change_version: number
  /** The list version that last confirmed this entry: an import removes what it did not confirm. */
  list_version: number
  removed_at: Timestamp | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface WatchlistPersonTable extends EntryColumns {
  /** The main name first, then every alias, in any script. */
  names: Json<string[]>
  birth_date: string | null
  nationality: Json<string[]>
  sex: string | null
  documents: Json<ListedDocument[]>
  category: string
}

export interface WatchlistDocumentTable extends EntryColumns {
  issuing_state: string
  document_type: string | null
  number: string
  /** Every OCR misreading of a number shares this form, so one indexed lookup finds them all. */
  ocr_key: string
  status: string
}

/** Document numbers of person entries, keyed like document entries for the exact lookup. */
export interface WatchlistPersonDocumentTable {
  person_id: string
  issuing_state: string | null
  number: string
  ocr_key: string
}

/** One row: the version every process compares with the one its index was built from. */
export interface ScreeningStateTable {
  id: number
  version: number
}

/** One random token per screening version: a restored or replaced database shows another token (migration 0013). */
export interface ScreeningVersionTable {
  version: number
  token: string
  created_at: Generated<Timestamp>
}

export interface ScreeningRequestTable {
  id: string
  traveller_key: string
  query: Json<unknown>
  crossing_id: string | null
  registration_id: string | null
  agency_code: string
  post_code: string | null
  officer_id: string | null
  hits: number
  suppressed: number
  screened_at: Timestamp
}

export interface ScreeningHitTable {
  id: string
  request_id: string
  kind: string
  person_id: string | null
  document_id: string | null
  list_id: string
  owner_agency: string
  traveller_key: string
  score: number
  decision: string
  explanation: Json<unknown>
  /** The agency and post of the officer who screened: the supervisors there see the hit. */
  agency_code: string
  post_code: string | null
  status: string
  adjudication_reason: string | null
  adjudicated_by: string | null
  adjudicated_at: Timestamp | null
  created_at: Timestamp
}

/** A false positive remembered for a traveller and an entry, so the same pair is not raised again. */
export interface ScreeningDismissalTable {
  traveller_key: string
  entry_id: string
  hit_id: string
  reason: string
  created_by: string
  created_at: Timestamp
}

/** A confirmed hit, waiting in the owning agency's notification list. */
export interface ScreeningNotificationTable {
  id: string
  agency_code: string
  hit_id: string
  created_at: Timestamp
  read_by: string | null
  read_at: Timestamp | null
}

export interface ScreeningTables {
  watchlists: WatchlistTable
  watchlist_versions: WatchlistVersionTable
  watchlist_persons: WatchlistPersonTable
  watchlist_documents: WatchlistDocumentTable
  watchlist_person_documents: WatchlistPersonDocumentTable
  screening_state: ScreeningStateTable
  screening_versions: ScreeningVersionTable
  screening_requests: ScreeningRequestTable
  screening_hits: ScreeningHitTable
  screening_dismissals: ScreeningDismissalTable
  screening_notifications: ScreeningNotificationTable
}

export type WatchlistRow = Selectable<WatchlistTable>
export type PersonEntryRow = Selectable<WatchlistPersonTable>
export type DocumentEntryRow = Selectable<WatchlistDocumentTable>
export type HitRow = Selectable<ScreeningHitTable>

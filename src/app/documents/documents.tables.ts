import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
/** JSON columns are written as text and read back parsed, on PGlite and PostgreSQL alike. */
type Json<T> = ColumnType<T, string, string>

/**
 * A person crossing the border, as their documents describe them. Kept minimal and generic: identification
 * by name and merging of travellers belong to the crossings area, which will extend this table.
 */
export interface TravellerTable {
  id: string
  surname: string
  given_names: string
  /** `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when the document says the day or month is unknown. */
  birth_date: string | null
  sex: string | null
  nationality: string | null
  created_at: Generated<Date>
}

/** One travel document, stored once per issuing state + document code + number. */
export interface TravelDocumentTable {
  id: string
  traveller_id: string
  issuing_state: string
  document_code: string
  document_number: string
  /** The MRZ format, null for a document entered by hand. */
  format: string | null
  source: 'mrz' | 'manual'
  nationality: string | null
  surname: string
  given_names: string
  birth_date: string | null
  sex: string | null
  expiry_date: string | null
  optional_data: string | null
  /** The MRZ lines as read, one per line. */
  mrz: string | null
  first_seen_at: Timestamp
  first_seen_post: string | null
  last_seen_at: Timestamp
  last_seen_post: string | null
  read_count: number
  created_by: string
}

export interface ExaminationTemplateTable {
  id: string
  issuing_state: string | null
  document_code: string | null
  series: string | null
  name_en: string
  name_km: string
  active: Generated<boolean>
  updated_at: Generated<Date>
}

export interface ExaminationCheckTable {
  template_id: string
  id: string
  position: number
  category: string
  method: string
  name_en: string
  name_km: string
  to_be_confirmed: boolean
  active: Generated<boolean>
}

export interface DocumentExaminationTable {
  id: string
  document_id: string
  template_id: string
  /** Copied from the document so that statistics need no join. */
  issuing_state: string
  document_code: string
  finding: string
  /** Check id → result, for the checks of the template at the time of the examination. */
  results: Json<Record<string, string>>
  notes: string
  post_code: string | null
  agency_code: string
  examined_by: string
  examined_at: Timestamp
}

export interface DocumentPhotoTable {
  id: string
  examination_id: string
  content_type: string
  size: number
  sha256: string
  bytes: ColumnType<Buffer, Buffer, Buffer>
  uploaded_by: string
  uploaded_at: Timestamp
}

export interface DocumentsTables {
  travellers: TravellerTable
  travel_documents: TravelDocumentTable
  examination_templates: ExaminationTemplateTable
  examination_checks: ExaminationCheckTable
  document_examinations: DocumentExaminationTable
  document_photos: DocumentPhotoTable
}

export type TravellerRow = Selectable<TravellerTable>
export type TravelDocumentRow = Selectable<TravelDocumentTable>
export type TemplateRow = Selectable<ExaminationTemplateTable>
export type CheckRow = Selectable<ExaminationCheckTable>
export type ExaminationRow = Selectable<DocumentExaminationTable>
export type PhotoRow = Selectable<DocumentPhotoTable>
export type NewTravelDocumentRow = Insertable<TravelDocumentTable>
export type NewTemplateRow = Insertable<ExaminationTemplateTable>
export type NewCheckRow = Insertable<ExaminationCheckTable>
export type NewExaminationRow = Insertable<DocumentExaminationTable>

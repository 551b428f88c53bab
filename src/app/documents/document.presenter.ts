import type { TravelDocumentRow } from './documents.tables.ts'

/** What a client sees of a stored document: its data and when and where it was seen, never who stored it. */
export function presentDocument(d: TravelDocumentRow) {
  return {
    id: d.id,
    travellerId: d.traveller_id,
    source: d.source,
    format: d.format,
    documentCode: d.document_code,
    issuingState: d.issuing_state,
    documentNumber: d.document_number,
    nationality: d.nationality,
    surname: d.surname,
    givenNames: d.given_names,
    birthDate: d.birth_date,
    sex: d.sex,
    expiryDate: d.expiry_date,
    optionalData: d.optional_data,
    firstSeenAt: d.first_seen_at.toISOString(),
    firstSeenPost: d.first_seen_post,
    lastSeenAt: d.last_seen_at.toISOString(),
    lastSeenPost: d.last_seen_post,
    readCount: d.read_count,
  }
}

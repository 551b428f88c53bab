import type { DocumentEntryRow, ListedDocument, PersonEntryRow, WatchlistRow } from './screening.tables.ts'

export function presentList(l: WatchlistRow, overdue = 0) {
  return {
    id: l.id,
    name: l.name,
    ownerAgency: l.owner_agency,
    kind: l.kind,
    description: l.description,
    active: l.active,
    version: l.version,
    overdue,
    updatedAt: l.updated_at.toISOString(),
  }
}

type EntryRow = PersonEntryRow | DocumentEntryRow

function common(e: EntryRow, today: string) {
  return {
    id: e.id,
    listId: e.list_id,
    externalId: e.external_id,
    source: e.source,
    handling: e.handling,
    validFrom: e.valid_from,
    validUntil: e.valid_until,
    reviewDate: e.review_date,
    // Flagged for the owning agency: an entry nobody has looked at since its review date may be stale.
    reviewOverdue: e.review_date !== null && e.review_date < today,
    sensitivity: e.sensitivity,
    updatedAt: e.updated_at.toISOString(),
  }
}

export function presentPerson(e: PersonEntryRow, today: string) {
  return {
    ...common(e, today),
    names: e.names,
    birthDate: e.birth_date,
    nationality: e.nationality,
    sex: e.sex,
    documents: e.documents as ListedDocument[],
    category: e.category,
  }
}

export function presentDocument(e: DocumentEntryRow, today: string) {
  return {
    ...common(e, today),
    issuingState: e.issuing_state,
    type: e.document_type,
    number: e.number,
    status: e.status,
  }
}

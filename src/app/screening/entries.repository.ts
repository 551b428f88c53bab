import { normaliseIssuingState, ocrCanonical } from '../../domain/screening/index.ts'
import type { Tx } from '../../platform/db/database.ts'
import { type DocumentEntryInput, fingerprint, type PersonEntryInput } from './entry-input.ts'
import { storableJson, storableText } from './storable.ts'
import type { Stamp } from './watchlists.repository.ts'

/** Entry rows: what person and document entries are written as, and the bulk statements an import uses. */
function common(e: PersonEntryInput | DocumentEntryInput, s: Stamp, now: Date) {
  return {
    list_id: s.listId,
    source: storableText(e.source),
    handling: storableText(e.handling),
    valid_from: e.validFrom,
    valid_until: e.validUntil,
    review_date: e.reviewDate,
    sensitivity: e.sensitivity,
    fingerprint: fingerprint(e),
    change_version: s.changeVersion,
    list_version: s.listVersion,
    removed_at: null,
    updated_at: now,
  }
}

export function personValues(e: PersonEntryInput, s: Stamp, now = new Date()) {
  return {
    ...common(e, s, now),
    names: storableJson(e.names),
    birth_date: e.birthDate,
    nationality: JSON.stringify(e.nationality),
    sex: e.sex,
    documents: storableJson(e.documents),
    category: e.category,
  }
}

export function documentValues(e: DocumentEntryInput, s: Stamp, now = new Date()) {
  return {
    ...common(e, s, now),
    issuing_state: normaliseIssuingState(e.issuingState) ?? e.issuingState,
    document_type: e.type,
    number: storableText(e.number),
    ocr_key: ocrCanonical(e.number),
    status: e.status,
  }
}

/** Rewrites the lookup rows of a person's document numbers. */
export async function setPersonDocuments(trx: Tx, persons: { id: string; entry: PersonEntryInput }[]) {
  if (persons.length === 0) return
  await trx
    .deleteFrom('watchlist_person_documents')
    .where(
      'person_id',
      'in',
      persons.map((p) => p.id),
    )
    .execute()
  const rows = persons.flatMap((p) =>
    p.entry.documents
      .map((d) => ({
        person_id: p.id,
        issuing_state: d.issuingState ? (normaliseIssuingState(d.issuingState) ?? null) : null,
        number: storableText(d.number),
        ocr_key: ocrCanonical(d.number),
      }))
      .filter((d) => d.ocr_key !== ''),
  )
  if (rows.length > 0) await trx.insertInto('watchlist_person_documents').values(rows).execute()
}

export async function insertPersons(
  trx: Tx,
  entries: { id: string; entry: PersonEntryInput; externalId: string }[],
  s: Stamp,
) {
  if (entries.length === 0) return
  const now = new Date()
  await trx
    .insertInto('watchlist_persons')
    .values(
      entries.map((x) => ({
        id: x.id,
        external_id: x.externalId,
        created_at: now,
        ...personValues(x.entry, s, now),
      })),
    )
    .execute()
  await setPersonDocuments(trx, entries)
}

export async function insertDocuments(
  trx: Tx,
  entries: { id: string; entry: DocumentEntryInput; externalId: string }[],
  s: Stamp,
) {
  if (entries.length === 0) return
  const now = new Date()
  await trx
    .insertInto('watchlist_documents')
    .values(
      entries.map((x) => ({
        id: x.id,
        external_id: x.externalId,
        created_at: now,
        ...documentValues(x.entry, s, now),
      })),
    )
    .execute()
}

export type EntryTable = 'watchlist_persons' | 'watchlist_documents'

/** Marks entries removed; they stay for the hits that refer to them, and leave every index at its next check. */
export async function removeEntries(trx: Tx, table: EntryTable, ids: string[], changeVersion: number) {
  if (ids.length === 0) return
  await trx
    .updateTable(table)
    .set({ removed_at: new Date(), change_version: changeVersion, updated_at: new Date() })
    .where('id', 'in', ids)
    .execute()
}

/** Entries of a list an import did not confirm: the ones it removes. */
export async function removeUnconfirmed(
  trx: Tx,
  table: EntryTable,
  listId: string,
  version: number,
  changeVersion: number,
) {
  const rows = await trx
    .updateTable(table)
    .set({ removed_at: new Date(), change_version: changeVersion, updated_at: new Date() })
    .where('list_id', '=', listId)
    .where('removed_at', 'is', null)
    .where('list_version', '<', version)
    .returning('id')
    .execute()
  return rows.length
}

/** Ids of entries that exist (removed or not) for these external ids. */
export async function existingByExternalId(
  trx: Tx,
  table: EntryTable,
  listId: string,
  externalIds: string[],
) {
  if (externalIds.length === 0)
    return new Map<string, { id: string; fingerprint: string; removed: boolean; listVersion: number }>()
  const rows = await trx
    .selectFrom(table)
    .select(['id', 'external_id', 'fingerprint', 'removed_at', 'list_version'])
    .where('list_id', '=', listId)
    .where('external_id', 'in', externalIds)
    .execute()
  return new Map(
    rows.map((r) => [
      r.external_id,
      { id: r.id, fingerprint: r.fingerprint, removed: r.removed_at !== null, listVersion: r.list_version },
    ]),
  )
}

/** Confirms unchanged entries in a new list version with one statement per batch. */
export async function confirmEntries(trx: Tx, table: EntryTable, ids: string[], listVersion: number) {
  if (ids.length === 0) return
  await trx.updateTable(table).set({ list_version: listVersion }).where('id', 'in', ids).execute()
}

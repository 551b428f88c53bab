import { sql } from 'kysely'
import type { Executor, Tx } from '../../platform/db/database.ts'
import type { NewTravelDocumentRow, TravelDocumentRow, TravellerRow } from './documents.tables.ts'
import { type NewTraveller, travellerInsert } from './travellers.repository.ts'

export interface DocumentKey {
  issuingState: string
  documentCode: string
  documentNumber: string
}

// Any constant: the first half of the two-key advisory lock, a key space of its own (the audit chain uses
// the one-key form).
const DOCUMENT_LOCK_CLASS = 20_002

/**
 * Serialises the first read of one document across transactions and processes, so two officers scanning
 * the same passport at once store it, and its traveller, exactly once.
 */
export async function lockDocumentKey(trx: Tx, key: DocumentKey): Promise<void> {
  const text = `${key.issuingState}|${key.documentCode}|${key.documentNumber}`
  await sql`SELECT pg_advisory_xact_lock(${DOCUMENT_LOCK_CLASS}, hashtext(${text}))`.execute(trx)
}

export function findDocumentByKey(db: Executor, key: DocumentKey): Promise<TravelDocumentRow | undefined> {
  return db
    .selectFrom('travel_documents')
    .selectAll()
    .where('issuing_state', '=', key.issuingState)
    .where('document_code', '=', key.documentCode)
    .where('document_number', '=', key.documentNumber)
    .executeTakeFirst()
}

export function findDocumentById(db: Executor, id: string): Promise<TravelDocumentRow | undefined> {
  return db.selectFrom('travel_documents').selectAll().where('id', '=', id).executeTakeFirst()
}

export function insertDocument(db: Executor, row: NewTravelDocumentRow): Promise<TravelDocumentRow> {
  return db.insertInto('travel_documents').values(row).returningAll().executeTakeFirstOrThrow()
}

/**
 * A new document and the traveller created for it in one statement (issue 13: one round trip fewer per new
 * passport at the counter). The traveller's insert is a data-modifying CTE; its stored row, defaults included,
 * comes back as JSON beside the document's row and is read as `RETURNING *` would give it.
 */
export async function insertDocumentWithTraveller(
  db: Executor,
  traveller: NewTraveller,
  row: NewTravelDocumentRow,
): Promise<{ document: TravelDocumentRow; traveller: TravellerRow }> {
  const { rows } = await sql<TravelDocumentRow & { traveller_row: Record<string, unknown> }>`
    WITH t AS (${travellerInsert(db, traveller)})
    ${db
      .insertInto('travel_documents')
      .values(row)
      .returningAll()
      .returning(sql<unknown>`(SELECT to_json(t) FROM t)`.as('traveller_row'))}`.execute(db)
  const { traveller_row: stored, ...document } = rows[0]!
  return {
    document,
    traveller: { ...stored, created_at: new Date(stored.created_at as string) } as TravellerRow,
  }
}

export function markDocumentSeen(
  db: Executor,
  id: string,
  at: Date,
  postCode: string | null,
): Promise<TravelDocumentRow> {
  return db
    .updateTable('travel_documents')
    .set((eb) => ({ last_seen_at: at, last_seen_post: postCode, read_count: eb('read_count', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

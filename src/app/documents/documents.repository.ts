import { sql } from 'kysely'
import type { Executor } from '../../platform/db/database.ts'
import type { NewTravelDocumentRow, TravelDocumentRow, TravellerRow } from './documents.tables.ts'
import type { NewTraveller } from './travellers.repository.ts'

export interface DocumentKey {
  issuingState: string
  documentCode: string
  documentNumber: string
}

/**
 * A document read again: when and where it was seen, in one statement that finds it by its key and locks its row,
 * so two officers reading it at once each count their read; its traveller comes back with it (the counter shows
 * both). Undefined when the document was never stored.
 */
export async function markSeenByKey(
  db: Executor,
  key: DocumentKey,
  at: Date,
  postCode: string | null,
): Promise<{ document: TravelDocumentRow; traveller: TravellerRow } | undefined> {
  const row = await db
    .updateTable('travel_documents')
    .set((eb) => ({ last_seen_at: at, last_seen_post: postCode, read_count: eb('read_count', '+', 1) }))
    .where('issuing_state', '=', key.issuingState)
    .where('document_code', '=', key.documentCode)
    .where('document_number', '=', key.documentNumber)
    .returningAll()
    .returning(
      sql<
        Record<string, unknown>
      >`(SELECT to_json(t) FROM travellers t WHERE t.id = travel_documents.traveller_id)`.as('traveller_row'),
    )
    .executeTakeFirst()
  if (!row) return undefined
  const { traveller_row: traveller, ...document } = row
  return { document, traveller: travellerFromJson(traveller) }
}

/** A traveller's row read as JSON (`to_json`) as Kysely reads it from its table: the timestamp as a Date. */
function travellerFromJson(json: Record<string, unknown>): TravellerRow {
  return { ...json, created_at: new Date(json.created_at as string) } as TravellerRow
}

export function findDocumentById(db: Executor, id: string): Promise<TravelDocumentRow | undefined> {
  return db.selectFrom('travel_documents').selectAll().where('id', '=', id).executeTakeFirst()
}

export function insertDocument(db: Executor, row: NewTravelDocumentRow): Promise<TravelDocumentRow> {
  return db.insertInto('travel_documents').values(row).returningAll().executeTakeFirstOrThrow()
}

/**
 * A new document and the traveller created for it in one statement, unless the document's key is already stored
 * (undefined then: an officer elsewhere stored it first, and the caller reads it again). The document goes in first,
 * `ON CONFLICT DO NOTHING` on its key: a second reader of the same new passport waits there for the first one's
 * commit instead of failing on the unique key, and the traveller is inserted only when the document was. The
 * document's foreign key to its traveller is checked at the end of the statement, when both are in. The traveller's
 * stored row, defaults included, comes back as JSON beside the document's row and is read as `RETURNING *` would
 * give it.
 */
export async function insertDocumentWithTraveller(
  db: Executor,
  traveller: NewTraveller,
  row: NewTravelDocumentRow,
): Promise<{ document: TravelDocumentRow; traveller: TravellerRow } | undefined> {
  const t = traveller
  const { rows } = await sql<TravelDocumentRow & { traveller_row: Record<string, unknown> | null }>`
    WITH d AS (${db
      .insertInto('travel_documents')
      .values(row)
      .onConflict((oc) => oc.columns(['issuing_state', 'document_code', 'document_number']).doNothing())
      .returningAll()}),
    t AS (INSERT INTO travellers (id, surname, given_names, birth_date, sex, nationality)
      SELECT ${t.id}::uuid, ${t.surname}::text, ${t.givenNames}::text, ${t.birthDate}::text, ${t.sex}::text,
        ${t.nationality}::text
      WHERE EXISTS (SELECT 1 FROM d) RETURNING *)
    SELECT d.*, (SELECT to_json(t) FROM t) AS traveller_row FROM d`.execute(db)
  const first = rows[0]
  if (!first) return undefined
  const { traveller_row: stored, ...document } = first
  return { document, traveller: travellerFromJson(stored!) }
}

import { sql } from 'kysely'
import type { Executor } from '../../platform/db/database.ts'
import type { NewTravelDocumentRow, TravelDocumentRow, TravellerRow } from './documents.tables.ts'
import type { NewTraveller } from './travellers.repository.ts'

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
 * A document and its traveller in ONE statement, whether it is new or read again. The insert meets a stored key
 * (`ON CONFLICT … DO UPDATE`) and then counts the read instead: when and where it was seen. A row lock orders two
 * officers reading one passport at once, the second waiting for the first one's commit, so each read is counted and
 * a new passport is stored once. `created` says which happened: the returned row is the one written, with the
 * fresh id, only when it was inserted. The traveller is inserted with the document, and only then; its foreign key
 * is checked at the end of the statement, when both are in. A stored document's traveller is read in the same
 * statement. Either traveller's row comes back as JSON and is read as `RETURNING *` would give it.
 */
export async function storeOrCountRead(
  db: Executor,
  traveller: NewTraveller,
  row: NewTravelDocumentRow,
): Promise<{ document: TravelDocumentRow; traveller: TravellerRow; created: boolean }> {
  const t = traveller
  const { rows } = await sql<TravelDocumentRow & { traveller_row: Record<string, unknown> | null }>`
    WITH d AS (${db
      .insertInto('travel_documents')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['issuing_state', 'document_code', 'document_number']).doUpdateSet((eb) => ({
          last_seen_at: eb.ref('excluded.last_seen_at'),
          last_seen_post: eb.ref('excluded.last_seen_post'),
          read_count: sql<number>`travel_documents.read_count + 1`,
        })),
      )
      .returningAll()}),
    t AS (INSERT INTO travellers (id, surname, given_names, birth_date, sex, nationality)
      SELECT ${t.id}::uuid, ${t.surname}::text, ${t.givenNames}::text, ${t.birthDate}::text, ${t.sex}::text,
        ${t.nationality}::text
      WHERE EXISTS (SELECT 1 FROM d WHERE d.id = ${row.id}::uuid) RETURNING *)
    SELECT d.*, coalesce((SELECT to_json(t) FROM t),
      (SELECT to_json(x) FROM travellers x WHERE x.id = d.traveller_id)) AS traveller_row FROM d`.execute(db)
  const { traveller_row: stored, ...document } = rows[0]!
  const created = document.id === row.id
  // A traveller made by a transaction that committed while this statement waited for the document's row is not in
  // its snapshot (an officer linking the passport elsewhere at that instant): read it in a statement of its own.
  const holder =
    stored === null
      ? await db
          .selectFrom('travellers')
          .selectAll()
          .where('id', '=', document.traveller_id)
          .executeTakeFirstOrThrow()
      : travellerFromJson(stored)
  return { document, traveller: holder, created }
}

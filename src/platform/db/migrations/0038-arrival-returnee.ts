import { type Kysely, sql } from 'kysely'

/**
 * Exchange (issue 17): a return list's arrival recorded at the border registers the returnee in the mass-return
 * registration; the arrival keeps which registration it made (the returnee names the partner's list and row in
 * `list_ref`/`list_key`). Unique: one arrival, one returnee, whatever retries happen.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE exchange_arrivals ADD COLUMN returnee_id uuid REFERENCES returnees(id)`.execute(db)
  await sql`CREATE UNIQUE INDEX exchange_arrivals_returnee ON exchange_arrivals (returnee_id)
    WHERE returnee_id IS NOT NULL`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE exchange_arrivals DROP COLUMN returnee_id`.execute(db)
}

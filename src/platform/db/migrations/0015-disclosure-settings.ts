import { type Kysely, sql } from 'kysely'

/**
 * The administrator's disclosure settings, one row: the floor under which no k-anonymous export may go
 * (statistics microdata, the HTCDS case export). The database refuses a floor under the hard minimum too,
 * so a hand-edited row cannot lower it either.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE disclosure_settings (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    k_floor integer NOT NULL DEFAULT 11 CHECK (k_floor BETWEEN 5 AND 1000),
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid REFERENCES users(id))`.execute(db)
  await sql`INSERT INTO disclosure_settings (k_floor) VALUES (11)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS disclosure_settings`.execute(db)
}

import { type Kysely, sql } from 'kysely'

/**
 * Shifts: an officer works at one post and counter from opening to closing. Partial unique indexes keep one open
 * shift per officer and one officer per counter, so two officers opening the same counter at once cannot both win.
 * Also the indexes the live post board polls and the name + birth date identification of travellers reads.
 */
const STATEMENTS = [
  `CREATE TABLE shifts (
    id uuid PRIMARY KEY,
    officer_id uuid NOT NULL REFERENCES users(id),
    agency_code text NOT NULL REFERENCES agencies(code),
    post_code text NOT NULL REFERENCES points_of_entry(code),
    counter text NOT NULL CHECK (length(counter) BETWEEN 1 AND 20),
    opened_at timestamptz NOT NULL,
    closed_at timestamptz,
    closed_by uuid REFERENCES users(id),
    CHECK (closed_at IS NULL OR closed_at >= opened_at))`,
  `CREATE UNIQUE INDEX shifts_open_officer_idx ON shifts (officer_id) WHERE closed_at IS NULL`,
  `CREATE UNIQUE INDEX shifts_open_counter_idx ON shifts (post_code, counter) WHERE closed_at IS NULL`,
  `CREATE INDEX shifts_post_opened_idx ON shifts (post_code, opened_at)`,
  `CREATE INDEX screening_hits_open_post_idx ON screening_hits (post_code) WHERE status = 'open'`,
  `CREATE INDEX travellers_birth_date_idx ON travellers (birth_date)`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP INDEX IF EXISTS travellers_birth_date_idx').execute(db)
  await sql.raw('DROP INDEX IF EXISTS screening_hits_open_post_idx').execute(db)
  await db.schema.dropTable('shifts').ifExists().execute()
}

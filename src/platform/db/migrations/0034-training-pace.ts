import { type Kysely, sql } from 'kysely'

/**
 * The training ground at the counter's pace (issue 14 §3): a time limit per document on each exercise set, and
 * each document of an attempt opened and answered on the server's clock, so the time a trainee spent on it is
 * the server's, never the browser's. Only the ground's own schema changes; nothing live.
 */
const STATEMENTS = [
  `ALTER TABLE training_ground.exercises
    ADD COLUMN seconds_per_document integer NOT NULL DEFAULT 90
    CHECK (seconds_per_document BETWEEN 15 AND 900)`,
  `CREATE TABLE training_ground.attempt_documents (
    attempt_id uuid NOT NULL REFERENCES training_ground.attempts(id) ON DELETE CASCADE,
    position integer NOT NULL CHECK (position BETWEEN 0 AND 99),
    opened_at timestamptz NOT NULL,
    answered_at timestamptz,
    findings jsonb,
    PRIMARY KEY (attempt_id, position),
    CHECK ((answered_at IS NULL) = (findings IS NULL)))`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE IF EXISTS training_ground.attempt_documents').execute(db)
  await sql
    .raw('ALTER TABLE training_ground.exercises DROP COLUMN IF EXISTS seconds_per_document')
    .execute(db)
}

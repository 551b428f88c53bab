import { type Kysely, sql } from 'kysely'

/**
 * Secondary inspection: one queue row per referral (unique on the referring crossing, so a referral is queued
 * once), append-only interview notes, and the document examinations made during the interview. The checks keep
 * the state machine whole in the database: taken before decided, an outcome exactly when decided, a resulting
 * movement exactly when decided, a police alert and a protection referral exactly for their outcomes.
 */
const STATEMENTS = [
  `CREATE TABLE secondary_inspections (
    id uuid PRIMARY KEY,
    crossing_id uuid NOT NULL UNIQUE REFERENCES crossings(id),
    traveller_id uuid NOT NULL REFERENCES travellers(id),
    post_code text NOT NULL REFERENCES points_of_entry(code),
    referred_by uuid NOT NULL REFERENCES users(id),
    referral_note text NOT NULL DEFAULT '',
    referred_at timestamptz NOT NULL,
    taken_by uuid REFERENCES users(id),
    taken_at timestamptz,
    decided_by uuid REFERENCES users(id),
    decided_at timestamptz,
    outcome text CHECK (outcome IN ('admit', 'refuse', 'hand_over_police', 'refer_protection')),
    refusal_reason text REFERENCES refusal_reasons(code),
    result_crossing_id uuid UNIQUE REFERENCES crossings(id),
    protection_referral_id uuid REFERENCES protection_referrals(id),
    police_alert_id uuid REFERENCES risk_alerts(id),
    CHECK ((taken_by IS NULL) = (taken_at IS NULL)),
    CHECK ((decided_by IS NULL) = (decided_at IS NULL)),
    CHECK ((decided_at IS NULL) = (outcome IS NULL)),
    CHECK ((decided_at IS NULL) = (result_crossing_id IS NULL)),
    CHECK (decided_at IS NULL OR taken_at IS NOT NULL),
    CHECK ((coalesce(outcome, '') = 'hand_over_police') = (police_alert_id IS NOT NULL)),
    CHECK ((coalesce(outcome, '') = 'refer_protection') = (protection_referral_id IS NOT NULL)))`,
  // The queue of a post: its open referrals, oldest first.
  `CREATE INDEX secondary_open_idx ON secondary_inspections (post_code, referred_at) WHERE decided_at IS NULL`,
  `CREATE INDEX secondary_post_decided_idx ON secondary_inspections (post_code, decided_at)`,
  // A traveller waits in one secondary inspection at a time, whichever counter referred them.
  `CREATE UNIQUE INDEX secondary_open_traveller_idx ON secondary_inspections (traveller_id) WHERE decided_at IS NULL`,
  `CREATE TABLE secondary_notes (
    id uuid PRIMARY KEY,
    secondary_id uuid NOT NULL REFERENCES secondary_inspections(id),
    author_id uuid NOT NULL REFERENCES users(id),
    written_at timestamptz NOT NULL,
    text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000))`,
  `CREATE INDEX secondary_notes_idx ON secondary_notes (secondary_id, written_at)`,
  `CREATE FUNCTION secondary_notes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'secondary_notes is append-only';
    END $$`,
  `CREATE TRIGGER secondary_notes_append_only BEFORE UPDATE OR DELETE ON secondary_notes
    FOR EACH ROW EXECUTE FUNCTION secondary_notes_append_only()`,
  `CREATE TABLE secondary_examinations (
    secondary_id uuid NOT NULL REFERENCES secondary_inspections(id),
    examination_id uuid NOT NULL REFERENCES document_examinations(id),
    linked_by uuid NOT NULL REFERENCES users(id),
    linked_at timestamptz NOT NULL,
    PRIMARY KEY (secondary_id, examination_id))`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['secondary_examinations', 'secondary_notes', 'secondary_inspections'])
    await db.schema.dropTable(t).ifExists().execute()
  await sql`DROP FUNCTION IF EXISTS secondary_notes_append_only()`.execute(db)
}

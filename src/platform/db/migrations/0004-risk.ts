import { type Kysely, sql } from 'kysely'

/**
 * Risk: rule-set versions with their lifecycle, evaluations with the context snapshot they were made on and the
 * officer's decision, agency alerts and how long an agency has before an unacknowledged alert escalates.
 */
const STATEMENTS = [
  `CREATE TABLE risk_rule_sets (
    id uuid PRIMARY KEY,
    version_id text NOT NULL UNIQUE,
    name text NOT NULL,
    status text NOT NULL CHECK (status IN ('draft', 'reviewed', 'active', 'retired')),
    rule_set jsonb NOT NULL,
    fingerprint text NOT NULL,
    authors jsonb NOT NULL,
    based_on uuid REFERENCES risk_rule_sets(id),
    submitted_by text,
    submitted_at timestamptz,
    reviewed_by text,
    reviewed_fingerprint text,
    reviewed_at timestamptz,
    impact_check jsonb,
    impact_checked_fingerprint text,
    activated_by text,
    activated_at timestamptz,
    retired_at timestamptz,
    history jsonb NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL)`,
  // At most one active version, also when two API processes activate at the same moment.
  `CREATE UNIQUE INDEX risk_rule_sets_one_active ON risk_rule_sets ((true)) WHERE status = 'active'`,
  `CREATE TABLE risk_evaluations (
    id uuid PRIMARY KEY,
    parent_id uuid REFERENCES risk_evaluations(id),
    superseded_by uuid REFERENCES risk_evaluations(id),
    rule_set_id uuid NOT NULL REFERENCES risk_rule_sets(id),
    version_id text NOT NULL,
    context jsonb NOT NULL,
    score integer NOT NULL,
    suggested_action text NOT NULL,
    hits jsonb NOT NULL,
    undetermined jsonb NOT NULL,
    actions jsonb NOT NULL,
    agency_code text NOT NULL REFERENCES agencies(code),
    post_code text REFERENCES points_of_entry(code),
    officer_id uuid NOT NULL REFERENCES users(id),
    evaluated_at timestamptz NOT NULL,
    decision text CHECK (decision IN ('advise', 'secondary_interview', 'protection_referral', 'no_action')),
    decision_note text,
    decided_by uuid REFERENCES users(id),
    decided_at timestamptz,
    outcome text CHECK (outcome IN ('confirmed', 'not_confirmed')),
    outcome_note text,
    outcome_by uuid REFERENCES users(id),
    outcome_at timestamptz)`,
  // The impact check pages through the current evaluation of each crossing in time order.
  `CREATE INDEX risk_evaluations_replay_idx ON risk_evaluations (evaluated_at, id) WHERE superseded_by IS NULL`,
  `CREATE INDEX risk_evaluations_post_idx ON risk_evaluations (post_code, evaluated_at)`,
  `CREATE TABLE risk_alerts (
    id uuid PRIMARY KEY,
    evaluation_id uuid NOT NULL REFERENCES risk_evaluations(id),
    agency_code text NOT NULL REFERENCES agencies(code),
    action text NOT NULL,
    post_code text REFERENCES points_of_entry(code),
    score integer NOT NULL,
    note text NOT NULL DEFAULT '',
    created_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL,
    acknowledged_by uuid REFERENCES users(id),
    acknowledged_at timestamptz,
    acknowledgement_note text,
    UNIQUE (evaluation_id, agency_code))`,
  `CREATE INDEX risk_alerts_inbox_idx ON risk_alerts (agency_code, created_at)`,
  `CREATE TABLE risk_alert_settings (
    agency_code text PRIMARY KEY REFERENCES agencies(code),
    escalate_after_hours integer NOT NULL CHECK (escalate_after_hours BETWEEN 1 AND 720),
    updated_at timestamptz NOT NULL DEFAULT now())`,
]

const TABLES = ['risk_alert_settings', 'risk_alerts', 'risk_evaluations', 'risk_rule_sets']

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of TABLES) await db.schema.dropTable(t).ifExists().execute()
}

import { type Kysely, sql } from 'kysely'

/**
 * Plan monitoring (issue 14 §1): a plan's structure as data (nodes pillar → objective → output → activity), its
 * indicators with yearly targets, and the values agencies report where Passage has no records, with their
 * evidence files and the secretariat's comments. Live indicators store nothing: they are counted from the
 * records each time, as DHIS2 computes indicators from data values rather than storing them.
 */
const STATEMENTS = [
  `CREATE TABLE plans (
    id uuid PRIMARY KEY,
    code text NOT NULL UNIQUE,
    title_en text NOT NULL,
    title_km text NOT NULL,
    start_year integer NOT NULL,
    end_year integer NOT NULL CHECK (end_year >= start_year),
    illustrative boolean NOT NULL,
    on_track double precision NOT NULL,
    at_risk double precision NOT NULL CHECK (at_risk > 0 AND at_risk < on_track AND on_track <= 1),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL)`,
  `CREATE TABLE plan_nodes (
    id uuid PRIMARY KEY,
    plan_id uuid NOT NULL REFERENCES plans(id),
    parent_id uuid REFERENCES plan_nodes(id),
    kind text NOT NULL CHECK (kind IN ('pillar', 'objective', 'output', 'activity')),
    code text NOT NULL,
    title_en text NOT NULL,
    title_km text NOT NULL,
    responsible_agency text REFERENCES agencies(code),
    supporting_agencies text[] NOT NULL DEFAULT '{}',
    start_year integer,
    end_year integer,
    budget_source text,
    position integer NOT NULL,
    UNIQUE (plan_id, code))`,
  `CREATE INDEX plan_nodes_parent_idx ON plan_nodes (plan_id, parent_id)`,
  `CREATE TABLE plan_indicators (
    id uuid PRIMARY KEY,
    plan_id uuid NOT NULL REFERENCES plans(id),
    node_id uuid NOT NULL REFERENCES plan_nodes(id),
    code text NOT NULL,
    name_en text NOT NULL,
    name_km text NOT NULL,
    definition_en text NOT NULL,
    definition_km text NOT NULL,
    unit text NOT NULL CHECK (unit IN ('count', 'percent', 'days')),
    direction text NOT NULL CHECK (direction IN ('increase', 'decrease')),
    source text NOT NULL,
    disaggregation text[] NOT NULL DEFAULT '{}',
    baseline_year integer,
    baseline_value double precision,
    verification_en text NOT NULL,
    verification_km text NOT NULL,
    gcm integer[] NOT NULL DEFAULT '{}',
    sdg text[] NOT NULL DEFAULT '{}',
    position integer NOT NULL,
    UNIQUE (plan_id, code))`,
  `CREATE TABLE plan_targets (
    indicator_id uuid NOT NULL REFERENCES plan_indicators(id),
    year integer NOT NULL,
    value double precision NOT NULL CHECK (value >= 0),
    PRIMARY KEY (indicator_id, year))`,
  `CREATE TABLE plan_reports (
    id uuid PRIMARY KEY,
    indicator_id uuid NOT NULL REFERENCES plan_indicators(id),
    period text NOT NULL,
    agency_code text NOT NULL REFERENCES agencies(code),
    value double precision NOT NULL CHECK (value >= 0),
    note text NOT NULL DEFAULT '',
    state text NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'approved')),
    created_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL,
    submitted_by uuid REFERENCES users(id),
    submitted_at timestamptz,
    reviewed_by uuid REFERENCES users(id),
    reviewed_at timestamptz,
    updated_at timestamptz NOT NULL,
    UNIQUE (indicator_id, period, agency_code))`,
  `CREATE INDEX plan_reports_state_idx ON plan_reports (state, indicator_id)`,
  `CREATE TABLE plan_evidence (
    id uuid PRIMARY KEY,
    report_id uuid NOT NULL REFERENCES plan_reports(id),
    file_name text NOT NULL,
    content_type text NOT NULL,
    size integer NOT NULL,
    sha256 text NOT NULL,
    bytes bytea NOT NULL,
    uploaded_by uuid NOT NULL REFERENCES users(id),
    uploaded_at timestamptz NOT NULL,
    UNIQUE (report_id, sha256))`,
  `CREATE TABLE plan_comments (
    id uuid PRIMARY KEY,
    report_id uuid NOT NULL REFERENCES plan_reports(id),
    author_id uuid NOT NULL REFERENCES users(id),
    event text CHECK (event IN ('submit', 'approve', 'return')),
    body text NOT NULL,
    created_at timestamptz NOT NULL)`,
  `CREATE INDEX plan_comments_report_idx ON plan_comments (report_id, created_at)`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'plan_comments',
    'plan_evidence',
    'plan_reports',
    'plan_targets',
    'plan_indicators',
    'plan_nodes',
    'plans',
  ])
    await sql.raw(`DROP TABLE ${t}`).execute(db)
}

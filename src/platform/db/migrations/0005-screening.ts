import { type Kysely, sql } from 'kysely'

/**
 * Screening: alert lists with their versions, person and document entries, the version counter every API process
 * compares its in-memory index with, screening requests and their hits, remembered false positives and the
 * owning agencies' notifications of confirmed hits.
 */
const ENTRY_COLUMNS = `
    id uuid PRIMARY KEY,
    list_id uuid NOT NULL REFERENCES watchlists(id),
    external_id text NOT NULL,
    source text NOT NULL DEFAULT '',
    handling text NOT NULL DEFAULT '',
    valid_from date,
    valid_until date,
    review_date date,
    sensitivity text NOT NULL CHECK (sensitivity IN ('normal', 'restricted', 'confidential')),
    fingerprint text NOT NULL,
    change_version bigint NOT NULL,
    list_version integer NOT NULL,
    removed_at timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (list_id, external_id)`

const STATEMENTS = [
  `CREATE TABLE watchlists (
    id uuid PRIMARY KEY,
    name text NOT NULL UNIQUE,
    owner_agency text NOT NULL REFERENCES agencies(code),
    kind text NOT NULL CHECK (kind IN ('persons', 'documents', 'mixed')),
    description text NOT NULL DEFAULT '',
    active boolean NOT NULL DEFAULT true,
    version integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL)`,
  `CREATE TABLE watchlist_versions (
    id uuid PRIMARY KEY,
    list_id uuid NOT NULL REFERENCES watchlists(id),
    version integer NOT NULL,
    source text NOT NULL,
    file_name text,
    added integer NOT NULL,
    changed integer NOT NULL,
    removed integer NOT NULL,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL,
    UNIQUE (list_id, version))`,
  `CREATE TABLE watchlist_persons (${ENTRY_COLUMNS},
    names jsonb NOT NULL,
    birth_date text,
    nationality jsonb NOT NULL,
    sex text,
    documents jsonb NOT NULL,
    category text NOT NULL)`,
  // Other processes reload the entries changed since the version their index was built from.
  `CREATE INDEX watchlist_persons_change_idx ON watchlist_persons (change_version, id)`,
  `CREATE INDEX watchlist_persons_review_idx ON watchlist_persons (list_id, review_date) WHERE removed_at IS NULL`,
  `CREATE TABLE watchlist_documents (${ENTRY_COLUMNS},
    issuing_state text NOT NULL,
    document_type text,
    number text NOT NULL,
    ocr_key text NOT NULL,
    status text NOT NULL CHECK (status IN ('lost', 'stolen', 'revoked', 'invalid')))`,
  `CREATE INDEX watchlist_documents_lookup_idx ON watchlist_documents (ocr_key) WHERE removed_at IS NULL`,
  `CREATE TABLE watchlist_person_documents (
    person_id uuid NOT NULL REFERENCES watchlist_persons(id) ON DELETE CASCADE,
    issuing_state text,
    number text NOT NULL,
    ocr_key text NOT NULL)`,
  `CREATE INDEX watchlist_person_documents_lookup_idx ON watchlist_person_documents (ocr_key)`,
  `CREATE INDEX watchlist_person_documents_person_idx ON watchlist_person_documents (person_id)`,
  `CREATE TABLE screening_state (id integer PRIMARY KEY CHECK (id = 1), version bigint NOT NULL)`,
  `INSERT INTO screening_state (id, version) VALUES (1, 0)`,
  `CREATE TABLE screening_requests (
    id uuid PRIMARY KEY,
    traveller_key text NOT NULL,
    query jsonb NOT NULL,
    crossing_id text,
    registration_id text,
    agency_code text NOT NULL REFERENCES agencies(code),
    post_code text REFERENCES points_of_entry(code),
    officer_id uuid REFERENCES users(id),
    hits integer NOT NULL,
    suppressed integer NOT NULL,
    screened_at timestamptz NOT NULL)`,
  `CREATE TABLE screening_hits (
    id uuid PRIMARY KEY,
    request_id uuid NOT NULL REFERENCES screening_requests(id),
    kind text NOT NULL CHECK (kind IN ('name', 'document')),
    person_id uuid REFERENCES watchlist_persons(id),
    document_id uuid REFERENCES watchlist_documents(id),
    list_id uuid NOT NULL REFERENCES watchlists(id),
    owner_agency text NOT NULL REFERENCES agencies(code),
    traveller_key text NOT NULL,
    score real NOT NULL,
    decision text NOT NULL,
    explanation jsonb NOT NULL,
    agency_code text NOT NULL REFERENCES agencies(code),
    post_code text REFERENCES points_of_entry(code),
    status text NOT NULL CHECK (status IN ('open', 'true_match', 'false_positive', 'needs_investigation')),
    adjudication_reason text,
    adjudicated_by uuid REFERENCES users(id),
    adjudicated_at timestamptz,
    created_at timestamptz NOT NULL)`,
  `CREATE INDEX screening_hits_queue_idx ON screening_hits (status, created_at)`,
  `CREATE INDEX screening_hits_request_idx ON screening_hits (request_id)`,
  `CREATE TABLE screening_dismissals (
    traveller_key text NOT NULL,
    entry_id uuid NOT NULL,
    hit_id uuid NOT NULL REFERENCES screening_hits(id),
    reason text NOT NULL,
    created_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (traveller_key, entry_id))`,
  `CREATE TABLE screening_notifications (
    id uuid PRIMARY KEY,
    agency_code text NOT NULL REFERENCES agencies(code),
    hit_id uuid NOT NULL UNIQUE REFERENCES screening_hits(id),
    created_at timestamptz NOT NULL,
    read_by uuid REFERENCES users(id),
    read_at timestamptz)`,
  `CREATE INDEX screening_notifications_inbox_idx ON screening_notifications (agency_code, created_at)`,
]

const TABLES = [
  'screening_notifications',
  'screening_dismissals',
  'screening_hits',
  'screening_requests',
  'screening_state',
  'watchlist_person_documents',
  'watchlist_documents',
  'watchlist_persons',
  'watchlist_versions',
  'watchlists',
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of TABLES) await db.schema.dropTable(t).ifExists().execute()
}

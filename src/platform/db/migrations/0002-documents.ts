import { type Kysely, sql } from 'kysely'

/**
 * Travel documents: travellers, documents stored once per issuing state + code + number, examination
 * templates and their checks (seeded by `passage seed`, then managed by administrators), examinations with
 * their findings, and photos of the examined document kept in the database so a backup holds everything.
 */
const STATEMENTS = [
  `CREATE TABLE travellers (
    id uuid PRIMARY KEY,
    surname text NOT NULL,
    given_names text NOT NULL,
    birth_date text CHECK (birth_date ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
    sex text CHECK (sex IN ('M', 'F', 'X')),
    nationality text,
    created_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE travel_documents (
    id uuid PRIMARY KEY,
    traveller_id uuid NOT NULL REFERENCES travellers(id),
    issuing_state text NOT NULL,
    document_code text NOT NULL,
    document_number text NOT NULL,
    format text CHECK (format IN ('TD1', 'TD2', 'TD3', 'MRVA', 'MRVB')),
    source text NOT NULL CHECK (source IN ('mrz', 'manual')),
    nationality text,
    surname text NOT NULL,
    given_names text NOT NULL,
    birth_date text,
    sex text,
    expiry_date text,
    optional_data text,
    mrz text,
    first_seen_at timestamptz NOT NULL,
    first_seen_post text REFERENCES points_of_entry(code),
    last_seen_at timestamptz NOT NULL,
    last_seen_post text REFERENCES points_of_entry(code),
    read_count integer NOT NULL CHECK (read_count >= 1),
    created_by uuid NOT NULL REFERENCES users(id),
    UNIQUE (issuing_state, document_code, document_number))`,
  `CREATE INDEX travel_documents_traveller_idx ON travel_documents (traveller_id)`,
  `CREATE TABLE examination_templates (
    id text PRIMARY KEY,
    issuing_state text,
    document_code text,
    series text,
    name_en text NOT NULL,
    name_km text NOT NULL,
    active boolean NOT NULL DEFAULT true,
    updated_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE examination_checks (
    template_id text NOT NULL REFERENCES examination_templates(id),
    id text NOT NULL,
    position integer NOT NULL,
    category text NOT NULL,
    method text NOT NULL,
    name_en text NOT NULL,
    name_km text NOT NULL,
    to_be_confirmed boolean NOT NULL,
    active boolean NOT NULL DEFAULT true,
    PRIMARY KEY (template_id, id))`,
  `CREATE TABLE document_examinations (
    id uuid PRIMARY KEY,
    document_id uuid NOT NULL REFERENCES travel_documents(id),
    template_id text NOT NULL REFERENCES examination_templates(id),
    issuing_state text NOT NULL,
    document_code text NOT NULL,
    finding text NOT NULL
      CHECK (finding IN ('genuine', 'suspected', 'forged_or_altered', 'impostor', 'not_examined')),
    results jsonb NOT NULL,
    notes text NOT NULL,
    post_code text REFERENCES points_of_entry(code),
    agency_code text NOT NULL REFERENCES agencies(code),
    examined_by uuid NOT NULL REFERENCES users(id),
    examined_at timestamptz NOT NULL)`,
  `CREATE INDEX document_examinations_document_idx ON document_examinations (document_id)`,
  // Statistics count findings by period, post and issuing state.
  `CREATE INDEX document_examinations_stats_idx ON document_examinations (examined_at, post_code)`,
  `CREATE TABLE document_photos (
    id uuid PRIMARY KEY,
    examination_id uuid NOT NULL REFERENCES document_examinations(id),
    content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    size integer NOT NULL CHECK (size > 0),
    sha256 text NOT NULL,
    bytes bytea NOT NULL,
    uploaded_by uuid NOT NULL REFERENCES users(id),
    uploaded_at timestamptz NOT NULL)`,
  `CREATE INDEX document_photos_examination_idx ON document_photos (examination_id)`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'document_photos',
    'document_examinations',
    'examination_checks',
    'examination_templates',
    'travel_documents',
    'travellers',
  ]) {
    await db.schema.dropTable(t).ifExists().execute()
  }
}

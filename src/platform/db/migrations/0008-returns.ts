import { type Kysely, sql } from 'kysely'

/**
 * Mass returns: one row per returnee registered at a post (statistics and the post board read `returnees` by
 * post and day), the return lists imported, and an optional photo per returnee. A row that came from a list
 * carries its list reference and key, unique per post, so importing the same list again adds only what is missing.
 */
const STATEMENTS = [
  `CREATE TABLE return_imports (
    id uuid PRIMARY KEY,
    post_code text NOT NULL REFERENCES points_of_entry(code),
    list_ref text NOT NULL,
    file_sha256 text NOT NULL,
    file_name text,
    format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
    return_type text NOT NULL,
    state text NOT NULL CHECK (state IN ('running', 'done')),
    total_rows integer NOT NULL DEFAULT 0,
    processed_rows integer NOT NULL DEFAULT 0,
    added integer NOT NULL DEFAULT 0,
    already_registered integer NOT NULL DEFAULT 0,
    rejected integer NOT NULL DEFAULT 0,
    issues jsonb NOT NULL DEFAULT '[]',
    ignored_columns jsonb NOT NULL DEFAULT '[]',
    created_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (post_code, list_ref, file_sha256))`,
  `CREATE TABLE returnees (
    id uuid PRIMARY KEY,
    post_code text NOT NULL REFERENCES points_of_entry(code),
    registered_at timestamptz NOT NULL,
    registered_on text NOT NULL CHECK (registered_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
    registered_by uuid NOT NULL REFERENCES users(id),
    agency_code text NOT NULL REFERENCES agencies(code),
    family_latin text,
    given_latin text,
    family_khmer text,
    given_khmer text,
    sex text CHECK (sex IN ('M', 'F', 'X')),
    birth_date text CHECK (birth_date ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
    estimated_age integer CHECK (estimated_age BETWEEN 0 AND 120),
    nationality text NOT NULL DEFAULT 'KHM',
    origin_province text REFERENCES provinces(code),
    origin_district text,
    return_province text REFERENCES provinces(code),
    return_district text,
    phone text,
    return_type text NOT NULL CHECK (return_type IN ('spontaneous', 'g2g_list', 'deportation', 'other')),
    triage_flags text[] NOT NULL DEFAULT '{}',
    needs text[] NOT NULL DEFAULT '{}',
    referral_id uuid REFERENCES protection_referrals(id),
    group_id uuid,
    import_id uuid REFERENCES return_imports(id),
    list_ref text,
    list_key text,
    updated_at timestamptz,
    updated_by uuid REFERENCES users(id),
    CHECK (coalesce(family_latin, given_latin, family_khmer, given_khmer) IS NOT NULL),
    CHECK ((list_ref IS NULL) = (list_key IS NULL)))`,
  `CREATE INDEX returnees_post_day_idx ON returnees (post_code, registered_on)`,
  `CREATE INDEX returnees_day_idx ON returnees (registered_on)`,
  `CREATE INDEX returnees_group_idx ON returnees (group_id) WHERE group_id IS NOT NULL`,
  `CREATE UNIQUE INDEX returnees_list_row_idx ON returnees (post_code, list_ref, list_key) WHERE list_ref IS NOT NULL`,
  `CREATE TABLE returnee_photos (
    returnee_id uuid PRIMARY KEY REFERENCES returnees(id),
    content_type text NOT NULL,
    size integer NOT NULL,
    sha256 text NOT NULL,
    bytes bytea NOT NULL,
    uploaded_by uuid NOT NULL REFERENCES users(id),
    uploaded_at timestamptz NOT NULL)`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['returnee_photos', 'returnees', 'return_imports'])
    await db.schema.dropTable(t).ifExists().execute()
}

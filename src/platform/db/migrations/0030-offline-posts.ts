import { type Kysely, sql } from 'kysely'

/**
 * Offline posts (issue 18): what PostgreSQL logical replication between a post server and the national server needs.
 * Every replicated row has one writer; the decisions are in ARCHITECTURE.md ("Offline posts") and the publications
 * themselves are made by `passage post init` (they name the post, so they cannot live in a migration).
 *
 * - `offline_settings`: this database's role (`national` or `post`) and, on a post, its point of entry. One row or
 *   none (a standalone server). Never replicated.
 * - `offline_heartbeats`: each node writes only its own row (`national`, `post:<code>`) every few seconds. A post's copy
 *   of the national row says up to when it holds the centre's data: logical replication applies the centre's commits
 *   in order, so when the heartbeat written at 14:02 has arrived, every alert-list change committed before it has too.
 * - `travellers.origin_post`: where a traveller row was born (the post's code on a post, null on the national server). PostgreSQL 15 has no `origin = none`, so row
 *   filters on this column (and on `crossings.post_code`, `travel_documents.first_seen_post`) keep a row from being
 *   sent back to the node it came from.
 * - Triggers enabled with `ENABLE REPLICA TRIGGER` fire only while replicated changes are applied (the apply worker
 *   runs with `session_replication_role = replica`, where ordinary triggers and foreign keys do not fire, and with an
 *   empty `search_path`, hence `SET search_path` on every function here):
 *   a document already known under another id becomes an alias instead of a unique violation that would stop the
 *   subscription; a crossing that forks a traveller's admitted chain (two nodes each appended to the history they knew)
 *   is re-chained after the tail and, on the national server, queued as a conflict for a supervisor; a returnee
 *   registered again at another post is queued the same way; a crossing's statistics delta is appended (the
 *   statement-level triggers of 0017 do not fire on apply); an alert-list entry arriving at a post whose document number
 *   matches a traveller the post admitted after it last heard from the centre raises a retrospective alert.
 * - `offline_audit_entries`: the post's sealed audit chain, copied row by row when its sealer seals, published to the
 *   national server as the post's partition (`post_code`, `pos`), verifiable there with the same hash.
 */

// The same expressions as 0017's statistics delta (a migration never changes, so they are not imported from it).
const AGE = `CASE WHEN s.birth_date IS NULL THEN -1 ELSE LEAST(100, GREATEST(-1,
    substr(s.crossed_on, 1, 4)::int - substr(s.birth_date, 1, 4)::int
    - CASE WHEN substr(s.crossed_on, 6, 5) < CASE length(s.birth_date)
        WHEN 10 THEN substr(s.birth_date, 6, 5) WHEN 7 THEN substr(s.birth_date, 6, 2) || '-01' ELSE '01-01' END
      THEN 1 ELSE 0 END)) END`

/** A row trigger that fires only while replicated changes are applied (`ENABLE REPLICA`), never for local writes. */
function replicaTrigger(fn: string, timing: 'BEFORE INSERT' | 'AFTER INSERT', table: string): string[] {
  return [
    `CREATE TRIGGER ${fn} ${timing} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
    `ALTER TABLE ${table} ENABLE REPLICA TRIGGER ${fn}`,
  ]
}

const STATEMENTS = [
  `CREATE TABLE offline_settings (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    role text NOT NULL CHECK (role IN ('national', 'post')),
    post_code text,
    national_conninfo text,
    -- Past this age of the post's copy of the centre's data, every inspection screen warns the officer.
    stale_after_minutes integer NOT NULL DEFAULT 1440 CHECK (stale_after_minutes BETWEEN 5 AND 43200),
    CHECK ((role = 'post') = (post_code IS NOT NULL)))`,
  `CREATE FUNCTION offline_role() RETURNS text LANGUAGE sql STABLE SET search_path = public AS
    $$ SELECT coalesce((SELECT role FROM offline_settings), 'standalone') $$`,
  `CREATE TABLE offline_heartbeats (
    node text PRIMARY KEY CHECK (node = 'national' OR node ~ '^post:[A-Z0-9_-]{1,32}$'),
    beat_at timestamptz NOT NULL)`,
  // A column default, not the application: every writer of travellers marks its rows without knowing about posts.
  `CREATE FUNCTION offline_origin() RETURNS text LANGUAGE sql STABLE SET search_path = public AS
    $$ SELECT post_code FROM offline_settings $$`,
  `ALTER TABLE travellers ADD COLUMN origin_post text DEFAULT offline_origin()`,
  `CREATE TABLE offline_document_aliases (
    alias_id uuid PRIMARY KEY,
    canonical_id uuid NOT NULL,
    origin_post text,
    noticed_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE offline_conflicts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind text NOT NULL CHECK (kind IN ('double_entry', 'exit_for_entry_elsewhere', 'parallel_crossings',
      'returnee_two_posts')),
    subject_id uuid NOT NULL,
    post_codes text[] NOT NULL,
    facts jsonb NOT NULL,
    detected_at timestamptz NOT NULL DEFAULT now(),
    resolved_at timestamptz,
    resolved_by uuid,
    resolution text,
    UNIQUE (kind, subject_id, facts))`,
  `CREATE INDEX offline_conflicts_open_idx ON offline_conflicts (detected_at) WHERE resolved_at IS NULL`,
  `CREATE TABLE offline_retro_alerts (
    id uuid PRIMARY KEY,
    post_code text NOT NULL,
    crossing_id uuid NOT NULL,
    traveller_id uuid NOT NULL,
    list_id uuid NOT NULL,
    owner_agency text NOT NULL,
    entry_kind text NOT NULL CHECK (entry_kind IN ('document', 'person_document')),
    entry_id uuid NOT NULL,
    entry_created_at timestamptz NOT NULL,
    raised_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (crossing_id, entry_id))`,
  `CREATE TABLE offline_audit_entries (
    post_code text NOT NULL,
    pos bigint NOT NULL,
    seq bigint NOT NULL,
    at timestamptz NOT NULL,
    actor_id uuid,
    actor_username text,
    action text NOT NULL,
    resource text NOT NULL,
    record_id text,
    ip text,
    details jsonb NOT NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL,
    PRIMARY KEY (post_code, pos))`,
  // The one replicated table without a primary key: an UPDATE or DELETE of it in a publication would fail on the
  // publisher (the national alert-list import) without a replica identity. FULL is fine for a table this narrow.
  `ALTER TABLE watchlist_person_documents REPLICA IDENTITY FULL`,

  // Post: copy each entry the sealer chains into the partition published to the centre (local writes only).
  `CREATE FUNCTION offline_audit_sealed() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
  BEGIN
    IF OLD.pos IS NULL AND NEW.pos IS NOT NULL AND offline_role() = 'post' THEN
      INSERT INTO offline_audit_entries (post_code, pos, seq, at, actor_id, actor_username, action, resource,
        record_id, ip, details, prev_hash, hash)
      SELECT s.post_code, NEW.pos, NEW.seq, NEW.at, NEW.actor_id, NEW.actor_username, NEW.action, NEW.resource,
        NEW.record_id, NEW.ip, NEW.details, NEW.prev_hash, NEW.hash FROM offline_settings s;
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER offline_audit_sealed AFTER UPDATE OF pos ON audit_log FOR EACH ROW EXECUTE FUNCTION offline_audit_sealed()`,

  // Apply: a document number already known under another id is an alias, not a unique violation.
  `CREATE FUNCTION offline_document_arrives() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
  DECLARE known uuid;
  BEGIN
    SELECT d.id INTO known FROM travel_documents d WHERE d.issuing_state = NEW.issuing_state
      AND d.document_code = NEW.document_code AND d.document_number = NEW.document_number AND d.id <> NEW.id;
    IF FOUND THEN
      INSERT INTO offline_document_aliases (alias_id, canonical_id, origin_post)
      VALUES (NEW.id, known, NEW.first_seen_post) ON CONFLICT (alias_id) DO NOTHING;
      RETURN NULL;
    END IF;
    RETURN NEW;
  END $$`,
  ...replicaTrigger('offline_document_arrives', 'BEFORE INSERT', 'travel_documents'),

  // Apply: map aliased documents, and re-chain (and report) an admission that forks the traveller's chain.
  `CREATE FUNCTION offline_crossing_arrives() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
  DECLARE v_canonical uuid; v_owner uuid; v_sibling crossings%ROWTYPE; v_tail uuid; v_kind text;
  BEGIN
    SELECT a.canonical_id, d.traveller_id INTO v_canonical, v_owner
      FROM offline_document_aliases a JOIN travel_documents d ON d.id = a.canonical_id WHERE a.alias_id = NEW.document_id;
    IF FOUND THEN NEW.document_id := v_canonical; NEW.traveller_id := v_owner; END IF;
    IF NEW.decision <> 'admit' THEN RETURN NEW; END IF;
    SELECT * INTO v_sibling FROM crossings c WHERE c.traveller_id = NEW.traveller_id AND c.decision = 'admit'
      AND c.previous_admitted_id IS NOT DISTINCT FROM NEW.previous_admitted_id AND c.id <> NEW.id LIMIT 1;
    IF NOT FOUND THEN RETURN NEW; END IF;
    SELECT c.id INTO v_tail FROM crossings c WHERE c.traveller_id = NEW.traveller_id AND c.decision = 'admit'
      AND NOT EXISTS (SELECT 1 FROM crossings n WHERE n.previous_admitted_id = c.id AND n.decision = 'admit')
      ORDER BY c.crossed_at DESC LIMIT 1;
    NEW.previous_admitted_id := v_tail;
    IF offline_role() = 'national' THEN
      v_kind := CASE WHEN NEW.direction = 'entry' AND v_sibling.direction = 'entry' THEN 'double_entry'
        WHEN NEW.direction = 'exit' AND v_sibling.direction = 'entry' AND v_sibling.post_code <> NEW.post_code
          THEN 'exit_for_entry_elsewhere' ELSE 'parallel_crossings' END;
      INSERT INTO offline_conflicts (kind, subject_id, post_codes, facts)
      VALUES (v_kind, NEW.traveller_id, ARRAY[v_sibling.post_code, NEW.post_code], jsonb_build_object(
        'recorded', jsonb_build_object('crossingId', v_sibling.id, 'postCode', v_sibling.post_code,
          'direction', v_sibling.direction, 'crossedAt', v_sibling.crossed_at),
        'arrived', jsonb_build_object('crossingId', NEW.id, 'postCode', NEW.post_code,
          'direction', NEW.direction, 'crossedAt', NEW.crossed_at)))
      ON CONFLICT DO NOTHING;
    END IF;
    RETURN NEW;
  END $$`,
  ...replicaTrigger('offline_crossing_arrives', 'BEFORE INSERT', 'crossings'),

  // Apply fires row triggers only, so 0017's statement-level delta does not run for a replicated crossing.
  `CREATE FUNCTION offline_crossing_counted() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
  BEGIN
    INSERT INTO stat_crossing_deltas (day, post_code, direction, decision, refusal_reason, nationality, sex, age,
      document_type, purpose, count, key_sum)
    SELECT s.crossed_on, s.post_code, s.direction, s.decision, coalesce(s.refusal_reason, ''),
      coalesce(s.nationality, ''), coalesce(s.sex, ''), (${AGE})::smallint, coalesce(s.document_code, ''),
      coalesce(s.purpose, ''), 1, get_byte(s.h, 0) * 16 + get_byte(s.h, 1) / 16
    FROM (SELECT NEW.crossed_on, NEW.post_code, NEW.direction, NEW.decision, NEW.refusal_reason, NEW.purpose,
        t.nationality, t.sex, t.birth_date, doc.document_code, sha256(convert_to(k.secret || NEW.id::text, 'UTF8')) AS h
      FROM travellers t JOIN travel_documents doc ON doc.id = NEW.document_id CROSS JOIN stat_key_secret k
      WHERE t.id = NEW.traveller_id) s;
    RETURN NULL;
  END $$`,
  ...replicaTrigger('offline_crossing_counted', 'AFTER INSERT', 'crossings'),

  // Apply on the national server: the same person registered as a returnee at another post within 30 days.
  `CREATE FUNCTION offline_returnee_arrives() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
  BEGIN
    IF offline_role() <> 'national' THEN RETURN NULL; END IF;
    INSERT INTO offline_conflicts (kind, subject_id, post_codes, facts)
    SELECT 'returnee_two_posts', NEW.id, ARRAY[r.post_code, NEW.post_code], jsonb_build_object(
      'recorded', jsonb_build_object('returneeId', r.id, 'postCode', r.post_code, 'registeredAt', r.registered_at),
      'arrived', jsonb_build_object('returneeId', NEW.id, 'postCode', NEW.post_code, 'registeredAt', NEW.registered_at))
    FROM returnees r
    WHERE r.id <> NEW.id AND r.post_code <> NEW.post_code
      AND abs(extract(epoch FROM r.registered_at - NEW.registered_at)) < 30 * 86400
      AND r.sex IS NOT DISTINCT FROM NEW.sex
      AND (r.birth_date = NEW.birth_date OR abs(r.estimated_age - NEW.estimated_age) <= 1)
      AND ((lower(r.family_latin) = lower(NEW.family_latin) AND lower(r.given_latin) = lower(NEW.given_latin))
        OR (r.family_khmer = NEW.family_khmer AND r.given_khmer = NEW.given_khmer))
    ON CONFLICT DO NOTHING;
    RETURN NULL;
  END $$`,
  ...replicaTrigger('offline_returnee_arrives', 'AFTER INSERT', 'returnees'),

  // Apply on a post: an alert-list document entry the post did not have when it admitted the traveller.
  `CREATE FUNCTION offline_alert_arrives() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
  DECLARE v_entry_list uuid; v_entry_id uuid; v_created timestamptz; v_kind text; v_number text; v_state text;
  BEGIN
    IF offline_role() <> 'post' THEN RETURN NULL; END IF;
    IF TG_TABLE_NAME = 'watchlist_documents' THEN
      IF NEW.removed_at IS NOT NULL THEN RETURN NULL; END IF;
      v_entry_list := NEW.list_id; v_entry_id := NEW.id; v_created := NEW.created_at; v_kind := 'document';
      v_number := NEW.number; v_state := NEW.issuing_state;
    ELSE
      SELECT p.list_id, p.created_at INTO v_entry_list, v_created FROM watchlist_persons p
        WHERE p.id = NEW.person_id AND p.removed_at IS NULL;
      IF NOT FOUND THEN RETURN NULL; END IF;
      v_entry_id := NEW.person_id; v_kind := 'person_document'; v_number := NEW.number; v_state := NEW.issuing_state;
    END IF;
    INSERT INTO offline_retro_alerts (id, post_code, crossing_id, traveller_id, list_id, owner_agency, entry_kind,
      entry_id, entry_created_at)
    SELECT gen_random_uuid(), c.post_code, c.id, c.traveller_id, w.id, w.owner_agency, v_kind,
      v_entry_id, v_created
    FROM crossings c JOIN travel_documents d ON d.id = c.document_id JOIN watchlists w ON w.id = v_entry_list
    JOIN offline_settings s ON s.post_code = c.post_code
    -- Admitted after the post last heard from the centre: while its copy of the lists lacked this entry.
    WHERE c.decision = 'admit'
      AND c.crossed_at >= coalesce((SELECT beat_at FROM offline_heartbeats WHERE node = 'national'), v_created)
      AND upper(d.document_number) = upper(v_number) AND (v_state IS NULL OR d.issuing_state = v_state)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
  END $$`,
  ...replicaTrigger('offline_alert_arrives', 'AFTER INSERT', 'watchlist_documents'),
  ...replicaTrigger('offline_alert_arrives', 'AFTER INSERT', 'watchlist_person_documents'),
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(_db: Kysely<unknown>): Promise<void> {}

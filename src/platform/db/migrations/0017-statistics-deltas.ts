import { type Kysely, sql } from 'kysely'

/**
 * No hot row on the write path (issue 13). Until now every recorded crossing upserted one row per post and month
 * (`ON CONFLICT … DO UPDATE` in 0009/0014), so every writer at a post waited for the previous one to commit.
 * The trigger functions of 0014 are replaced (same names, same triggers): a statement now *appends* its signed,
 * grouped changes — the finest cell, its count and its key sum — to `stat_crossing_deltas`, an insert-only queue
 * whose only index is an identity key, so two writers never touch the same row. A background job
 * (`app/statistics/fold-deltas.ts`) moves the queue into the five cuboids in bounded batches, one folder at a time.
 * Readers never wait for it: each `stat_*_now` view adds the pending deltas to its cuboid, so every figure is
 * exact the moment the crossing commits, and the queue's length says how far the folder is behind.
 */
const DIMENSIONS = `day, post_code, direction, decision, refusal_reason, nationality, sex, age, document_type, purpose`

const AGE = `CASE WHEN s.birth_date IS NULL THEN -1 ELSE LEAST(100, GREATEST(-1,
    substr(s.crossed_on, 1, 4)::int - substr(s.birth_date, 1, 4)::int
    - CASE WHEN substr(s.crossed_on, 6, 5) < CASE length(s.birth_date)
        WHEN 10 THEN substr(s.birth_date, 6, 5) WHEN 7 THEN substr(s.birth_date, 6, 2) || '-01' ELSE '01-01' END
      THEN 1 ELSE 0 END)) END`

/**
 * As 0014's, appending instead of upserting: one grouped INSERT per statement, no ON CONFLICT. The record key is
 * `stat_record_key`'s expression written inline with the secret joined once: the same 12 bits of the same SHA-256,
 * without a SQL-function call per crossing (a call that cannot be inlined, as it reads a table: about three times
 * the cost of the hash itself, measured by `npm run bench seed`). `OFFSET 0` keeps the hash computed once per row.
 */
function appendDelta(source: string): string {
  return `INSERT INTO stat_crossing_deltas (${DIMENSIONS}, count, key_sum)
    SELECT s.crossed_on, s.post_code, s.direction, s.decision, coalesce(s.refusal_reason, ''),
      coalesce(s.nationality, ''), coalesce(s.sex, ''), (${AGE})::smallint,
      coalesce(s.document_code, ''), coalesce(s.purpose, ''), sum(s.sign),
      sum(s.sign * (get_byte(s.h, 0) * 16 + get_byte(s.h, 1) / 16))
    FROM (SELECT x.*, sha256(convert_to(k.secret || x.id::text, 'UTF8')) AS h
          FROM (${source}) x CROSS JOIN stat_key_secret k OFFSET 0) s
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    HAVING sum(s.sign) <> 0 OR sum(s.sign * (get_byte(s.h, 0) * 16 + get_byte(s.h, 1) / 16)) <> 0`
}

const CROSSING_COLUMNS = `c.id, c.crossed_on, c.post_code, c.direction, c.decision, c.refusal_reason, c.purpose`

function crossingsFrom(rows: string): string {
  return `SELECT ${CROSSING_COLUMNS}, t.nationality, t.sex, t.birth_date, doc.document_code, c.sign
    FROM (${rows}) c
    JOIN travellers t ON t.id = c.traveller_id
    JOIN travel_documents doc ON doc.id = c.document_id`
}

const TRAVELLER_CHANGE = `SELECT ${CROSSING_COLUMNS}, t.nationality, t.sex, t.birth_date, doc.document_code, t.sign
  FROM (SELECT id, nationality, sex, birth_date, 1 AS sign FROM new_rows
        UNION ALL SELECT id, nationality, sex, birth_date, -1 FROM old_rows) t
  JOIN crossings c ON c.traveller_id = t.id
  JOIN travel_documents doc ON doc.id = c.document_id`

function triggerFunction(name: string, body: string): string {
  return `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${body};
  RETURN NULL;
END $$`
}

const MONTH = `substr(day, 1, 7) || '-01'`

/** Each cuboid as it stands now: its folded rows and the pending deltas at its grain (readers sum the rows). */
const VIEWS: [view: string, cuboid: string, columns: string, fromDeltas: string][] = [
  ['stat_crossings_now', 'stat_crossings', DIMENSIONS, DIMENSIONS],
  [
    'stat_crossings_post_now',
    'stat_crossings_post',
    'day, post_code, direction, decision, refusal_reason',
    'day, post_code, direction, decision, refusal_reason',
  ],
  [
    'stat_crossings_post_month_now',
    'stat_crossings_post_month',
    'month, post_code, direction, decision, refusal_reason',
    `${MONTH}, post_code, direction, decision, refusal_reason`,
  ],
  [
    'stat_crossings_post_person_now',
    'stat_crossings_post_person',
    'post_code, month, decision, nationality, sex, age',
    `post_code, ${MONTH}, decision, nationality, sex, age`,
  ],
  [
    'stat_crossings_person_now',
    'stat_crossings_person',
    'month, direction, decision, nationality, sex, age',
    `${MONTH}, direction, decision, nationality, sex, age`,
  ],
]

const STATEMENTS = [
  `CREATE TABLE stat_crossing_deltas (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    day text NOT NULL,
    post_code text NOT NULL,
    direction text NOT NULL,
    decision text NOT NULL,
    refusal_reason text NOT NULL,
    nationality text NOT NULL,
    sex text NOT NULL,
    age smallint NOT NULL,
    document_type text NOT NULL,
    purpose text NOT NULL,
    count bigint NOT NULL,
    key_sum bigint NOT NULL)`,
  // When the folder last moved deltas into the cuboids; written by the one folder holding the fold lock.
  `CREATE TABLE stat_fold_state (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    folded_at timestamptz)`,
  `INSERT INTO stat_fold_state (folded_at) VALUES (now())`,
  triggerFunction('stat_crossings_inserted', appendDelta(crossingsFrom('SELECT *, 1 AS sign FROM new_rows'))),
  triggerFunction('stat_crossings_deleted', appendDelta(crossingsFrom('SELECT *, -1 AS sign FROM old_rows'))),
  triggerFunction(
    'stat_crossings_updated',
    appendDelta(
      crossingsFrom('SELECT *, 1 AS sign FROM new_rows UNION ALL SELECT *, -1 AS sign FROM old_rows'),
    ),
  ),
  triggerFunction('stat_travellers_updated', appendDelta(TRAVELLER_CHANGE)),
  ...VIEWS.map(
    ([view, cuboid, columns, fromDeltas]) => `CREATE VIEW ${view} AS
      SELECT ${columns}, count, key_sum FROM ${cuboid}
      UNION ALL SELECT ${fromDeltas}, count, key_sum FROM stat_crossing_deltas`,
  ),
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

/**
 * Nothing is undone: going back to 0014's upserting triggers would leave the pending deltas uncounted. Folding
 * the queue (`passage` does it at start) and re-running 0014's recount is the way back if ever needed.
 */
export async function down(_db: Kysely<unknown>): Promise<void> {}

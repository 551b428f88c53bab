import { type Kysely, sql } from 'kysely'

/**
 * Statistics rollups of crossings, kept in step with every write by statement-level triggers with transition
 * tables: one trigger run per INSERT/UPDATE/DELETE statement, whether it writes one crossing or a bulk seed of
 * thousands, and on PostgreSQL and PGlite alike. Five cuboids of the same counts:
 *
 * - `stat_crossings`: day × post × direction × decision × refusal reason × nationality × sex × age × document type
 *   × purpose, the finest grain, answering any combination;
 * - `stat_crossings_post`: day × post × direction × decision × refusal reason, for time series, posts and the map;
 * - `stat_crossings_post_month`: the same by month, for dashboards over whole months;
 * - `stat_crossings_person`: month × direction × decision × nationality × sex × age, for national demographics;
 * - `stat_crossings_post_person`: month × post × decision × nationality × sex × age, for a post's demographics.
 *
 * Age is kept in single completed years on the crossing day (capped at 100, −1 unknown) so age bands stay a
 * query-time choice. Missing values are stored as '' so they can be part of the primary key. A change of a
 * traveller's sex, birth date or nationality moves the counts of all their crossings.
 */
const DIMENSIONS = `day, post_code, direction, decision, refusal_reason, nationality, sex, age, document_type, purpose`

/** Completed years between a `YYYY[-MM[-DD]]` birth date (missing parts read as 01) and the `YYYY-MM-DD` day. */
const AGE = `CASE WHEN s.birth_date IS NULL THEN -1 ELSE LEAST(100, GREATEST(-1,
    substr(s.crossed_on, 1, 4)::int - substr(s.birth_date, 1, 4)::int
    - CASE WHEN substr(s.crossed_on, 6, 5) < CASE length(s.birth_date)
        WHEN 10 THEN substr(s.birth_date, 6, 5) WHEN 7 THEN substr(s.birth_date, 6, 2) || '-01' ELSE '01-01' END
      THEN 1 ELSE 0 END)) END`

/**
 * One statement applying a signed set of crossings to the three cuboids. `source` yields crossed_on, post_code,
 * direction, decision, refusal_reason, purpose, nationality, sex, birth_date, document_code and sign (+1/−1).
 * Keys are upserted in order so that two writers never wait on each other's rows in opposite orders.
 */
function applyDelta(source: string): string {
  return `WITH d AS (
    SELECT s.crossed_on AS day, s.post_code, s.direction, s.decision, coalesce(s.refusal_reason, '') AS refusal_reason,
      coalesce(s.nationality, '') AS nationality, coalesce(s.sex, '') AS sex, (${AGE})::smallint AS age,
      coalesce(s.document_code, '') AS document_type, coalesce(s.purpose, '') AS purpose, sum(s.sign) AS n
    FROM (${source}) s
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    HAVING sum(s.sign) <> 0),
  fine AS (
    INSERT INTO stat_crossings (${DIMENSIONS}, count)
    SELECT ${DIMENSIONS}, n FROM d ORDER BY ${DIMENSIONS}
    ON CONFLICT (${DIMENSIONS}) DO UPDATE SET count = stat_crossings.count + EXCLUDED.count),
  by_post AS (
    INSERT INTO stat_crossings_post (day, post_code, direction, decision, refusal_reason, count)
    SELECT day, post_code, direction, decision, refusal_reason, sum(n) FROM d
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (day, post_code, direction, decision, refusal_reason)
    DO UPDATE SET count = stat_crossings_post.count + EXCLUDED.count),
  by_post_month AS (
    INSERT INTO stat_crossings_post_month (month, post_code, direction, decision, refusal_reason, count)
    SELECT substr(day, 1, 7) || '-01', post_code, direction, decision, refusal_reason, sum(n) FROM d
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (month, post_code, direction, decision, refusal_reason)
    DO UPDATE SET count = stat_crossings_post_month.count + EXCLUDED.count),
  by_post_person AS (
    INSERT INTO stat_crossings_post_person (post_code, month, decision, nationality, sex, age, count)
    SELECT post_code, substr(day, 1, 7) || '-01', decision, nationality, sex, age, sum(n) FROM d
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (post_code, month, decision, nationality, sex, age)
    DO UPDATE SET count = stat_crossings_post_person.count + EXCLUDED.count)
  INSERT INTO stat_crossings_person (month, direction, decision, nationality, sex, age, count)
  SELECT substr(day, 1, 7) || '-01', direction, decision, nationality, sex, age, sum(n) FROM d
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (month, direction, decision, nationality, sex, age)
  DO UPDATE SET count = stat_crossings_person.count + EXCLUDED.count`
}

const CROSSING_COLUMNS = `c.crossed_on, c.post_code, c.direction, c.decision, c.refusal_reason, c.purpose`

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
  return `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${body};
  RETURN NULL;
END $$`
}

const STATEMENTS = [
  `CREATE TABLE stat_crossings (
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
    PRIMARY KEY (${DIMENSIONS}))`,
  // A post chief's views read one post over a range of days.
  `CREATE INDEX stat_crossings_post_idx ON stat_crossings (post_code, day)`,
  `CREATE TABLE stat_crossings_post (
    day text NOT NULL,
    post_code text NOT NULL,
    direction text NOT NULL,
    decision text NOT NULL,
    refusal_reason text NOT NULL,
    count bigint NOT NULL,
    PRIMARY KEY (day, post_code, direction, decision, refusal_reason))`,
  `CREATE TABLE stat_crossings_post_month (
    month text NOT NULL,
    post_code text NOT NULL,
    direction text NOT NULL,
    decision text NOT NULL,
    refusal_reason text NOT NULL,
    count bigint NOT NULL,
    PRIMARY KEY (month, post_code, direction, decision, refusal_reason))`,
  `CREATE TABLE stat_crossings_post_person (
    post_code text NOT NULL,
    month text NOT NULL,
    decision text NOT NULL,
    nationality text NOT NULL,
    sex text NOT NULL,
    age smallint NOT NULL,
    count bigint NOT NULL,
    PRIMARY KEY (post_code, month, decision, nationality, sex, age))`,
  `CREATE TABLE stat_crossings_person (
    month text NOT NULL,
    direction text NOT NULL,
    decision text NOT NULL,
    nationality text NOT NULL,
    sex text NOT NULL,
    age smallint NOT NULL,
    count bigint NOT NULL,
    PRIMARY KEY (month, direction, decision, nationality, sex, age))`,
  triggerFunction('stat_crossings_inserted', applyDelta(crossingsFrom('SELECT *, 1 AS sign FROM new_rows'))),
  triggerFunction('stat_crossings_deleted', applyDelta(crossingsFrom('SELECT *, -1 AS sign FROM old_rows'))),
  triggerFunction(
    'stat_crossings_updated',
    applyDelta(
      crossingsFrom('SELECT *, 1 AS sign FROM new_rows UNION ALL SELECT *, -1 AS sign FROM old_rows'),
    ),
  ),
  triggerFunction('stat_travellers_updated', applyDelta(TRAVELLER_CHANGE)),
  `CREATE TRIGGER stat_crossings_insert AFTER INSERT ON crossings
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_crossings_inserted()`,
  `CREATE TRIGGER stat_crossings_delete AFTER DELETE ON crossings
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_crossings_deleted()`,
  `CREATE TRIGGER stat_crossings_update AFTER UPDATE ON crossings
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stat_crossings_updated()`,
  `CREATE TRIGGER stat_travellers_update AFTER UPDATE ON travellers
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stat_travellers_updated()`,
  // Crossings recorded before this migration.
  applyDelta(crossingsFrom('SELECT *, 1 AS sign FROM crossings')),
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TRIGGER IF EXISTS stat_travellers_update ON travellers').execute(db)
  for (const t of ['insert', 'delete', 'update'])
    await sql.raw(`DROP TRIGGER IF EXISTS stat_crossings_${t} ON crossings`).execute(db)
  for (const f of ['inserted', 'deleted', 'updated'])
    await sql.raw(`DROP FUNCTION IF EXISTS stat_crossings_${f}()`).execute(db)
  await sql.raw('DROP FUNCTION IF EXISTS stat_travellers_updated()').execute(db)
  for (const t of [
    'stat_crossings_person',
    'stat_crossings_post_person',
    'stat_crossings_post_month',
    'stat_crossings_post',
    'stat_crossings',
  ])
    await db.schema.dropTable(t).ifExists().execute()
}

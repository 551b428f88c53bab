import { type Kysely, sql } from 'kysely'

/**
 * Cell-key perturbation (src/domain/statistics/SUPPRESSION.md). Every counted record gets a fixed key in
 * 0 … 4095 that no reader sees: the first 12 bits of SHA-256(secret ‖ record id), with a secret made here from
 * the database's strong random source and kept in `stat_key_secret` (it travels with a backup, so a restored
 * database perturbs exactly as before; changing it would change every published figure and is not offered).
 * The crossing rollups of 0009 gain `key_sum`, the sum of the keys of the crossings in each row, kept by the
 * same statement-level triggers as `count`; the live sources compute keys with `stat_record_key` as they group.
 * 0009's trigger functions are replaced (same names, same triggers) and every rollup is recounted from the
 * crossings so counts and key sums start exact.
 */
const DIMENSIONS = `day, post_code, direction, decision, refusal_reason, nationality, sex, age, document_type, purpose`

const AGE = `CASE WHEN s.birth_date IS NULL THEN -1 ELSE LEAST(100, GREATEST(-1,
    substr(s.crossed_on, 1, 4)::int - substr(s.birth_date, 1, 4)::int
    - CASE WHEN substr(s.crossed_on, 6, 5) < CASE length(s.birth_date)
        WHEN 10 THEN substr(s.birth_date, 6, 5) WHEN 7 THEN substr(s.birth_date, 6, 2) || '-01' ELSE '01-01' END
      THEN 1 ELSE 0 END)) END`

/**
 * As 0009's, with each crossing's key summed beside its sign. A row is written when its count or its key sum
 * changes: an UPDATE that swaps two crossings between cells leaves the counts but not the keys.
 */
function applyDelta(source: string): string {
  return `WITH d AS (
    SELECT s.crossed_on AS day, s.post_code, s.direction, s.decision, coalesce(s.refusal_reason, '') AS refusal_reason,
      coalesce(s.nationality, '') AS nationality, coalesce(s.sex, '') AS sex, (${AGE})::smallint AS age,
      coalesce(s.document_code, '') AS document_type, coalesce(s.purpose, '') AS purpose, sum(s.sign) AS n,
      sum(s.sign * stat_record_key(s.id::text)) AS k
    FROM (${source}) s
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    HAVING sum(s.sign) <> 0 OR sum(s.sign * stat_record_key(s.id::text)) <> 0),
  fine AS (
    INSERT INTO stat_crossings (${DIMENSIONS}, count, key_sum)
    SELECT ${DIMENSIONS}, n, k FROM d ORDER BY ${DIMENSIONS}
    ON CONFLICT (${DIMENSIONS}) DO UPDATE
    SET count = stat_crossings.count + EXCLUDED.count, key_sum = stat_crossings.key_sum + EXCLUDED.key_sum),
  by_post AS (
    INSERT INTO stat_crossings_post (day, post_code, direction, decision, refusal_reason, count, key_sum)
    SELECT day, post_code, direction, decision, refusal_reason, sum(n), sum(k) FROM d
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 OR sum(k) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (day, post_code, direction, decision, refusal_reason) DO UPDATE
    SET count = stat_crossings_post.count + EXCLUDED.count, key_sum = stat_crossings_post.key_sum + EXCLUDED.key_sum),
  by_post_month AS (
    INSERT INTO stat_crossings_post_month (month, post_code, direction, decision, refusal_reason, count, key_sum)
    SELECT substr(day, 1, 7) || '-01', post_code, direction, decision, refusal_reason, sum(n), sum(k) FROM d
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 OR sum(k) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (month, post_code, direction, decision, refusal_reason) DO UPDATE
    SET count = stat_crossings_post_month.count + EXCLUDED.count,
      key_sum = stat_crossings_post_month.key_sum + EXCLUDED.key_sum),
  by_post_person AS (
    INSERT INTO stat_crossings_post_person (post_code, month, decision, nationality, sex, age, count, key_sum)
    SELECT post_code, substr(day, 1, 7) || '-01', decision, nationality, sex, age, sum(n), sum(k) FROM d
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0 OR sum(k) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (post_code, month, decision, nationality, sex, age) DO UPDATE
    SET count = stat_crossings_post_person.count + EXCLUDED.count,
      key_sum = stat_crossings_post_person.key_sum + EXCLUDED.key_sum)
  INSERT INTO stat_crossings_person (month, direction, decision, nationality, sex, age, count, key_sum)
  SELECT substr(day, 1, 7) || '-01', direction, decision, nationality, sex, age, sum(n), sum(k) FROM d
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0 OR sum(k) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (month, direction, decision, nationality, sex, age) DO UPDATE
  SET count = stat_crossings_person.count + EXCLUDED.count, key_sum = stat_crossings_person.key_sum + EXCLUDED.key_sum`
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

const ROLLUPS = [
  'stat_crossings',
  'stat_crossings_post',
  'stat_crossings_post_month',
  'stat_crossings_post_person',
  'stat_crossings_person',
]

const STATEMENTS = [
  `CREATE TABLE stat_key_secret (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    secret text NOT NULL)`,
  `INSERT INTO stat_key_secret (secret) VALUES (gen_random_uuid()::text || gen_random_uuid()::text)`,
  // The first 12 bits of SHA-256(secret ‖ id): a fixed key per record, uniform enough for a noise lookup.
  `CREATE FUNCTION stat_record_key(record_id text) RETURNS integer LANGUAGE sql STABLE AS $$
    SELECT (get_byte(h, 0) * 16 + get_byte(h, 1) / 16)::integer
    FROM (SELECT sha256(convert_to(secret || record_id, 'UTF8')) AS h FROM stat_key_secret) k $$`,
  ...ROLLUPS.map((t) => `ALTER TABLE ${t} ADD COLUMN key_sum bigint NOT NULL DEFAULT 0`),
  triggerFunction('stat_crossings_inserted', applyDelta(crossingsFrom('SELECT *, 1 AS sign FROM new_rows'))),
  triggerFunction('stat_crossings_deleted', applyDelta(crossingsFrom('SELECT *, -1 AS sign FROM old_rows'))),
  triggerFunction(
    'stat_crossings_updated',
    applyDelta(
      crossingsFrom('SELECT *, 1 AS sign FROM new_rows UNION ALL SELECT *, -1 AS sign FROM old_rows'),
    ),
  ),
  triggerFunction('stat_travellers_updated', applyDelta(TRAVELLER_CHANGE)),
  ...ROLLUPS.map((t) => `DELETE FROM ${t}`),
  applyDelta(crossingsFrom('SELECT *, 1 AS sign FROM crossings')),
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

/**
 * Nothing is undone: the trigger functions above replace 0009's and write `key_sum`, so dropping the keys would
 * leave every crossing write failing. The extra columns and the secret are harmless to older code.
 */
export async function down(_db: Kysely<unknown>): Promise<void> {}

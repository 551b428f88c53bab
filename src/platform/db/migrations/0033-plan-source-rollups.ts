import { type Kysely, sql } from 'kysely'

/**
 * Monthly rollups of the plan's live indicators (issue 14 §1): the dashboard read every returnee, examination,
 * hit and referral and hashed each one's record key (`stat_record_key`, ~60 µs a row), seconds at national
 * scale. Each source now keeps, per month, post and counted outcome, the count and key sum of the records its
 * indicator counts — the shape of the crossing cuboids (0009/0014), kept the way 0017 keeps them: statement-level
 * triggers *append* signed, grouped deltas to an insert-only queue (no hot row on the write path), a folder
 * (`app/plans/fold-plan-sources.ts`) moves them into the rollup, and readers sum rollup and queue through
 * `plan_source_months_now`, so a figure is exact the moment its record commits. Only the rows an indicator
 * counts are kept (its condition is applied here, once), so the outcome column holds the one counted outcome.
 */

/** Each source: table, its counted rows' month (Cambodia's day), post, outcome and condition. */
const SOURCES: {
  source: string
  table: string
  month: string
  post: string
  outcome: string
  where: string
}[] = [
  {
    source: 'returnees-assisted',
    table: 'returnees',
    month: `substr(x.registered_on, 1, 7) || '-01'`,
    post: 'x.post_code',
    outcome: `''`,
    where: 'cardinality(x.needs) > 0',
  },
  {
    source: 'document-findings',
    table: 'document_examinations',
    month: `to_char((x.examined_at AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM') || '-01'`,
    post: 'x.post_code',
    outcome: `''`,
    where: "x.finding IN ('suspected', 'forged_or_altered', 'impostor')",
  },
  {
    source: 'hits-confirmed',
    table: 'screening_hits',
    month: `to_char((x.created_at AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM') || '-01'`,
    post: 'x.post_code',
    outcome: 'x.status',
    where: "x.status = 'true_match'",
  },
  {
    source: 'referrals-completed',
    table: 'protection_referrals',
    month: `to_char((x.created_at AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM') || '-01'`,
    post: 'x.from_post',
    outcome: `''`,
    where: "x.state = 'completed'",
  },
]

const CELL = 'source, month, post_code, outcome'

/**
 * One source's counted rows from `rows` (a transition table or the table itself), signed, grouped per cell. The
 * record key is `stat_record_key`'s expression inline with the secret joined once, as in 0017.
 */
function cells(s: (typeof SOURCES)[number], rows: string, sign: number): string {
  return `SELECT '${s.source}' AS source, ${s.month} AS month, coalesce(${s.post}, '') AS post_code,
      coalesce(${s.outcome}, '') AS outcome, ${sign} AS n,
      ${sign} * (get_byte(h, 0) * 16 + get_byte(h, 1) / 16) AS k
    FROM (SELECT x.*, sha256(convert_to(k.secret || x.id::text, 'UTF8')) AS h
          FROM ${rows} x CROSS JOIN stat_key_secret k WHERE ${s.where} OFFSET 0) x`
}

function append(parts: string[]): string {
  return `INSERT INTO plan_source_deltas (${CELL}, count, key_sum)
    SELECT ${CELL}, sum(n), sum(k) FROM (${parts.join(' UNION ALL ')}) d
    GROUP BY ${CELL} HAVING sum(n) <> 0 OR sum(k) <> 0`
}

function triggers(s: (typeof SOURCES)[number]): string[] {
  const fn = (name: string, body: string) => `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${body};
  RETURN NULL;
END $$`
  const base = `plan_${s.table}`
  return [
    fn(`${base}_inserted`, append([cells(s, 'new_rows', 1)])),
    fn(`${base}_deleted`, append([cells(s, 'old_rows', -1)])),
    fn(`${base}_updated`, append([cells(s, 'new_rows', 1), cells(s, 'old_rows', -1)])),
    `CREATE TRIGGER ${base}_insert AFTER INSERT ON ${s.table}
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${base}_inserted()`,
    `CREATE TRIGGER ${base}_delete AFTER DELETE ON ${s.table}
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${base}_deleted()`,
    `CREATE TRIGGER ${base}_update AFTER UPDATE ON ${s.table}
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ${base}_updated()`,
    // Rows a post's server replicates to the national one (issue 18, migration 0030) are applied with
    // `session_replication_role = replica`, where statement triggers do not fire: this row trigger, enabled for
    // replica only, appends their deltas row by row (never for local writes, so nothing is counted twice).
    `CREATE FUNCTION ${base}_replicated() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN ${append([cells(s, '(SELECT (OLD).*)', -1)])}; END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN ${append([cells(s, '(SELECT (NEW).*)', 1)])}; END IF;
  RETURN NULL;
END $$`,
    `CREATE TRIGGER ${base}_replicated AFTER INSERT OR UPDATE OR DELETE ON ${s.table}
      FOR EACH ROW EXECUTE FUNCTION ${base}_replicated()`,
    `ALTER TABLE ${s.table} ENABLE REPLICA TRIGGER ${base}_replicated`,
  ]
}

const STATEMENTS = [
  `CREATE TABLE plan_source_months (
    source text NOT NULL,
    month text NOT NULL,
    post_code text NOT NULL,
    outcome text NOT NULL,
    count bigint NOT NULL,
    key_sum bigint NOT NULL,
    PRIMARY KEY (${CELL}))`,
  `CREATE TABLE plan_source_deltas (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source text NOT NULL,
    month text NOT NULL,
    post_code text NOT NULL,
    outcome text NOT NULL,
    count bigint NOT NULL,
    key_sum bigint NOT NULL)`,
  `CREATE VIEW plan_source_months_now AS
    SELECT ${CELL}, count, key_sum FROM plan_source_months
    UNION ALL SELECT ${CELL}, count, key_sum FROM plan_source_deltas`,
  ...SOURCES.flatMap(triggers),
  // Records written before this migration, counted once, set-based.
  ...SOURCES.map(
    (s) => `INSERT INTO plan_source_months (${CELL}, count, key_sum)
      SELECT ${CELL}, sum(n), sum(k) FROM (${cells(s, s.table, 1)}) d GROUP BY ${CELL}`,
  ),
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const s of SOURCES)
    for (const op of ['insert', 'delete', 'update', 'replicated'])
      await sql.raw(`DROP TRIGGER IF EXISTS plan_${s.table}_${op} ON ${s.table}`).execute(db)
  await sql.raw('DROP VIEW IF EXISTS plan_source_months_now').execute(db)
  await sql.raw('DROP TABLE IF EXISTS plan_source_deltas, plan_source_months').execute(db)
}

import { type Kysely, sql } from 'kysely'

/**
 * A bulk writer may count its own crossings (issue 13). The seed copies millions of crossings in one transaction;
 * through the per-statement trigger each COPY appended its grouped deltas to the queue, and the folder then moved
 * them again into the five cuboids — two thirds of a seed's time. Here the insert trigger gains a `WHEN`: a
 * transaction that has set `passage.stat_deltas` to `counted_by_writer` (transaction-local, `set_config(…, true)`,
 * so it never outlives the transaction and is safe through PgBouncer's transaction pooling) appends nothing, and
 * must add its crossings to the cuboids itself before commit — one `INSERT … SELECT … GROUP BY` over
 * `stat_crossing_cells` filtered to the rows it wrote (`app/statistics/fold-deltas.ts`, `FOLD_WRITTEN_CROSSINGS`).
 * Every other writer, and every update or delete, is counted by the triggers exactly as before.
 *
 * `stat_crossing_cells`: each crossing's finest cell and record key, as 0017's trigger computes them, with the
 * transaction that wrote it (`xmin`), so a writer can select exactly its own rows.
 */
const AGE = `CASE WHEN t.birth_date IS NULL THEN -1 ELSE LEAST(100, GREATEST(-1,
    substr(c.crossed_on, 1, 4)::int - substr(t.birth_date, 1, 4)::int
    - CASE WHEN substr(c.crossed_on, 6, 5) < CASE length(t.birth_date)
        WHEN 10 THEN substr(t.birth_date, 6, 5) WHEN 7 THEN substr(t.birth_date, 6, 2) || '-01' ELSE '01-01' END
      THEN 1 ELSE 0 END)) END`

/**
 * `stat_record_key`'s 12 bits (`get_byte(h, 0) * 16 + get_byte(h, 1) / 16`) from one SHA-256 call: the first two
 * bytes as 16 bits, shifted. Written with `h` twice, a flattened view would compute the hash twice per crossing.
 */
const RECORD_KEY = `(('x' || encode(substring(sha256(convert_to(k.secret || c.id::text, 'UTF8')) FROM 1 FOR 2), 'hex'))
    ::bit(16)::int >> 4)`

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER stat_crossings_insert ON crossings`.execute(db)
  await sql`CREATE TRIGGER stat_crossings_insert AFTER INSERT ON crossings
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    WHEN (current_setting('passage.stat_deltas', true) IS DISTINCT FROM 'counted_by_writer')
    EXECUTE FUNCTION stat_crossings_inserted()`.execute(db)
  await sql`CREATE VIEW stat_crossing_cells AS
    SELECT c.xmin AS written_in, c.crossed_on AS day, c.post_code, c.direction, c.decision,
      coalesce(c.refusal_reason, '') AS refusal_reason, coalesce(t.nationality, '') AS nationality,
      coalesce(t.sex, '') AS sex, (${sql.raw(AGE)})::smallint AS age,
      coalesce(doc.document_code, '') AS document_type, coalesce(c.purpose, '') AS purpose,
      ${sql.raw(RECORD_KEY)} AS record_key
    FROM crossings c
    JOIN travellers t ON t.id = c.traveller_id
    JOIN travel_documents doc ON doc.id = c.document_id
    CROSS JOIN stat_key_secret k`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP VIEW IF EXISTS stat_crossing_cells`.execute(db)
  await sql`DROP TRIGGER IF EXISTS stat_crossings_insert ON crossings`.execute(db)
  await sql`CREATE TRIGGER stat_crossings_insert AFTER INSERT ON crossings
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_crossings_inserted()`.execute(
    db,
  )
}

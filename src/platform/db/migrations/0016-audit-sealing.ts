import { type Kysely, sql } from 'kysely'

/**
 * Issue 13: the audit log without a national lock. A writer now inserts its entry unsealed — no chain position,
 * no hash, no read of any other row — and a sealer (src/platform/audit/audit-sealer.ts) later gives each committed
 * entry its place in the chain (`pos`, 1, 2, 3… without gaps), the previous entry's hash and its own, in batches.
 * `seq` stays the entry's identity and insertion order; `pos` is the chain order (commit order, roughly).
 *
 * The append-only trigger now lets exactly one update through: sealing, once, which fills `pos`, `prev_hash` and
 * `hash` of an unsealed entry and changes nothing else. Every other update, every delete, TRUNCATE: refused.
 * Entries chained before this migration keep their hashes; they get `pos` in their `seq` order, the order they
 * were chained in, so `passage audit verify` and the signed checkpoints keep verifying them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_log ADD COLUMN pos bigint`.execute(db)
  await sql`ALTER TABLE audit_log ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL`.execute(
    db,
  )
  await sql`
    CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        IF OLD.pos IS NULL AND NEW.pos IS NOT NULL
          AND (NEW.seq, NEW.at, NEW.actor_id, NEW.actor_username, NEW.action, NEW.resource, NEW.record_id, NEW.ip,
               NEW.details)
            IS NOT DISTINCT FROM
              (OLD.seq, OLD.at, OLD.actor_id, OLD.actor_username, OLD.action, OLD.resource, OLD.record_id, OLD.ip,
               OLD.details)
          AND (OLD.hash IS NULL OR (NEW.hash = OLD.hash AND NEW.prev_hash = OLD.prev_hash)) THEN
          RETURN NEW;
        END IF;
      END IF;
      RAISE EXCEPTION 'audit_log is append-only';
    END $$`.execute(db)
  // Entries chained before: their chain order was their seq order.
  await sql`
    UPDATE audit_log SET pos = r.n
    FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS n FROM audit_log) AS r
    WHERE audit_log.seq = r.seq`.execute(db)
  await sql`CREATE UNIQUE INDEX audit_log_pos_idx ON audit_log (pos)`.execute(db)
  // What the sealer reads every round: only the unsealed entries, however long the log.
  await sql`CREATE INDEX audit_log_unsealed_idx ON audit_log (seq) WHERE pos IS NULL`.execute(db)
  await sql`
    ALTER TABLE audit_log ADD CONSTRAINT audit_log_sealed_whole
    CHECK ((pos IS NULL) = (hash IS NULL) AND (pos IS NULL) = (prev_hash IS NULL) AND (pos IS NULL OR pos > 0))`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_log DROP CONSTRAINT IF EXISTS audit_log_sealed_whole`.execute(db)
  await sql`DROP INDEX IF EXISTS audit_log_unsealed_idx`.execute(db)
  await sql`DROP INDEX IF EXISTS audit_log_pos_idx`.execute(db)
  await sql`
    CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only';
    END $$`.execute(db)
  await sql`ALTER TABLE audit_log DROP COLUMN IF EXISTS pos`.execute(db)
}

import { type Kysely, sql } from 'kysely'

/**
 * The append-only trigger of 0001 fires for each row, and TRUNCATE touches no row: it emptied the log without a
 * trace. A statement-level BEFORE TRUNCATE trigger refuses it with the same message. A tamperer who disables it is
 * still caught by the signed checkpoints kept outside the database (`passage audit verify`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log`.execute(db)
}

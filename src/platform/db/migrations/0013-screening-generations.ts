import { type Kysely, sql } from 'kysely'

/**
 * Every screening version gets a random token, kept per version. An API process remembers the token of the
 * version its name index was built from and, before each search, checks that the database still holds that same
 * token at that version. A restore of an older backup (versions go back, then new changes reuse them), or a
 * different database behind the same address, gives another token or none: the process rebuilds its index
 * instead of trusting numbers that now mean other rows.
 */
const STATEMENTS = [
  `CREATE TABLE screening_versions (
    version bigint PRIMARY KEY,
    token uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now())`,
  `INSERT INTO screening_versions (version, token) SELECT version, gen_random_uuid() FROM screening_state`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('screening_versions').ifExists().execute()
}

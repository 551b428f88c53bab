import { type Kysely, sql } from 'kysely'

/**
 * Versions that let each API process keep reference lists and resolved sessions in memory and still see, on its
 * next request, a change made through any other process (`platform/cache/`). A trigger bumps the version in the
 * same transaction as the change, so the bump commits or rolls back with it; every request reads both numbers in
 * one statement of a two-row table. No LISTEN/NOTIFY and no session state, so transaction pooling is fine.
 *
 * - `reference`: refusal reasons, risk rule sets, examination templates, points of entry — rare, administrative.
 * - `auth`: any change to what a session acts with (role, scope, agency, post, disabled, password, locale…) and any
 *   ended session (sign-out, revocation, expiry). Refreshing `last_seen_at` and creating a session revoke nothing and bump nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE cache_versions (
    name text PRIMARY KEY CHECK (name IN ('reference', 'auth')),
    version bigint NOT NULL)`.execute(db)
  await sql`INSERT INTO cache_versions (name, version) VALUES ('reference', 1), ('auth', 1)`.execute(db)
  await sql`CREATE FUNCTION bump_cache_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE cache_versions SET version = version + 1 WHERE name = TG_ARGV[0];
      RETURN NULL;
    END $$`.execute(db)
  for (const table of ['refusal_reasons', 'risk_rule_sets', 'examination_templates', 'points_of_entry'])
    await sql`CREATE TRIGGER ${sql.raw(`${table}_cache_version`)}
      AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('reference')`.execute(db)
  // Not the sign-in counters (failed_signins, locked_until, updated_at): a sign-in would otherwise empty every
  // process's session cache, and a session never acts on them (a lock-out that ends sessions deletes them).
  await sql`CREATE TRIGGER users_cache_version AFTER UPDATE OF username, display_name, role, agency_code, post_code,
    scope, password_hash, must_change_password, disabled, locale, password_changed_at OR DELETE OR TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('auth')`.execute(db)
  // Statement-level, so a DELETE that matched no row bumps too: harmless, a cache entry is simply read again.
  await sql`CREATE TRIGGER sessions_cache_version AFTER DELETE OR TRUNCATE ON sessions
    FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('auth')`.execute(db)
  // Per row, so the once-a-minute refresh of last_seen_at stays free; anything that shortens or rewrites a session
  // (last_seen_at moved back, an earlier expiry, another owner or token) ends what a cache may assume about it.
  await sql`CREATE TRIGGER sessions_cache_version_update AFTER UPDATE ON sessions FOR EACH ROW
    WHEN (NEW.last_seen_at < OLD.last_seen_at OR NEW.expires_at < OLD.expires_at
      OR (NEW.id_hash, NEW.user_id, NEW.csrf_token, NEW.created_at)
        IS DISTINCT FROM (OLD.id_hash, OLD.user_id, OLD.csrf_token, OLD.created_at))
    EXECUTE FUNCTION bump_cache_version('auth')`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'refusal_reasons',
    'risk_rule_sets',
    'examination_templates',
    'points_of_entry',
    'users',
  ])
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_cache_version`)} ON ${sql.table(table)}`.execute(db)
  await sql`DROP TRIGGER IF EXISTS sessions_cache_version ON sessions`.execute(db)
  await sql`DROP TRIGGER IF EXISTS sessions_cache_version_update ON sessions`.execute(db)
  await sql`DROP FUNCTION IF EXISTS bump_cache_version()`.execute(db)
  await sql`DROP TABLE IF EXISTS cache_versions`.execute(db)
}

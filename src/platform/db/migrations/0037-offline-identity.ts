import { type Kysely, sql } from 'kysely'

/**
 * Offline posts (issue 18), what `passage post status` needs to tell a restored or replaced server from a healthy
 * one. Each node's heartbeat also carries its cluster's identity and WAL position, and the centre's heartbeat says,
 * per post, up to which of the post's WAL positions it has received (the `wal_lsn` of the post's last heartbeat
 * that arrived). A post whose own WAL is behind that was restored from an older backup: what it writes until it
 * passes that position would be skipped by the centre. `offline_settings.peer_system_id` is the other side's
 * cluster identity as `passage post init` saw it: another one means the national server was replaced.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE offline_heartbeats ADD COLUMN system_id text,
    ADD COLUMN wal_lsn pg_lsn, ADD COLUMN received jsonb NOT NULL DEFAULT '{}'`.execute(db)
  await sql`ALTER TABLE offline_settings ADD COLUMN peer_system_id text`.execute(db)
}

export async function down(_db: Kysely<unknown>): Promise<void> {}

import { sql } from 'kysely'
import type { Executor } from '../../platform/db/database.ts'

export const HEARTBEAT_EVERY_MS = 10_000

/**
 * Writes this node's own heartbeat row (and no other: one writer per row). Replicated in commit order, the centre's
 * heartbeat tells a post up to when its copy of the alert lists and rules is complete. Each beat also carries the
 * cluster's identity and WAL position, and the centre's, per post, the position of the post's last beat it received
 * (migration 0037: how a restored or replaced server is told apart). A standalone server writes nothing.
 */
export async function beat(db: Executor): Promise<boolean> {
  const { rows } = await sql<{ node: string }>`
    INSERT INTO offline_heartbeats (node, beat_at, system_id, wal_lsn, received)
    SELECT CASE WHEN role = 'national' THEN 'national' ELSE 'post:' || post_code END, now(),
      (SELECT system_identifier::text FROM pg_control_system()), pg_current_wal_lsn(),
      CASE WHEN role = 'national' THEN (SELECT coalesce(jsonb_object_agg(substr(h.node, 6), h.wal_lsn::text), '{}')
        FROM offline_heartbeats h WHERE h.node LIKE 'post:%' AND h.wal_lsn IS NOT NULL) ELSE '{}' END
    FROM offline_settings
    ON CONFLICT (node) DO UPDATE SET beat_at = excluded.beat_at, system_id = excluded.system_id,
      wal_lsn = excluded.wal_lsn, received = excluded.received
    RETURNING node`.execute(db)
  return rows.length > 0
}

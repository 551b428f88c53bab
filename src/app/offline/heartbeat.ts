import { sql } from 'kysely'
import type { Executor } from '../../platform/db/database.ts'

export const HEARTBEAT_EVERY_MS = 10_000

/**
 * Writes this node's own heartbeat row (and no other: one writer per row). Replicated in commit order, the centre's
 * heartbeat tells a post up to when its copy of the alert lists and rules is complete. A standalone server writes
 * nothing.
 */
export async function beat(db: Executor): Promise<boolean> {
  const { rows } = await sql<{ node: string }>`
    INSERT INTO offline_heartbeats (node, beat_at)
    SELECT CASE WHEN role = 'national' THEN 'national' ELSE 'post:' || post_code END, now() FROM offline_settings
    ON CONFLICT (node) DO UPDATE SET beat_at = excluded.beat_at
    RETURNING node`.execute(db)
  return rows.length > 0
}

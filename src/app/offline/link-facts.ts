import { sql } from 'kysely'
import type { LinkFacts } from '../../domain/offline/link-status.ts'
import type { Executor } from '../../platform/db/database.ts'
import { nationalSlot, nationalSubscription, POST_SLOT, POST_SUBSCRIPTION } from './publications.ts'

export type OfflineRole = 'standalone' | 'national' | 'post'

export interface NodeLinks {
  role: OfflineRole
  postCode: string | null
  now: Date
  /** On a post: its one link to the centre. On the national server: one per post. */
  links: { peer: string; facts: LinkFacts }[]
}

interface Row {
  sub_enabled: boolean | null
  worker_pid: number | null
  last_send: Date | null
  last_receipt: Date | null
  apply_errors: number | null
  slot_found: boolean
  slot_active: boolean | null
  wal_status: string | null
  pending_bytes: number | null
  peer_beat: Date | null
  sub_found: boolean
  own_wal: string | null
  peer_received: string | null
  peer_system: string | null
  expected_system: string | null
}

/** Everything `evaluateLink` needs for one link, read from PostgreSQL's catalogs in one statement. */
async function readLink(
  db: Executor,
  o: { subscription: string; slot: string; peerNode: string; ownCode: string | null },
): Promise<LinkFacts> {
  const { rows } = await sql<Row>`
    SELECT s.oid IS NOT NULL AS sub_found, s.subenabled AS sub_enabled, st.pid AS worker_pid,
      st.last_msg_send_time AS last_send, st.last_msg_receipt_time AS last_receipt,
      ss.apply_error_count::int AS apply_errors,
      sl.slot_name IS NOT NULL AS slot_found, sl.active AS slot_active, sl.wal_status,
      CASE WHEN sl.confirmed_flush_lsn IS NULL THEN NULL
        ELSE pg_wal_lsn_diff(pg_current_wal_lsn(), sl.confirmed_flush_lsn)::bigint END AS pending_bytes,
      (SELECT beat_at FROM offline_heartbeats WHERE node = ${o.peerNode}) AS peer_beat,
      pg_current_wal_lsn()::text AS own_wal,
      (SELECT received->>${o.ownCode} FROM offline_heartbeats WHERE node = ${o.peerNode}) AS peer_received,
      (SELECT system_id FROM offline_heartbeats WHERE node = ${o.peerNode}) AS peer_system,
      (SELECT peer_system_id FROM offline_settings) AS expected_system
    FROM (SELECT 1) one
    LEFT JOIN pg_subscription s ON s.subname = ${o.subscription} AND s.subdbid =
      (SELECT oid FROM pg_database WHERE datname = current_database())
    LEFT JOIN pg_stat_subscription st ON st.subid = s.oid AND st.relid IS NULL
    LEFT JOIN pg_stat_subscription_stats ss ON ss.subid = s.oid
    LEFT JOIN pg_replication_slots sl ON sl.slot_name = ${o.slot}`.execute(db)
  const r = rows[0]!
  return {
    subscription: r.sub_found
      ? {
          enabled: !!r.sub_enabled,
          workerRunning: r.worker_pid !== null,
          lastSendAt: r.last_send,
          lastReceiptAt: r.last_receipt,
          applyErrors: r.apply_errors ?? 0,
        }
      : null,
    outgoingSlot: r.slot_found
      ? { active: !!r.slot_active, walStatus: r.wal_status, pendingBytes: Number(r.pending_bytes ?? 0) }
      : null,
    peerHeartbeatAt: r.peer_beat,
    identity: {
      ownWalLsn: r.own_wal,
      peerReceivedLsn: r.peer_received,
      peerSystemId: r.peer_system,
      expectedPeerSystemId: r.expected_system,
    },
  }
}

/** This database's links as the catalogs describe them now; a standalone server has none. */
export async function readNodeLinks(db: Executor): Promise<NodeLinks> {
  const { rows } = await sql<{ role: OfflineRole; post_code: string | null; now: Date }>`
    SELECT offline_role() AS role, (SELECT post_code FROM offline_settings) AS post_code, now() AS now`.execute(
    db,
  )
  const { role, post_code: postCode, now } = rows[0]!
  if (role === 'post') {
    const facts = await readLink(db, {
      subscription: POST_SUBSCRIPTION,
      slot: POST_SLOT,
      peerNode: 'national',
      ownCode: postCode,
    })
    return { role, postCode, now, links: [{ peer: 'national', facts }] }
  }
  if (role !== 'national') return { role, postCode, now, links: [] }
  // Every post the centre has subscribed to, including one whose subscription was dropped by hand since: the
  // post's heartbeat row stays behind and names it.
  const { rows: posts } = await sql<{ code: string }>`
    SELECT substr(node, 6) AS code FROM offline_heartbeats WHERE node LIKE 'post:%' ORDER BY 1`.execute(db)
  const links = []
  for (const { code } of posts) {
    const facts = await readLink(db, {
      subscription: nationalSubscription(code),
      slot: nationalSlot(code),
      peerNode: `post:${code}`,
      ownCode: null,
    })
    links.push({ peer: code, facts })
  }
  return { role, postCode, now, links }
}

/**
 * What `passage post status` and the officer's banner say about a replication link, from facts read out of
 * PostgreSQL's own catalogs (`pg_subscription`, `pg_stat_subscription`, `pg_replication_slots`) and the heartbeat
 * rows. Pure: the same facts always give the same lines, so each state is tested without a cluster.
 */

export interface LinkFacts {
  /** The subscription this node receives through; null when it no longer exists (dropped by hand). */
  subscription: {
    enabled: boolean
    /** The apply worker is running (a row with a pid in pg_stat_subscription). */
    workerRunning: boolean
    /** Publisher's clock when it sent the last message, and ours when we received it (keepalives count). */
    lastSendAt: Date | null
    lastReceiptAt: Date | null
    /** Errors counted by pg_stat_subscription_stats since the last reset: a conflict disables the subscription. */
    applyErrors: number
  } | null
  /** The slot the other side reads this node's changes from; null when it is missing. */
  outgoingSlot: {
    active: boolean
    /** pg_replication_slots.wal_status: reserved | extended | unreserved | lost. */
    walStatus: string | null
    /** WAL bytes written here that the other side has not confirmed: the queued changes. */
    pendingBytes: number
  } | null
  /** The other node's heartbeat as received here (its own clock). */
  peerHeartbeatAt: Date | null
  /** Which clusters are talking, and where their WAL stands (migration 0037); absent where not read. */
  identity?: LinkIdentity
}

export interface LinkIdentity {
  /** This cluster's WAL position now (`pg_current_wal_lsn()`, `X/Y` hex). */
  ownWalLsn: string | null
  /** The other side's word, in its heartbeat, on how far it has received this node's WAL (null: it does not say). */
  peerReceivedLsn: string | null
  /** The other side's cluster identity (`pg_control_system().system_identifier`) as its heartbeat says... */
  peerSystemId: string | null
  /** ...and as `passage post init` recorded it (null: not recorded). */
  expectedPeerSystemId: string | null
}

export interface LinkThresholds {
  /** No message for this long: the link is down. */
  downAfterSeconds: number
  /** Copy of the centre's data older than this: the officer is warned. */
  staleAfterMinutes: number
  /** Clocks further apart than this: reported. */
  skewSeconds: number
}

export const DEFAULT_THRESHOLDS: LinkThresholds = {
  downAfterSeconds: 60,
  staleAfterMinutes: 24 * 60,
  skewSeconds: 120,
}

export type LinkProblem =
  | { code: 'subscription_missing' }
  | { code: 'subscription_disabled' }
  | { code: 'apply_failing'; applyErrors: number }
  | { code: 'link_down'; since: Date | null }
  | { code: 'slot_missing' }
  | { code: 'slot_lost' }
  | { code: 'slot_unreserved' }
  | { code: 'clock_skew'; seconds: number }
  | { code: 'data_stale'; asOf: Date | null }
  | { code: 'restored_from_backup'; walAt: string; peerHas: string }
  | { code: 'peer_replaced'; expected: string; found: string }

export interface LinkStatus {
  up: boolean
  /** The last message received, or when the apply worker is not running, the last heartbeat applied here. */
  lastContactAt: Date | null
  /** Since when nothing has been heard from the other side (null when up). */
  downSince: Date | null
  /** Up to when this node holds the other side's data: the last heartbeat that arrived. */
  dataAsOf: Date | null
  pendingBytes: number
  problems: LinkProblem[]
}

export function evaluateLink(
  facts: LinkFacts,
  now: Date,
  t: LinkThresholds = DEFAULT_THRESHOLDS,
): LinkStatus {
  const problems: LinkProblem[] = []
  const sub = facts.subscription
  const lastMessage = sub?.lastReceiptAt ?? null
  const silent = !lastMessage || now.getTime() - lastMessage.getTime() > t.downAfterSeconds * 1000
  const up = !!sub && sub.enabled && sub.workerRunning && !silent
  if (!sub) problems.push({ code: 'subscription_missing' })
  else if (!sub.enabled) problems.push({ code: 'subscription_disabled' })
  // pg_stat_subscription forgets the receipt time when the apply worker exits (a cut link makes it exit and retry),
  // so the durable trace of the last contact is then the other side's last heartbeat applied here.
  const lastContact = lastMessage ?? facts.peerHeartbeatAt
  if (!up) problems.push({ code: 'link_down', since: lastContact })
  if (!facts.outgoingSlot) problems.push({ code: 'slot_missing' })
  else if (facts.outgoingSlot.walStatus === 'lost') problems.push({ code: 'slot_lost' })
  else if (facts.outgoingSlot.walStatus === 'unreserved') problems.push({ code: 'slot_unreserved' })
  // Send and receipt times of the same message differ by the network delay plus the clock difference; only a
  // recent message says anything about the clocks now.
  if (up && sub?.lastSendAt && sub.lastReceiptAt) {
    const seconds = Math.round((sub.lastReceiptAt.getTime() - sub.lastSendAt.getTime()) / 1000)
    if (Math.abs(seconds) > t.skewSeconds) problems.push({ code: 'clock_skew', seconds })
  }
  const asOf = facts.peerHeartbeatAt
  // A heartbeat stamped later than our now: the other side's clock is ahead of ours (or ours behind), link up or not.
  if (
    asOf &&
    asOf.getTime() - now.getTime() > t.skewSeconds * 1000 &&
    !problems.some((p) => p.code === 'clock_skew')
  )
    problems.push({ code: 'clock_skew', seconds: Math.round((now.getTime() - asOf.getTime()) / 1000) })
  // A lost connection counts as an apply error too (PostgreSQL 15), so errors alone say nothing; errors with
  // nothing applied for longer than a link may be silent mean a lost link or a transaction failing again and again.
  const applied = asOf && now.getTime() - asOf.getTime() <= t.downAfterSeconds * 1000
  if (sub && sub.applyErrors > 0 && !applied)
    problems.push({ code: 'apply_failing', applyErrors: sub.applyErrors })
  if (!asOf || now.getTime() - asOf.getTime() > t.staleAfterMinutes * 60_000) {
    problems.push({ code: 'data_stale', asOf })
  }
  problems.push(...identityProblems(facts.identity))
  return {
    up,
    lastContactAt: lastContact,
    downSince: up ? null : lastContact,
    dataAsOf: asOf,
    pendingBytes: facts.outgoingSlot?.pendingBytes ?? 0,
    problems,
  }
}

/** `X/Y` (hex halves of a WAL position) as one number, for comparing; null for anything else. */
export function lsnValue(lsn: string | null): bigint | null {
  const m = lsn ? /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn) : null
  return m ? (BigInt(`0x${m[1]}`) << 32n) | BigInt(`0x${m[2]}`) : null
}

/**
 * A server restored from an older backup is behind what the other side already received from it: until its WAL
 * passes that position, what it writes is skipped by the subscriber as already seen — a silent loss, so it is named.
 * Another cluster identity than the one set up means the other side was replaced: its slots and progress are gone.
 */
function identityProblems(id: LinkIdentity | undefined): LinkProblem[] {
  if (!id) return []
  const problems: LinkProblem[] = []
  const own = lsnValue(id.ownWalLsn)
  const seen = lsnValue(id.peerReceivedLsn)
  if (own !== null && seen !== null && own < seen)
    problems.push({ code: 'restored_from_backup', walAt: id.ownWalLsn!, peerHas: id.peerReceivedLsn! })
  if (id.expectedPeerSystemId && id.peerSystemId && id.peerSystemId !== id.expectedPeerSystemId)
    problems.push({ code: 'peer_replaced', expected: id.expectedPeerSystemId, found: id.peerSystemId })
  return problems
}

import { describe, expect, it } from 'vitest'
import { evaluateLink, type LinkFacts, lsnValue } from './link-status.ts'

const now = new Date('2026-12-04T10:00:00Z')
const ago = (s: number) => new Date(now.getTime() - s * 1000)

const healthy = (): LinkFacts => ({
  subscription: {
    enabled: true,
    workerRunning: true,
    lastSendAt: ago(2),
    lastReceiptAt: ago(2),
    applyErrors: 0,
  },
  outgoingSlot: { active: true, walStatus: 'reserved', pendingBytes: 0 },
  peerHeartbeatAt: ago(5),
})

/** A link whose apply worker has exited (a cut connection makes it exit and retry): no receipt time any more. */
const workerStopped = (applyErrors: number): LinkFacts['subscription'] => ({
  enabled: true,
  workerRunning: false,
  lastSendAt: null,
  lastReceiptAt: null,
  applyErrors,
})

const codes = (f: LinkFacts) => evaluateLink(f, now).problems.map((p) => p.code)

describe('the state of a replication link', () => {
  it('is up with nothing to report when messages and heartbeats arrive', () => {
    const s = evaluateLink(healthy(), now)
    expect(s).toMatchObject({ up: true, downSince: null, problems: [] })
    expect(s.dataAsOf).toEqual(ago(5))
  })

  it('is down since the last message once nothing arrived for longer than the threshold', () => {
    const f = healthy()
    f.subscription!.lastReceiptAt = ago(61)
    f.subscription!.lastSendAt = ago(61)
    const s = evaluateLink(f, now)
    expect(s.up).toBe(false)
    expect(s.downSince).toEqual(ago(61))
    expect(s.problems).toContainEqual({ code: 'link_down', since: ago(61) })
  })

  it('is down, never having heard anything, when the apply worker is not running and no heartbeat arrived', () => {
    const f = healthy()
    f.subscription = workerStopped(1)
    f.peerHeartbeatAt = null
    expect(evaluateLink(f, now)).toMatchObject({ up: false, downSince: null, lastContactAt: null })
  })

  it('is down since the last heartbeat applied once a cut link stopped the apply worker (its receipt time is gone)', () => {
    const f = healthy()
    f.subscription = workerStopped(3)
    f.peerHeartbeatAt = ago(40)
    const s = evaluateLink(f, now)
    expect(s).toMatchObject({ up: false, downSince: ago(40), lastContactAt: ago(40) })
    expect(s.problems).toContainEqual({ code: 'link_down', since: ago(40) })
  })

  it('names a subscription dropped by hand, a disabled one, and a missing slot', () => {
    expect(codes({ ...healthy(), subscription: null })).toEqual(['subscription_missing', 'link_down'])
    const disabled = healthy()
    disabled.subscription!.enabled = false
    expect(codes(disabled)).toEqual(['subscription_disabled', 'link_down'])
    expect(codes({ ...healthy(), outgoingSlot: null })).toEqual(['slot_missing'])
  })

  it('tells a lost slot (past max_slot_wal_keep_size) from one about to be lost', () => {
    const lost = healthy()
    lost.outgoingSlot!.walStatus = 'lost'
    expect(codes(lost)).toEqual(['slot_lost'])
    lost.outgoingSlot!.walStatus = 'unreserved'
    expect(codes(lost)).toEqual(['slot_unreserved'])
    lost.outgoingSlot!.walStatus = 'extended'
    expect(codes(lost)).toEqual([])
  })

  it('reports clocks hours apart, either way, but not a second of network delay', () => {
    const ahead = healthy()
    ahead.subscription!.lastSendAt = new Date(ago(2).getTime() + 3 * 3600_000)
    expect(evaluateLink(ahead, now).problems).toEqual([{ code: 'clock_skew', seconds: -10800 }])
    const behind = healthy()
    behind.subscription!.lastSendAt = new Date(ago(2).getTime() - 2 * 3600_000)
    expect(evaluateLink(behind, now).problems).toEqual([{ code: 'clock_skew', seconds: 7200 }])
    const delayed = healthy()
    delayed.subscription!.lastSendAt = ago(3)
    expect(codes(delayed)).toEqual([])
  })

  it('warns when the copy of the other side is older than the configured age, or was never received', () => {
    expect(codes({ ...healthy(), peerHeartbeatAt: ago(24 * 3600 + 1) })).toEqual(['data_stale'])
    expect(
      evaluateLink({ ...healthy(), peerHeartbeatAt: ago(3600) }, now, {
        downAfterSeconds: 60,
        staleAfterMinutes: 30,
        skewSeconds: 120,
      }).problems,
    ).toEqual([{ code: 'data_stale', asOf: ago(3600) }])
    expect(codes({ ...healthy(), peerHeartbeatAt: null })).toContain('data_stale')
  })

  it('counts apply errors as a problem only while nothing is being applied (a lost link counts as one too)', () => {
    const recovered = healthy()
    recovered.subscription!.applyErrors = 3
    expect(codes(recovered)).toEqual([])
    const stuck = healthy()
    stuck.subscription!.applyErrors = 3
    stuck.peerHeartbeatAt = ago(300)
    expect(evaluateLink(stuck, now).problems).toEqual([{ code: 'apply_failing', applyErrors: 3 }])
  })

  it('reports a post clock hours behind from the centre heartbeat stamped in its future, even with the link down', () => {
    const f = healthy()
    f.subscription!.workerRunning = false
    f.peerHeartbeatAt = new Date(now.getTime() + 4 * 3600_000)
    expect(evaluateLink(f, now).problems).toContainEqual({ code: 'clock_skew', seconds: -14400 })
    // Link up and both signs agreeing: named once.
    const up = healthy()
    up.subscription!.lastSendAt = new Date(ago(2).getTime() + 4 * 3600_000)
    up.peerHeartbeatAt = new Date(now.getTime() + 4 * 3600_000)
    expect(codes(up)).toEqual(['clock_skew'])
  })

  it('names a server restored from an older backup: its WAL behind what the other side already received', () => {
    const identity = (own: string, seen: string | null) => ({
      ownWalLsn: own,
      peerReceivedLsn: seen,
      peerSystemId: null,
      expectedPeerSystemId: null,
    })
    expect(evaluateLink({ ...healthy(), identity: identity('0/3A000000', '1/0200') }, now).problems).toEqual([
      { code: 'restored_from_backup', walAt: '0/3A000000', peerHas: '1/0200' },
    ])
    expect(codes({ ...healthy(), identity: identity('1/0200', '1/0200') })).toEqual([])
    expect(codes({ ...healthy(), identity: identity('2/0', '1/FFFFFFFF') })).toEqual([])
    // Nothing received yet, or a malformed position, says nothing.
    expect(codes({ ...healthy(), identity: identity('0/10', null) })).toEqual([])
    expect(codes({ ...healthy(), identity: identity('0/10', 'not an lsn') })).toEqual([])
  })

  it('names a replaced national server: another cluster than the one set up', () => {
    const identity = { ownWalLsn: '0/10', peerReceivedLsn: null, expectedPeerSystemId: '7311' }
    expect(
      evaluateLink({ ...healthy(), identity: { ...identity, peerSystemId: '7400' } }, now).problems,
    ).toEqual([{ code: 'peer_replaced', expected: '7311', found: '7400' }])
    expect(codes({ ...healthy(), identity: { ...identity, peerSystemId: '7311' } })).toEqual([])
    expect(codes({ ...healthy(), identity: { ...identity, peerSystemId: null } })).toEqual([])
  })

  it('compares WAL positions as numbers, not as text', () => {
    expect(lsnValue('0/A') ?? 0n).toBeLessThan(lsnValue('0/10') ?? 0n)
    expect(lsnValue('1/0')).toBe(1n << 32n)
    expect([lsnValue(''), lsnValue('1/2/3'), lsnValue(null), lsnValue('G/0')]).toEqual([
      null,
      null,
      null,
      null,
    ])
  })
})

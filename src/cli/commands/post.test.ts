import { describe, expect, it } from 'vitest'
import type { NodeLinks } from '../../app/offline/link-facts.ts'
import { describeLinks } from './post.ts'

const now = new Date('2026-12-04T10:00:00Z')

describe('passage post status, as an operator reads it', () => {
  it('says a standalone server has no links, and is healthy', () => {
    expect(describeLinks({ role: 'standalone', postCode: null, now, links: [] })).toEqual({
      text: 'Standalone server: no post links configured.',
      healthy: true,
    })
  })

  it('gives a post the last contact, queued changes, alert-list age and every problem, and fails the exit status', () => {
    const node: NodeLinks = {
      role: 'post',
      postCode: 'LAND-OSMACH',
      now,
      links: [
        {
          peer: 'national',
          facts: {
            subscription: {
              enabled: true,
              workerRunning: false,
              lastSendAt: new Date('2026-12-03T07:02:10Z'),
              lastReceiptAt: new Date('2026-12-03T07:02:11Z'),
              applyErrors: 1,
            },
            outgoingSlot: { active: false, walStatus: 'unreserved', pendingBytes: 18_234_112 },
            peerHeartbeatAt: new Date('2026-12-03T07:02:05Z'),
          },
        },
      ],
    }
    const { text, healthy } = describeLinks(node)
    expect(healthy).toBe(false)
    expect(text.split('\n')).toEqual([
      'Post server LAND-OSMACH',
      '  national: LINK DOWN',
      '    last contact: 2026-12-03T07:02:11.000Z',
      '    lag: 1000 ms',
      '    queued changes for national: 18234112 bytes of WAL',
      '    alert lists and rules as of: 2026-12-03T07:02:05.000Z',
      '    ! link down since 2026-12-03T07:02:11.000Z',
      '    ! replication slot about to be lost: WAL past max_slot_wal_keep_size is being removed',
      '    ! 1 apply errors counted and nothing applied lately: a lost link or a conflict (the server log names it); see docs/offline-post.md "A conflict"',
      "    ! copy of the other side's data is old: as of 2026-12-03T07:02:05.000Z",
    ])
  })

  it('names a national server with no post yet', () => {
    expect(describeLinks({ role: 'national', postCode: null, now, links: [] }).text).toBe(
      'National server\n  no post has replicated to this server yet',
    )
  })

  it('tells an operator plainly of a restored post, a replaced centre and a post clock hours wrong', () => {
    const node: NodeLinks = {
      role: 'post',
      postCode: 'LAND-OSMACH',
      now,
      links: [
        {
          peer: 'national',
          facts: {
            subscription: {
              enabled: true,
              workerRunning: true,
              lastSendAt: new Date('2026-12-04T12:59:59Z'),
              lastReceiptAt: new Date('2026-12-04T09:59:59Z'),
              applyErrors: 0,
            },
            outgoingSlot: { active: true, walStatus: 'reserved', pendingBytes: 0 },
            peerHeartbeatAt: new Date('2026-12-04T12:59:58Z'),
            identity: {
              ownWalLsn: '0/3A000000',
              peerReceivedLsn: '0/5B000000',
              peerSystemId: '7400',
              expectedPeerSystemId: '7311',
            },
          },
        },
      ],
    }
    const { text, healthy } = describeLinks(node)
    expect(healthy).toBe(false)
    expect(text.split('\n').filter((l) => l.startsWith('    !'))).toEqual([
      '    ! clocks -10800 s apart (publisher send time vs receipt time)',
      '    ! RESTORED FROM AN OLDER BACKUP? this server\'s WAL is at 0/3A000000 but the other side already received up to 0/5B000000: what is written here until then would be skipped there. Stop Passage here; see docs/offline-post.md "A post restored from an old backup"',
      '    ! OTHER SIDE REPLACED: its cluster is 7400, not 7311 as set up; see docs/offline-post.md "A replaced national server"',
    ])
  })
})

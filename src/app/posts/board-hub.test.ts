import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BoardHub } from './board-hub.ts'
import type { BoardSnapshot } from './post-board.ts'

const snapshot = (postCode: string, entries: number): BoardSnapshot => ({
  postCode,
  day: '2026-11-21',
  updatedAt: new Date().toISOString(),
  entries: { total: entries, admitted: entries, referred: 0, refused: 0 },
  exits: { total: 0, admitted: 0, referred: 0, refused: 0 },
  hourly: [],
  hitsAwaiting: 0,
  secondary: { waiting: 0, inInterview: 0, oldestWaitingSince: null },
  returneesToday: 0,
  arrivals: { expected: 0, arrived: 0 },
})

describe('the board hub', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('polls each watched post once per tick however many screens watch it, and only pushes changes', async () => {
    const counts: Record<string, number> = { A: 1, B: 5 }
    const load = vi.fn(async (post: string) => snapshot(post, counts[post]!))
    const hub = new BoardHub(load, { pollMs: 1000 })
    const seen: Record<string, number[]> = { one: [], two: [], other: [] }
    hub.subscribe('A', (s) => seen.one!.push(s.entries.total))
    hub.subscribe('A', (s) => seen.two!.push(s.entries.total))
    hub.subscribe('B', (s) => seen.other!.push(s.entries.total))
    await vi.advanceTimersByTimeAsync(0)
    await vi.advanceTimersByTimeAsync(3000)
    expect(load.mock.calls.filter(([p]) => p === 'A')).toHaveLength(4)
    expect(seen).toEqual({ one: [1], two: [1], other: [5] })

    counts.A = 2
    await vi.advanceTimersByTimeAsync(1000)
    expect(seen).toEqual({ one: [1, 2], two: [1, 2], other: [5] })
    hub.close()
  })

  it('gives a screen that joins the latest snapshot at once and stops polling when the last one leaves', async () => {
    const load = vi.fn(async (post: string) => snapshot(post, 7))
    const hub = new BoardHub(load, { pollMs: 1000 })
    const leave = hub.subscribe('A', () => {})
    await vi.advanceTimersByTimeAsync(0)
    const late: number[] = []
    const leaveLate = hub.subscribe('A', (s) => late.push(s.entries.total))
    expect(late).toEqual([7])
    leave()
    leaveLate()
    expect(hub.watched()).toEqual([])
    const calls = load.mock.calls.length
    await vi.advanceTimersByTimeAsync(5000)
    expect(load.mock.calls.length).toBe(calls)
  })

  it('keeps polling after a failed poll and reports the failure', async () => {
    let fail = true
    const errors: unknown[] = []
    const hub = new BoardHub(
      async (post) => {
        if (fail) throw new Error('database gone')
        return snapshot(post, 3)
      },
      { pollMs: 1000, onError: (e) => errors.push(e) },
    )
    const seen: number[] = []
    hub.subscribe('A', (s) => seen.push(s.entries.total))
    await vi.advanceTimersByTimeAsync(0)
    fail = false
    await vi.advanceTimersByTimeAsync(1000)
    expect(errors).toHaveLength(1)
    expect(seen).toEqual([3])
    hub.close()
  })
  it('reports a database outage once, however many ticks it lasts, and again after a recovery', async () => {
    let fail = true
    const errors: unknown[] = []
    const hub = new BoardHub(
      async (post) => {
        if (fail) throw new Error('Connection terminated unexpectedly')
        return snapshot(post, 3)
      },
      { pollMs: 1000, onError: (e) => errors.push(e) },
    )
    hub.subscribe('A', () => {})
    await vi.advanceTimersByTimeAsync(5000)
    expect(errors).toHaveLength(1)
    fail = false
    await vi.advanceTimersByTimeAsync(1000)
    fail = true
    await vi.advanceTimersByTimeAsync(3000)
    expect(errors).toHaveLength(2)
    hub.close()
  })
})

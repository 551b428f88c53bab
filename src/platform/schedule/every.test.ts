import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { every } from './every.ts'

/** A round the test finishes by hand, so overlap and ordering are observed without any timing. */
function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => {
    open = resolve
  })
  return { open, opened }
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve))

describe('every', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('never overlaps rounds: a tick during a running round is dropped, not queued', async () => {
    const events: string[] = []
    let g = gate()
    const job = every({
      ms: 1000,
      log: { error: () => {} },
      failure: 'x',
      work: async () => {
        events.push('start')
        await g.opened
        events.push('end')
      },
    })
    vi.advanceTimersByTime(1000)
    vi.advanceTimersByTime(1000)
    vi.advanceTimersByTime(1000)
    await flush()
    expect(events).toEqual(['start'])
    g.open()
    await flush()
    g = gate()
    vi.advanceTimersByTime(1000)
    g.open()
    await job.stop()
    expect(events).toEqual(['start', 'end', 'start', 'end'])
  })

  it('logs a failed round under its message and runs the next one', async () => {
    const errors: [object, string][] = []
    let calls = 0
    const job = every({
      ms: 1000,
      log: { error: (obj, msg) => errors.push([obj, msg]) },
      failure: 'audit sealing failed',
      work: async () => {
        calls++
        if (calls === 1) throw new Error('database restarting')
      },
    })
    vi.advanceTimersByTime(1000)
    await flush()
    vi.advanceTimersByTime(1000)
    await flush()
    await job.stop()
    expect(calls).toBe(2)
    expect(errors).toHaveLength(1)
    expect(errors[0]?.[1]).toBe('audit sealing failed')
    expect(errors[0]?.[0]).toMatchObject({ err: { message: 'database restarting' } })
  })

  it('runs at start and once more at stop, after the round in progress, when asked — and never after stop', async () => {
    const events: string[] = []
    const g = gate()
    let n = 0
    const job = every({
      ms: 1000,
      log: { error: () => {} },
      failure: 'x',
      atStart: true,
      atStop: true,
      work: async () => {
        const i = ++n
        events.push(`start ${i}`)
        if (i === 1) await g.opened
        events.push(`end ${i}`)
      },
    })
    expect(events).toEqual(['start 1'])
    const stopping = job.stop()
    g.open()
    await stopping
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2'])
    vi.advanceTimersByTime(5000)
    await flush()
    expect(n).toBe(2)
  })

  it('runs neither at start nor at stop unless asked', async () => {
    let n = 0
    const job = every({ ms: 1000, log: { error: () => {} }, failure: 'x', work: async () => void n++ })
    await flush()
    await job.stop()
    expect(n).toBe(0)
  })
})

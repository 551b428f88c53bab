import { type BoardSnapshot, boardFingerprint } from './post-board.ts'

export type BoardListener = (snapshot: BoardSnapshot) => void

interface Poller {
  listeners: Set<BoardListener>
  timer: ReturnType<typeof setInterval>
  last: BoardSnapshot | null
  fingerprint: string
  polling: boolean
  /** The last poll failed: a database that is down is reported once per outage, not every tick. */
  failing: boolean
}

/** A few seconds is live enough for a wall screen and costs one grouped query per watched post. */
export const BOARD_POLL_MS = 2_000

/**
 * One poller per watched post, shared by every screen watching it: a hundred browsers on Poipet's board cost the
 * database the same as one. Listeners hear a snapshot when the counts change (and the latest one on joining);
 * the poller stops when the last listener leaves.
 */
export class BoardHub {
  private readonly pollers = new Map<string, Poller>()

  constructor(
    private readonly load: (postCode: string) => Promise<BoardSnapshot>,
    private readonly o: { pollMs?: number; onError?: (err: unknown) => void } = {},
  ) {}

  subscribe(postCode: string, listener: BoardListener): () => void {
    let p = this.pollers.get(postCode)
    if (!p) {
      const poller: Poller = {
        listeners: new Set(),
        timer: setInterval(() => void this.poll(postCode, poller), this.o.pollMs ?? BOARD_POLL_MS),
        last: null,
        fingerprint: '',
        polling: false,
        failing: false,
      }
      this.pollers.set(postCode, poller)
      p = poller
      void this.poll(postCode, poller)
    }
    p.listeners.add(listener)
    if (p.last) listener(p.last)
    const poller = p
    return () => {
      poller.listeners.delete(listener)
      if (poller.listeners.size === 0 && this.pollers.get(postCode) === poller) {
        clearInterval(poller.timer)
        this.pollers.delete(postCode)
      }
    }
  }

  /** The posts being polled now (for tests and diagnostics). */
  watched(): string[] {
    return [...this.pollers.keys()]
  }

  close(): void {
    for (const p of this.pollers.values()) clearInterval(p.timer)
    this.pollers.clear()
  }

  private async poll(postCode: string, p: Poller): Promise<void> {
    // A slow database must not stack polls up: the next tick simply finds this one still running.
    if (p.polling) return
    p.polling = true
    try {
      const snapshot = await this.load(postCode)
      p.failing = false
      const fingerprint = boardFingerprint(snapshot)
      if (fingerprint === p.fingerprint) return
      p.fingerprint = fingerprint
      p.last = snapshot
      for (const l of [...p.listeners]) l(snapshot)
    } catch (err) {
      // Screens keep their last snapshot and the poller tries again next tick (a PostgreSQL restart ends soon).
      if (!p.failing) this.o.onError?.(err)
      p.failing = true
    } finally {
      p.polling = false
    }
  }
}

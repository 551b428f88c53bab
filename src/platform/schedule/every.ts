export interface EveryLog {
  error(obj: object, msg: string): void
}

export interface Every {
  /** Stops the timer, waits for a round in progress, then runs the final round if `atStop`. */
  stop(): Promise<void>
}

/**
 * Background work on a timer, the one shape of every periodic job of an API process (audit sealing, checkpoints,
 * the statistics fold). Rounds never overlap: a tick that finds a round still running is dropped, since that
 * round already takes whatever the tick would have found. A failed round is logged under `failure` and the next
 * tick tries again, so the service keeps serving through a database restart. `atStart` runs a round at once (work
 * left by a killed process is picked up now); `atStop` runs one more at shutdown, after the last request.
 * The timer is unref'd: it never keeps a process alive on its own.
 */
export function every(o: {
  ms: number
  work: () => Promise<unknown>
  log: EveryLog
  failure: string
  atStart?: boolean
  atStop?: boolean
}): Every {
  let round: Promise<void> = Promise.resolve()
  let running = false
  let stopped = false
  const run = (): Promise<void> => {
    if (running) return round
    running = true
    round = o
      .work()
      .then(() => undefined)
      .catch((err: unknown) => o.log.error({ err }, o.failure))
      .finally(() => {
        running = false
      })
    return round
  }
  const timer = setInterval(() => {
    if (!stopped) void run()
  }, o.ms)
  timer.unref()
  if (o.atStart) void run()
  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      await round
      if (o.atStop) await run()
    },
  }
}

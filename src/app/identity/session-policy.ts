/** Timing rules for sessions and sign-in lock-out, taken from the frozen config at start. */
export interface SessionPolicy {
  idleMs: number
  absoluteMs: number
  maxFailures: number
  lockMs: number
}

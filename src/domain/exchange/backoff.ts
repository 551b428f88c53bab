/**
 * When the outbox tries a message again after `attempts` failed deliveries: exponential back-off from 5 s, doubled
 * each time up to an hour, with up to a fifth of jitter (`random` in [0, 1)) so a partner coming back is not met
 * by every sender at the same second. A weak link delays a message; nothing ever gives up on it.
 */
export const BACKOFF_BASE_MS = 5_000
export const BACKOFF_MAX_MS = 3_600_000

export function backoffMs(attempts: number, random: number): number {
  const exp = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(attempts - 1, 30)))
  return Math.round(exp * (1 + 0.2 * Math.min(Math.max(random, 0), 1)))
}

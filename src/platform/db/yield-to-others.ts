import { setImmediate } from 'node:timers/promises'

/**
 * Lets the event loop run between the steps of a long series of writes. PGlite answers inside the process, through
 * promise callbacks only, so a loop of awaited queries never returns to the event loop: incoming requests, timers
 * and health checks wait until the whole loop ends (a 100,000-row return list held `/api/health` for 15 s). One
 * macrotask turn after each step lets them in; the single connection then goes to whoever queued first.
 * On PostgreSQL every answer already arrives through the socket, so this costs one turn and changes nothing else.
 */
export function yieldToOthers(): Promise<void> {
  return setImmediate()
}

import { daysBetween } from './days.ts'
import type { Direction, PastMovement } from './types.ts'

/**
 * Where the record says the traveller is: only admitted movements move a person across the border. A refused
 * or referred attempt leaves them where they were.
 */
export function lastAdmitted(history: readonly PastMovement[]): PastMovement | null {
  for (let i = history.length - 1; i >= 0; i--) if (history[i]!.decision === 'admit') return history[i]!
  return null
}

export interface Stay {
  entryId: string
  entryDay: string
  entryPost: string
  /** Days in the country, the entry day and the last day both counted, as visas count them. */
  days: number
  permittedDays: number | null
  /** Days past the permitted stay; 0 within it, null when no permitted stay was recorded. */
  overstayDays: number | null
}

/** The stay that an exit on `day` ends (or that is running on `day`), from the matching admitted entry. */
export function stayFrom(entry: PastMovement, day: string): Stay {
  const days = Math.max(1, daysBetween(entry.day, day) + 1)
  return {
    entryId: entry.id,
    entryDay: entry.day,
    entryPost: entry.postCode,
    days,
    permittedDays: entry.permittedStayDays,
    overstayDays: entry.permittedStayDays === null ? null : Math.max(0, days - entry.permittedStayDays),
  }
}

/** The stay running on `day`: the traveller's last admitted movement is an entry without an exit. */
export function currentStay(history: readonly PastMovement[], day: string): Stay | null {
  const last = lastAdmitted(history)
  return last?.direction === 'entry' ? stayFrom(last, day) : null
}

/** Which way the traveller would cross next, judged from the record; null when nothing is on record. */
export function expectedDirection(history: readonly PastMovement[]): Direction | null {
  const last = lastAdmitted(history)
  if (!last) return null
  return last.direction === 'entry' ? 'exit' : 'entry'
}

import type { LogEvent } from 'kysely'
import { FLUSH, REFUSE_FURTHER } from './framed-transactions.ts'

/**
 * Counts the statements a store sends, commits apart, through Kysely's log hook (it sees `begin`, `commit` and
 * `rollback` too, since the dialect sends them as queries). Always on: an increment per statement costs nothing
 * beside the round trip. The crossings benchmark prints statements per recorded crossing from it, and a test keeps
 * the write path within its budget.
 */
export class StatementCounter {
  statements = 0
  commits = 0
  /**
   * Round trips the connections made (`framed-transactions.ts`): fewer than statements, since `begin` and `commit`
   * travel with the statement beside them.
   */
  roundTrips = 0
  /** Every statement's SQL while `trace` is on, for finding what a path sends. */
  trace: string[] | null = null

  readonly log = (event: LogEvent): void => {
    if (event.level !== 'query') return
    const text = event.query.sql
    // Not statements: framing's signals to send what waits and to refuse what follows (`send-together.ts`).
    if (text === FLUSH || text === REFUSE_FURTHER) return
    this.statements++
    if (text === 'commit') this.commits++
    this.trace?.push(text)
  }

  snapshot(): { statements: number; commits: number; roundTrips: number } {
    return { statements: this.statements, commits: this.commits, roundTrips: this.roundTrips }
  }
}

import type { CompiledQuery, DatabaseConnection, QueryExecutorProvider } from 'kysely'
import type { Tx } from './database.ts'
import { sendPendingBefore } from './deferred-writes.ts'
import { FLUSH, REFUSE_FURTHER, SENT_WITH_NEXT } from './framed-transactions.ts'

/** A query built with Kysely (a builder, or `sql` raw SQL) whose rows are `R`. */
export interface Sendable<R> {
  compile(provider: QueryExecutorProvider): CompiledQuery<R>
}

export type RowsOf<Q> = Q extends Sendable<infer R> ? R[] : never[]

/** A statement held to go out with the transaction's next one (`sendWithNext`). */
export interface Later<R> {
  /** Its rows; sends it now if the transaction has sent nothing since. */
  rows(): Promise<R[]>
}

/**
 * Holds `query` to go out with the next statement `trx` sends, in one round trip (issue 13: each trip is a system
 * call on both sides, and on a busy machine a wait for the CPU). It still runs before that statement, in the order
 * the two were given, in the same transaction; only when the client waits changes. For a statement whose answer is
 * needed only later: the history of a traveller while the screening reads its hits. Await the call itself before the
 * transaction's next statement: that is what puts the statement first in line. Pending deferred writes it would read
 * are sent first, as for any statement.
 *
 * When its rows satisfy `stopIf`, the transaction sends nothing more: every later statement is refused unsent, until
 * the rollback that must follow (`REFUSE_FURTHER`). A retry whose idempotency key was taken so stops at its first
 * statement instead of running the whole create only to roll it back.
 */
export async function sendWithNext<R>(
  trx: Tx,
  query: Sendable<R>,
  stopIf?: (rows: R[]) => boolean,
): Promise<Later<R>> {
  const compiled = query.compile(trx)
  await sendPendingBefore(trx, [compiled.sql])
  const connection = await connectionOf(trx)
  const answer = connection.executeQuery<R>({ ...compiled, sql: compiled.sql + SENT_WITH_NEXT })
  // Whoever never asks for the rows must not leave a failure unhandled: the transaction fails anyway.
  answer.catch(() => {})
  // The refusal is set as the answer arrives, before the caller's code resumes from the statement beside it. Were a
  // statement ever to go out first, it would only run inside the transaction the caller then rolls back: the stop
  // saves work, it is not what keeps a retry from writing (the caller still looks at the rows).
  if (stopIf)
    answer.then(
      ({ rows }) => {
        if (stopIf(rows))
          connection.executeQuery({ ...compiled, sql: REFUSE_FURTHER, parameters: [] }).catch(() => {})
      },
      () => {},
    )
  return {
    async rows() {
      // Nothing to send if a later statement took it along; otherwise it goes now, alone.
      await connection.executeQuery({ ...compiled, sql: FLUSH, parameters: [] })
      return (await answer).rows
    },
  }
}

/**
 * Sends `queries` in one round trip, one after the other in order, inside `trx`, and answers each one's rows (none
 * for a null, which sends nothing): for statements that do not depend on each other's answers. A failure of any
 * fails the transaction, as it would have one statement at a time.
 */
export async function together<const Q extends readonly (Sendable<unknown> | null)[]>(
  trx: Tx,
  queries: Q,
): Promise<{ -readonly [K in keyof Q]: RowsOf<Q[K]> }> {
  const compiled = queries.map((q) => q?.compile(trx) ?? null)
  const sent = compiled.filter((c) => c !== null)
  await sendPendingBefore(
    trx,
    sent.map((c) => c.sql),
  )
  const connection = sent.length > 1 ? await connectionOf(trx) : null
  const answers = await Promise.all(
    sent.map((c, i) =>
      connection
        ? connection.executeQuery(i < sent.length - 1 ? { ...c, sql: c.sql + SENT_WITH_NEXT } : c)
        : trx.executeQuery(c),
    ),
  )
  let next = 0
  return compiled.map((c) => (c === null ? [] : answers[next++]!.rows)) as {
    -readonly [K in keyof Q]: RowsOf<Q[K]>
  }
}

/** The transaction's one connection, reached past Kysely's queue so that several statements can be handed at once. */
function connectionOf(trx: Tx): Promise<DatabaseConnection> {
  return trx.getExecutor().provideConnection(async (c) => c)
}

import { type Compilable, type OperationNodeSource, sql } from 'kysely'
import { beforeCommit, type Tx } from './database.ts'

/** An INSERT, UPDATE or DELETE built with Kysely, not yet sent. */
export type Write = Compilable & OperationNodeSource

const pendingOf = new WeakMap<Tx, (() => Write)[]>()

/**
 * Sends `build()`'s write at the end of `trx`, in ONE statement with every other write deferred in it (issue 13:
 * each statement is a round trip, and on a busy machine every round trip is a wait for the CPU). The writes become
 * the data-modifying CTEs of one `WITH w0 AS (…), w1 AS (…) <last write>`: PostgreSQL runs each exactly once, in
 * the same transaction, and checks foreign keys at the end of the statement, so a row and a row that refers to it
 * may both be deferred. `build` runs at the end, so a writer may keep adding to what it builds (the audit log's
 * entries). A failure rolls the whole transaction back, as an immediate write would.
 *
 * Only for rows nothing reads, updates or deletes later in the same transaction: the writes of one statement do
 * not see each other, and nothing before the end sees them. Outside a store transaction the write is sent at once.
 */
export async function deferWrite(trx: Tx, build: () => Write): Promise<void> {
  const pending = pendingOf.get(trx)
  if (pending) {
    pending.push(build)
    return
  }
  const writes = [build]
  if (beforeCommit(trx, () => flush(trx))) pendingOf.set(trx, writes)
  else await trx.executeQuery(build().compile())
}

/** Whether `trx` has deferred writes still to send (tests and budgets). */
export function hasDeferredWrites(trx: Tx): boolean {
  return (pendingOf.get(trx)?.length ?? 0) > 0
}

async function flush(trx: Tx): Promise<void> {
  const writes = pendingOf.get(trx) ?? []
  // A write deferred by later end-of-transaction work starts a list (and a flush) of its own.
  pendingOf.delete(trx)
  if (writes.length === 0) return
  await trx.executeQuery(combined(writes.map((build) => build())).compile(trx))
}

/** One statement running every write: all but the last as named CTEs, the last as the main statement. */
export function combined(writes: Write[]) {
  const last = writes[writes.length - 1]!
  if (writes.length === 1) return sql`${last}`
  const ctes = writes.slice(0, -1).map((w, i) => sql`${sql.raw(`w${i}`)} AS (${w})`)
  return sql`WITH ${sql.join(ctes)} ${last}`
}

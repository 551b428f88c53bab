import type { Compilable, CompiledQuery, DatabaseConnection, OperationNodeSource } from 'kysely'
import { sql } from 'kysely'
import type { Tx } from './database.ts'
import { THEN_COMMIT } from './framed-transactions.ts'
import type { Database } from './schema.ts'
import { isStoreTransaction } from './store-transaction.ts'

/** An INSERT, UPDATE or DELETE built with Kysely, not yet sent. */
export type Write = Compilable & OperationNodeSource

/**
 * Views whose rows come from a table a transaction may defer writes to, and tables a trigger of one writes: reading
 * one must send those writes first, as reading the table does. `deferred-writes.test.ts` asks the database which
 * views and triggers depend on each deferred table and fails when one is missing here.
 */
export const READ_THROUGH: Partial<Record<string, string[]>> = {
  // The statistics' delta trigger (migration 0017) appends a crossing's counts in the statement that inserts it;
  // the cells view reads the crossings.
  crossings: ['stat_crossing_deltas', 'stat_crossing_cells'],
  // The plan's source triggers (migration 0033) append a hit's counts, which the months view reads.
  screening_hits: ['plan_source_deltas', 'plan_source_months_now'],
}

/**
 * Tables whose foreign keys point at a table a transaction may defer writes to: an INSERT or UPDATE of one must send
 * those writes first, or its key would not find a parent still pending. `deferred-writes.test.ts` asks the database
 * for every such key and fails when a table is missing here. (A read of them needs nothing: what refers to a pending
 * row cannot exist yet.)
 */
export const REFERRED_BY: Partial<Record<string, string[]>> = {
  crossings: ['crossing_companions', 'secondary_inspections'],
  risk_evaluations: ['risk_alerts', 'crossings'],
  screening_requests: ['screening_hits', 'crossings'],
  screening_hits: ['screening_dismissals', 'screening_notifications'],
}

interface Pending {
  trx: Tx
  connection?: DatabaseConnection
  writes: { table: string; build: () => Write }[]
  /** Matches a statement that names a pending table (or a view over one). */
  reads: RegExp | null
}

const pendingOfTrx = new WeakMap<Tx, Pending>()
const pendingOfConnection = new WeakMap<DatabaseConnection, Pending>()

/**
 * Sends `build()`'s write (an INSERT, UPDATE or DELETE of `table`) at the end of `trx`, in ONE statement with every
 * other write deferred in it (issue 13: each statement is a round trip, and on a busy machine every round trip is a
 * wait for the CPU). The writes become the data-modifying CTEs of one `WITH w0 AS (…), w1 AS (…) <last write>`:
 * PostgreSQL runs each exactly once, in the same transaction, and checks foreign keys at the end of the statement,
 * so a row and a row that refers to it may both be deferred. `build` runs when the writes are sent, so a writer may
 * keep adding to what it builds (the audit log's entries). A failure rolls the whole transaction back.
 *
 * A deferred write is never invisible to its own transaction: any later statement of the transaction that names
 * `table` (a read, an immediate write, a deferred write to the same table) sends the pending writes first
 * (`guardStatements`), so code written as if the write had been sent at once behaves the same. Outside a store
 * transaction the write is sent at once.
 */
export async function deferWrite(trx: Tx, table: keyof Database & string, build: () => Write): Promise<void> {
  const current = pendingOfTrx.get(trx)
  // Two writes to one table in one statement would not see each other (an UPDATE of a row a CTE inserts): send.
  if (current?.writes.some((w) => w.table === table)) await send(current, (q) => trx.executeQuery(q))
  const pending = pendingOfTrx.get(trx)
  if (pending) {
    pending.writes.push({ table, build })
    pending.reads = readsOf(pending.writes)
    return
  }
  if (!isStoreTransaction(trx)) {
    await trx.executeQuery(build().compile())
    return
  }
  const created: Pending = { trx, writes: [{ table, build }], reads: readsOf([{ table }]) }
  pendingOfTrx.set(trx, created)
  // The transaction's one connection, where `guardStatements` will look for what is pending before each statement.
  created.connection = await trx.getExecutor().provideConnection(async (c) => c)
  pendingOfConnection.set(created.connection, created)
}

/** Sends `trx`'s pending writes now if one of `sqls` names their tables, as the guard would before each of them. */
export async function sendPendingBefore(trx: Tx, sqls: readonly string[]): Promise<void> {
  const pending = pendingOfTrx.get(trx)
  if (pending && sqls.some((s) => pending.reads?.test(s))) await send(pending, (q) => trx.executeQuery(q))
}

/** Whether `trx` has deferred writes still to send (tests and budgets). */
export function hasDeferredWrites(trx: Tx): boolean {
  return (pendingOfTrx.get(trx)?.writes.length ?? 0) > 0
}

/**
 * Installed on every connection a store opens (the `pg` dialect's `onCreateConnection`, before Kysely's logging
 * wraps it, so the statement counter sees what this sends): before a statement that names a table with pending
 * deferred writes, or the commit, the writes are sent; a rollback drops them. The check is a regular expression
 * over the statement's text, and only on a connection whose transaction deferred something: a normal path pays
 * nothing, and a statement that merely mentions the name (a column, a string) at worst sends them earlier.
 */
export async function guardStatements(connection: DatabaseConnection): Promise<void> {
  const execute = connection.executeQuery.bind(connection)
  // Not async itself: a statement with nothing pending goes straight through, without a promise of its own.
  connection.executeQuery = (query) => {
    const pending = pendingOfConnection.get(connection)
    if (!pending) return execute(query)
    if (query.sql === 'rollback') forget(pending)
    else if (query.sql === 'commit' || pending.reads?.test(query.sql)) {
      // Before `commit`, the writes carry it with them (`framed-transactions.ts`), and it is then answered at once.
      const last = query.sql === 'commit' ? THEN_COMMIT : ''
      // Through the connection's outer `executeQuery` (logged and counted), which finds nothing pending now.
      return send(pending, (q) => connection.executeQuery({ ...q, sql: q.sql + last })).then(() =>
        execute(query),
      )
    }
    return execute(query)
  }
}

async function send(pending: Pending, run: (q: CompiledQuery) => Promise<unknown>): Promise<void> {
  forget(pending)
  const writes = pending.writes.splice(0)
  if (writes.length === 0) return
  await run(combined(writes.map((w) => checked(w.table, w.build()))).compile(pending.trx))
}

function forget(pending: Pending): void {
  if (pendingOfTrx.get(pending.trx) === pending) pendingOfTrx.delete(pending.trx)
  if (pending.connection && pendingOfConnection.get(pending.connection) === pending)
    pendingOfConnection.delete(pending.connection)
}

// A handful of table combinations ever occur: each pattern is compiled once per process, not per deferred write
// (building a RegExp per call showed in the crossings bench's profile).
const readsCache = new Map<string, RegExp>()

function readsOf(writes: { table: string }[]): RegExp {
  const tables = [...new Set(writes.map((w) => w.table))]
  const names = [...new Set(tables.flatMap((t) => [t, ...(READ_THROUGH[t] ?? [])]))].join('|')
  const referring = [...new Set(tables.flatMap((t) => REFERRED_BY[t] ?? []))].join('|')
  const key = `${names}/${referring}`
  const known = readsCache.get(key)
  if (known) return known
  // Kysely quotes names (`insert into "crossings"`); hand-written SQL may not.
  const writing = referring ? `|\\b(?:insert\\s+into|update)\\s+"?(?:${referring})\\b` : ''
  const pattern = new RegExp(`\\b(?:${names})\\b${writing}`, 'i')
  readsCache.set(key, pattern)
  return pattern
}

/** The write's target must be the table it was deferred under, or the guard would watch the wrong name. */
function checked(table: string, write: Write): Write {
  const node = write.toOperationNode() as unknown as Record<string, unknown>
  const target =
    node.kind === 'InsertQueryNode'
      ? node.into
      : node.kind === 'UpdateQueryNode'
        ? node.table
        : node.kind === 'DeleteQueryNode'
          ? (node.from as { froms: unknown[] }).froms[0]
          : undefined
  if (tableName(target) !== table)
    throw new Error(`a deferred write must be an INSERT, UPDATE or DELETE of ${table}`)
  return write
}

function tableName(node: unknown): string | undefined {
  const n = node as { kind?: string; node?: unknown; table?: { identifier?: { name?: string } } } | undefined
  if (n?.kind === 'AliasNode') return tableName(n.node)
  return n?.kind === 'TableNode' ? n.table?.identifier?.name : undefined
}

/** One statement running every write: all but the last as named CTEs, the last as the main statement. */
export function combined(writes: Write[]) {
  const last = writes[writes.length - 1]!
  if (writes.length === 1) return sql`${last}`
  const ctes = writes.slice(0, -1).map((w, i) => sql`${sql.raw(`w${i}`)} AS (${w})`)
  return sql`WITH ${sql.join(ctes)} ${last}`
}

import pg from 'pg'

/**
 * A transaction's `begin` and `commit` without round trips of their own (issue 13). Kysely sends `begin`, waits for
 * its answer, sends the first statement, waits, … sends `commit`, waits: on a busy machine each wait is a trip
 * through the scheduler on both sides, and two of a crossing's request's seven went to `begin` and `commit` alone.
 * The extended query protocol lets one message sequence carry several statements up to a single Sync, and PostgreSQL
 * runs them in order and stops at the first error (skipping to the Sync). So, on every connection of the pool:
 *
 * - `begin` is answered at once and not sent; the transaction's first statement goes out as BEGIN + that statement,
 *   one sequence, one Sync. Should BEGIN fail, the statement is not run; should the statement fail, the transaction
 *   is open and failed, as if `begin` had been sent alone, and the `rollback` that follows is sent as usual.
 * - A statement that carries `THEN_COMMIT` at its end (the deferred writes, sent just before `commit`:
 *   `deferred-writes.ts`) goes out as that statement + COMMIT; its answer comes once both ran, and the `commit`
 *   that follows is answered at once. If the statement fails, COMMIT is skipped and the transaction stays open and
 *   failed for the `rollback`; if COMMIT fails, the statement's answer is that error, as `commit`'s would have been.
 * - A transaction that sent nothing sends nothing: `begin` then `commit` or `rollback` costs no trip at all.
 *
 * Each statement still runs exactly as before, in the same transaction; only when the client waits changes. What
 * cannot be framed (a COPY, a cursor, a query with a callback) gets a plain BEGIN queued before it. PgBouncer in
 * transaction mode sees a transaction start and end at the same messages as before.
 */
export const THEN_COMMIT = '\n-- passage: commit follows'

/** What a connection has been asked but not yet sent. */
interface Held {
  begin: boolean
  /** The statement before `commit` committed: the `commit` itself is answered without a trip. */
  committed: boolean
}

/** The protocol writer of a `pg` connection, as far as framing needs it. */
interface Wire {
  parse(o: { text: string; name?: string }): void
  bind(o: object): void
  execute(o: { portal?: string; rows?: number }): void
  sync(): void
}

type Done = (err: Error | null, results?: unknown) => void

/** `pg`'s Query, with the parts of it framing builds on (not in its type declarations). */
interface PgQuery {
  name?: string
  text: string
  portal: string
  prepare(wire: Wire): void
  _getRows(wire: Wire, rows?: number): void
}
const PgQuery = pg.Query as unknown as new (config: object) => PgQuery

/** One statement framed by BEGIN before it, COMMIT after it, or both: one Sync, so one answer, after all ran. */
class FramedQuery extends PgQuery {
  constructor(
    config: pg.QueryConfig,
    private readonly frame: { begin: boolean; commit: boolean },
    callback: Done,
  ) {
    // Extended protocol even without parameters, so BEGIN and COMMIT can share the statement's Sync.
    super({ ...config, queryMode: 'extended', callback })
  }

  override prepare(wire: Wire): void {
    if (!this.frame.begin) {
      super.prepare(wire)
      return
    }
    // An unnamed statement must be parsed after BEGIN's unnamed one, which it replaces. A named one is parsed
    // before BEGIN: `pg` credits every ParseComplete of the sequence to the statement's name, so the first one
    // must be the statement's own (were its parse to fail after BEGIN's succeeded, `pg` would think it parsed).
    if (this.name === undefined) {
      sendUnnamed(wire, 'BEGIN')
      super.prepare(wire)
      return
    }
    const bind = wire.bind
    wire.bind = (o) => {
      wire.bind = bind
      sendUnnamed(wire, 'BEGIN')
      bind.call(wire, o)
    }
    try {
      super.prepare(wire)
    } finally {
      wire.bind = bind
    }
  }

  override _getRows(wire: Wire, rows?: number): void {
    if (!this.frame.commit || rows) {
      super._getRows(wire, rows)
      return
    }
    wire.execute({ portal: this.portal })
    sendUnnamed(wire, 'COMMIT')
    wire.sync()
  }
}

function sendUnnamed(wire: Wire, text: string): void {
  wire.parse({ text })
  wire.bind({})
  wire.execute({})
}

/** The answer `pg` gives for a statement, for a `begin`/`commit`/`rollback` answered without sending it. */
function answered(command: string) {
  return Promise.resolve({ command, rowCount: null, rows: [], fields: [], oid: 0 })
}

type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown

/**
 * Installs framing on every connection `pool` opens from now on (before the statement cache wraps `query`), and
 * counts in `trips.roundTrips` what the connections actually send: a framed statement is one trip, whatever it holds.
 */
export function installFramedTransactions(pool: pg.Pool, trips: { roundTrips: number }): void {
  const held = new WeakMap<object, Held>()
  pool.on('connect', (client) => {
    const state: Held = { begin: false, committed: false }
    held.set(client, state)
    const send = client.query.bind(client) as Query
    const query: Query = (config, values, callback) => {
      const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text
      const plain =
        typeof text === 'string' &&
        callback === undefined &&
        typeof values !== 'function' &&
        typeof (config as { submit?: unknown }).submit !== 'function'
      if (plain) {
        if (text === 'begin') {
          state.begin = true
          return answered('BEGIN')
        }
        if ((text === 'commit' || text === 'rollback') && state.begin) {
          state.begin = false
          return answered(text.toUpperCase())
        }
        if (text === 'commit' && state.committed) {
          state.committed = false
          return answered('COMMIT')
        }
        state.committed = false
        const commit = text.endsWith(THEN_COMMIT)
        if (state.begin || commit) {
          const frame = { begin: state.begin, commit }
          state.begin = false
          const statement =
            typeof config === 'string'
              ? { text, values: values as unknown[] | undefined }
              : (config as pg.QueryConfig)
          trips.roundTrips++
          return new Promise((resolve, reject) => {
            send(
              new FramedQuery(statement, frame, (err, results) => {
                if (err) return reject(err)
                if (commit) state.committed = true
                resolve(Array.isArray(results) ? results[frame.begin ? 1 : 0] : results)
              }),
            )
          })
        }
      }
      if (state.begin) {
        // Not a statement framing can carry: BEGIN goes first, queued in order before it, its own trip.
        state.begin = false
        trips.roundTrips++
        ;(send('BEGIN') as Promise<unknown>).catch(() => {})
      }
      trips.roundTrips++
      return send(config, values, callback)
    }
    Object.assign(client, { query })
  })
  // A connection goes back to the pool at the end of a transaction; nothing held may outlive it.
  pool.on('release', (_err: Error | undefined, client: object) => {
    const state = held.get(client)
    if (state) Object.assign(state, { begin: false, committed: false })
  })
}

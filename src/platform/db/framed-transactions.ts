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
 * - Statements marked `SENT_WITH_NEXT` wait, and go in one frame with the next statement that is not (below);
 *   what still waits at `commit` goes with COMMIT behind it, and at `rollback` is dropped.
 *
 * Each statement still runs exactly as before, in the same transaction; only when the client waits changes. What
 * cannot be framed (a COPY, a cursor, a query with a callback) gets a plain BEGIN queued before it. PgBouncer in
 * transaction mode sees a transaction start and end at the same messages as before.
 */
export const THEN_COMMIT = '\n-- passage: commit follows'

/**
 * A statement that carries this at its end is held, and goes out with the next statement that does not, in one
 * frame (`together`, `send-together.ts`): statements that do not depend on each other's answers cost one round trip
 * between them, and run one after the other in the order they were given.
 */
export const SENT_WITH_NEXT = '\n-- passage: sent with the next'

/** Not a statement: sends what waits (`SENT_WITH_NEXT`) now, if anything does, and is answered without a trip. */
export const FLUSH = '-- passage: send what waits'

/**
 * Not a statement: an earlier answer made the rest of the transaction pointless (a retry's idempotency key found
 * taken, `sendWithNext`'s `stopIf`). What waits is dropped, and every statement after it, `commit` included, is
 * refused without being sent until the `rollback`. Only statements framing could carry are refused; the rare other
 * kind (a COPY, a cursor) still goes out, inside the transaction that will be rolled back.
 */
export const REFUSE_FURTHER = '-- passage: refuse what follows'

const REFUSED = 'not sent: an earlier answer in this transaction made the rest pointless'

/** What a connection has been asked but not yet sent. */
interface Held {
  begin: boolean
  /** The statement before `commit` committed: the `commit` itself is answered without a trip. */
  committed: boolean
  /** Statements waiting for the next one (`SENT_WITH_NEXT`), with whoever waits for each answer. */
  waiting: Waiting[]
  /** Since `REFUSE_FURTHER`: statements are refused until the `rollback`. */
  refused: boolean
}

interface Waiting {
  statement: pg.QueryConfig
  answer: (result: unknown) => void
  fail: (err: Error) => void
}

/** The protocol writer of a `pg` connection, as far as framing needs it. */
interface Wire {
  parse(o: { text: string; name?: string; types?: unknown }): void
  bind(o: object): void
  describe(o: { type: string; name: string }): void
  execute(o: object): void
  sync(): void
  on(event: 'parseComplete', listener: () => void): void
  off(event: 'parseComplete', listener: () => void): void
  parsedStatements: Record<string, string>
  submittedNamedStatements: Record<string, string>
}

type Done = (err: Error | null, results?: unknown) => void

/** `pg`'s Query, with the parts of it framing builds on (not in its type declarations). */
interface PgQuery {
  prepare(wire: Wire): void
  submit(wire: Wire): Error | null
  handleError(err: Error, wire: Wire): void
  handleReadyForQuery(wire: Wire): void
}
const PgQuery = pg.Query as unknown as new (config: object) => PgQuery

/**
 * Statements sent as one message sequence with one Sync, BEGIN before them, COMMIT after them, or both: one answer,
 * once all ran, with one result per statement in order. PostgreSQL runs them one after the other and, at the first
 * error, skips the rest up to the Sync.
 *
 * The frame itself has no name, so `pg` credits none of its ParseCompletes; the frame counts them, in the order its
 * Parses went out, and records each named statement as parsed only when its own ParseComplete came. A statement
 * whose parse an earlier error skipped is parsed again next time.
 */
class FrameQuery extends PgQuery {
  /** The Parses sent, in order: a statement's name, or null for an unnamed one (BEGIN, COMMIT, unnamed). */
  private readonly parses: ({ name: string; text: string } | null)[] = []
  private wire: Wire | null = null
  private readonly parsed = () => {
    const p = this.parses.shift()
    if (p && this.wire) {
      this.wire.parsedStatements[p.name] = p.text
      delete this.wire.submittedNamedStatements[p.name]
    }
  }

  constructor(
    private readonly statements: pg.QueryConfig[],
    private readonly frame: { begin: boolean; commit: boolean },
    callback: Done,
  ) {
    // Extended protocol even without parameters, so BEGIN, the statements and COMMIT share one Sync.
    super({ text: statements.map((s) => s.text).join(';\n'), queryMode: 'extended', callback })
  }

  override submit(wire: Wire): Error | null {
    for (const s of this.statements) {
      const known = s.name && (wire.parsedStatements[s.name] ?? wire.submittedNamedStatements[s.name])
      if (known && known !== s.text)
        return new Error(`Prepared statement ${s.name} was used for another text`)
    }
    this.wire = wire
    wire.on('parseComplete', this.parsed)
    return super.submit(wire)
  }

  override prepare(wire: Wire): void {
    if (this.frame.begin) this.unnamed(wire, 'BEGIN')
    for (const s of this.statements) {
      const name = s.name
      if (!name || (wire.parsedStatements[name] ?? wire.submittedNamedStatements[name]) === undefined) {
        wire.parse({ text: s.text, name, types: s.types })
        this.parses.push(name ? { name, text: s.text } : null)
        if (name) wire.submittedNamedStatements[name] = s.text
      }
      wire.bind({ statement: name, values: s.values, valueMapper: prepareValue })
      wire.describe({ type: 'P', name: '' })
      wire.execute({})
    }
    if (this.frame.commit) this.unnamed(wire, 'COMMIT')
    wire.sync()
  }

  private unnamed(wire: Wire, text: string): void {
    wire.parse({ text })
    this.parses.push(null)
    wire.bind({})
    wire.execute({})
  }

  override handleError(err: Error, wire: Wire): void {
    this.done()
    super.handleError(err, wire)
  }

  override handleReadyForQuery(wire: Wire): void {
    this.done()
    super.handleReadyForQuery(wire)
  }

  /** Names whose parse never ran (an error skipped it) are forgotten, so they are parsed again. */
  private done(): void {
    const wire = this.wire
    if (!wire) return
    wire.off('parseComplete', this.parsed)
    for (const p of this.parses.splice(0)) if (p) delete wire.submittedNamedStatements[p.name]
    this.wire = null
  }
}

/** `pg`'s own conversion of a parameter to its text on the wire (Date, Buffer, arrays, JSON), which `pg` exports. */
const { prepareValue } = (pg as unknown as { utils: { prepareValue(value: unknown): unknown } }).utils

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
    const state: Held = { begin: false, committed: false, waiting: [], refused: false }
    held.set(client, state)
    const send = client.query.bind(client) as Query
    /**
     * One frame: `statements` in order, with BEGIN before them if held, and COMMIT after them if asked, whose answer
     * goes to `committed` (a failure of any statement skips it: the commit then fails with that error).
     */
    const frame = (statements: Waiting[], commit: boolean, committed?: Waiting): void => {
      const begin = state.begin
      state.begin = false
      trips.roundTrips++
      const all = committed ? [...statements, committed] : statements
      send(
        new FrameQuery(
          statements.map((w) => w.statement),
          { begin, commit },
          (err, results) => {
            const list = Array.isArray(results) ? results : [results]
            const first = begin ? 1 : 0
            if (!err && list.length !== first + statements.length + (commit ? 1 : 0))
              err = new Error(`a frame of ${statements.length} statements had ${list.length} answers`)
            // Inside a transaction a failure fails it whole: every statement of the frame gets the error.
            if (err) for (const w of all) w.fail(err)
            else {
              if (commit && !committed) state.committed = true
              for (const [i, w] of all.entries()) w.answer(list[first + i])
            }
          },
        ),
      )
    }
    /** Statements still waiting go out now, before whatever is sent next on the connection. */
    const flush = () => {
      if (state.waiting.length) frame(state.waiting.splice(0), false)
    }
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
        if (text === REFUSE_FURTHER) {
          state.refused = true
          for (const w of state.waiting.splice(0)) w.fail(new Error(REFUSED))
          return answered('REFUSE')
        }
        if (text === FLUSH) {
          flush()
          return answered('FLUSH')
        }
        if (text === 'rollback') {
          state.refused = false
          for (const w of state.waiting.splice(0)) w.fail(new Error('rolled back before it was sent'))
        } else if (state.refused) return Promise.reject(new Error(REFUSED))
        if (text === 'commit' && state.waiting.length)
          // What still waits goes with COMMIT behind it: should it fail, so does the commit, never a silent rollback.
          return new Promise((answer, fail) =>
            frame(state.waiting.splice(0), true, { statement: { text }, answer, fail }),
          )
        if ((text === 'commit' || text === 'rollback') && state.begin) {
          state.begin = false
          return answered(text.toUpperCase())
        }
        if (text === 'commit' && state.committed) {
          state.committed = false
          return answered('COMMIT')
        }
        state.committed = false
        const statement =
          typeof config === 'string'
            ? { text, values: values as unknown[] | undefined }
            : (config as pg.QueryConfig)
        const later = text.endsWith(SENT_WITH_NEXT)
        const commit = text.endsWith(THEN_COMMIT)
        if (later || commit || state.begin || state.waiting.length)
          return new Promise((answer, fail) => {
            state.waiting.push({ statement, answer, fail })
            if (!later) frame(state.waiting.splice(0), commit)
          })
      }
      flush()
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
    if (!state) return
    for (const w of state.waiting.splice(0))
      w.fail(new Error('the connection was released with a statement unsent'))
    Object.assign(state, { begin: false, committed: false, refused: false })
  })
}

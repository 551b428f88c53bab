import {
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresDriver,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type TransactionSettings,
} from 'kysely'
import type pg from 'pg'
import type { Database } from './schema.ts'
import { isDatabaseUnavailable } from './unavailable.ts'

/** Pino-compatible: the server's logger, or the default one line of JSON on stderr. */
export interface ReplicaLog {
  warn(detail: object, message: string): void
  info(detail: object, message: string): void
}

export interface ReplicaStatus {
  /** Whether reads routed to the replica go there now (false: they go to the primary). */
  inUse: boolean
  /** Why not, when not: `starting`, `down`, `lagging`, `not_standby`. */
  reason: 'starting' | 'down' | 'lagging' | 'not_standby' | null
  /** When the replica was last seen holding everything the primary had flushed (ms since epoch), or null. */
  caughtUpAt: number | null
}

export interface ReadReplica {
  /** A Kysely whose every connection comes from the replica while it is usable, else from the primary. */
  db: Kysely<Database>
  status(): ReplicaStatus
  /** One check now (the timer runs it every `checkEveryMs`); never throws. */
  check(): Promise<void>
  close(): Promise<void>
}

const stderrLog: ReplicaLog = {
  warn: (detail, msg) =>
    process.stderr.write(`${JSON.stringify({ level: 40, time: Date.now(), ...detail, msg })}\n`),
  info: (detail, msg) =>
    process.stderr.write(`${JSON.stringify({ level: 30, time: Date.now(), ...detail, msg })}\n`),
}

/**
 * Reads that may be a little old — dashboards, statistics tables, the post board, exports' tables — go to a
 * streaming replica through this handle; everything that must read its own writes keeps using the primary's.
 *
 * Freshness is measured against the primary, not the replica's own clock: every check reads the primary's flushed
 * WAL position, then asks the replica whether it has replayed that far. If so, the replica held every commit
 * acknowledged before the check began. It is used while that last happened within `maxLagMs`; beyond, or when it is
 * down or no longer a standby (promoted), reads go to the primary with one log line, and come back with another
 * when it has caught up. A connection the replica refuses between two checks also sends reads to the primary at
 * once. A statement already running on a replica that dies fails like any lost connection (a retryable 503).
 */
export async function openReadReplica(o: {
  url: string
  primary: pg.Pool
  /** Builds the replica's pool with the same error handling as the primary's. */
  makePool: (url: string) => pg.Pool
  maxLagMs: number
  checkEveryMs: number
  log?: ReplicaLog
}): Promise<ReadReplica> {
  const log = o.log ?? stderrLog
  const replicaPool = o.makePool(o.url)
  const replica = new PostgresDriver({ pool: replicaPool })
  // The primary's pool is shared with the store's own Kysely, which ends it: this driver never destroys it.
  const primary = new PostgresDriver({ pool: o.primary })
  const state: ReplicaStatus = { inUse: false, reason: 'starting', caughtUpAt: null }
  const target = o.url.replace(/\/\/[^@/]*@/, '//')

  const set = (inUse: boolean, reason: ReplicaStatus['reason'], detail: object = {}) => {
    const was = state.inUse
    const previous = state.reason
    state.inUse = inUse
    state.reason = reason
    // One line when reads leave the replica (or never reach it at start), one when they return, one when the
    // reason changes meanwhile (down, then lagging while it catches up): not one per check.
    const where = { replica: target }
    if (inUse) {
      if (!was) log.info(where, previous === 'starting' ? 'read replica in use' : 'read replica back in use')
    } else if (was || previous === 'starting')
      log.warn({ ...where, reason, ...detail }, 'read replica not used: reads go to the primary')
    else if (previous !== reason) log.warn({ ...where, reason, ...detail }, 'read replica still not used')
  }

  let checking: Promise<void> | null = null
  const runCheck = async () => {
    const startedAt = Date.now()
    let flushed: string
    try {
      const { rows } = await o.primary.query<{ lsn: string }>(
        'SELECT pg_current_wal_flush_lsn()::text AS lsn',
      )
      flushed = rows[0]!.lsn
    } catch {
      // The primary cannot say how far it is: keep the last decision (writes fail anyway; reads stay as they were).
      return
    }
    try {
      const { rows } = await replicaPool.query<{ standby: boolean; replayed: boolean }>(
        'SELECT pg_is_in_recovery() AS standby, coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS replayed',
        [flushed],
      )
      const r = rows[0]!
      if (!r.standby) return set(false, 'not_standby')
      if (r.replayed) state.caughtUpAt = startedAt
      const fresh = state.caughtUpAt !== null && Date.now() - state.caughtUpAt <= o.maxLagMs
      if (fresh) set(true, null)
      else
        set(false, 'lagging', {
          lagMs: state.caughtUpAt === null ? null : Date.now() - state.caughtUpAt,
          maxLagMs: o.maxLagMs,
        })
    } catch (err) {
      set(false, 'down', { err: String((err as Error)?.message ?? err) })
    }
  }
  const check = () => {
    checking ??= runCheck().finally(() => {
      checking = null
    })
    return checking
  }

  const owner = new WeakMap<DatabaseConnection, PostgresDriver>()
  const driver: Driver = {
    async init() {
      await replica.init()
      await primary.init()
    },
    async acquireConnection() {
      if (state.inUse) {
        try {
          const c = await replica.acquireConnection()
          owner.set(c, replica)
          return c
        } catch (err) {
          if (!isDatabaseUnavailable(err)) throw err
          set(false, 'down', { err: String((err as Error)?.message ?? err) })
        }
      }
      const c = await primary.acquireConnection()
      owner.set(c, primary)
      return c
    },
    beginTransaction: (c: DatabaseConnection, s: TransactionSettings) => owner.get(c)!.beginTransaction(c, s),
    commitTransaction: (c: DatabaseConnection) => owner.get(c)!.commitTransaction(c),
    rollbackTransaction: (c: DatabaseConnection) => owner.get(c)!.rollbackTransaction(c),
    savepoint: (c: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) =>
      owner.get(c)!.savepoint(c, name, compile),
    rollbackToSavepoint: (c: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) =>
      owner.get(c)!.rollbackToSavepoint(c, name, compile),
    releaseSavepoint: (c: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) =>
      owner.get(c)!.releaseSavepoint(c, name, compile),
    releaseConnection: (c: DatabaseConnection) => owner.get(c)!.releaseConnection(c as never),
    destroy: () => replica.destroy(),
  }
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  })

  await check()
  const timer = setInterval(() => void check(), o.checkEveryMs)
  timer.unref()
  return {
    db,
    status: () => ({ ...state }),
    check,
    async close() {
      clearInterval(timer)
      await checking
      await db.destroy()
    },
  }
}

import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { Kysely, PostgresDialect, sql, type Transaction, type TransactionBuilder } from 'kysely'
import pg from 'pg'
import { lockDataDir } from './data-dir-lock.ts'
import { guardStatements } from './deferred-writes.ts'
import { installFramedTransactions } from './framed-transactions.ts'
import { openReadReplica, type ReadReplica, type ReplicaLog } from './read-replica.ts'
import type { Database } from './schema.ts'
import { StatementCache } from './statement-cache.ts'
import { StatementCounter } from './statement-counter.ts'
import { AnswerAfterRollback, storeTransactions } from './store-transaction.ts'

export type Db = Kysely<Database>
export type Tx = Transaction<Database>
/** Repositories accept either: a use case passes its transaction, a read may pass the pool. */
export type Executor = Db | Tx

// One set of parsers for both engines: PGlite is reached through the same `pg` client as PostgreSQL.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v)

/**
 * Kysely whose `transaction().execute(fn)` marks the transaction as the store's while `fn` runs, and answers what an
 * `AnswerAfterRollback` thrown by `fn` asks for once the rollback is done (`store-transaction.ts`).
 */
class StoreKysely extends Kysely<Database> {
  override transaction(): TransactionBuilder<Database> {
    const builder = super.transaction()
    const store = this
    return new Proxy(builder, {
      get(target, prop) {
        if (prop !== 'execute') {
          const value = Reflect.get(target, prop, target)
          return typeof value === 'function' ? value.bind(target) : value
        }
        return <T>(fn: (trx: Tx) => Promise<T>) =>
          target
            .execute(async (trx) => {
              storeTransactions.add(trx)
              try {
                return await fn(trx)
              } finally {
                storeTransactions.delete(trx)
              }
            })
            .catch((err: unknown) => {
              if (err instanceof AnswerAfterRollback) return err.answer(store) as Promise<T>
              throw err
            })
      },
    })
  }
}

export interface Store {
  db: Db
  /**
   * For reads that may lag a little (dashboards, statistics, the post board, history): the read replica of
   * `DATABASE_READ_URL` while it is up and fresh, else the primary. Absent without a replica: such reads then run
   * in the request's own transaction, which on PGlite is a must — its one connection is held by that transaction,
   * and a read through another handle would wait for it forever.
   */
  read?: Db
  /** The replica's router, when one is configured (its status, for tests and operators). */
  replica?: ReadReplica
  kind: 'pglite' | 'postgres'
  /** The raw PGlite handle in embedded mode (for dumps and checkpoints); undefined on PostgreSQL. */
  pglite?: PGlite
  /** Statements and commits this store has sent (`statement-counter.ts`). */
  statements: StatementCounter
  close(): Promise<void>
}

export interface OpenOptions {
  databaseUrl?: string
  dataDir?: string
  /** Start PGlite from a dump (tests clone one migrated database this way). */
  loadDataDir?: Blob
  /** In-memory PGlite, for tests. */
  memory?: boolean
  poolSize?: number
  /** PostgreSQL: how long a request waits for a connection before it is told the database is unavailable. */
  connectTimeoutMs?: number
  /** Named prepared statements for repeated queries (`statement-cache.ts`); on unless told. */
  preparedStatements?: boolean
  /** PostgreSQL: a streaming replica for `Store.read`, and how stale it may be before reads go to the primary. */
  readReplica?: { url: string; maxLagMs: number; checkEveryMs: number; log?: ReplicaLog }
}

/**
 * A connection the server ends (restart, failover, `pg_terminate_backend`) emits `error`. The pool listens on
 * idle connections only; a checked-out one — in a request's transaction, or between two of its statements —
 * had no listener, and Node turns an unheard `error` event into a crash of the whole process. Every connection
 * therefore gets its own listener for its whole life: the statement in flight is already rejected by `pg` (the
 * request answers `service_unavailable`), and the pool discards the broken connection when it is released.
 */
function survivesLostConnections(pool: pg.Pool): void {
  pool.on('error', () => {})
  pool.on('connect', (client) => {
    client.on('error', () => {})
  })
}

export async function openStore(opts: OpenOptions): Promise<Store> {
  const statementCache = new StatementCache(opts.preparedStatements ?? true)
  const statements = new StatementCounter()
  if (opts.databaseUrl) {
    const makePool = (connectionString: string) => {
      const pool = new pg.Pool({
        connectionString,
        max: opts.poolSize ?? 10,
        // A server that is down refuses at once; one that is unreachable (network, a stopped host) must not hold a
        // request forever: waiting for a connection, or for a free place in the pool, gives up after this.
        connectionTimeoutMillis: opts.connectTimeoutMs ?? 5_000,
        // A connection whose peer vanished without a word is noticed by TCP keepalive instead of hanging.
        keepAlive: true,
      })
      survivesLostConnections(pool)
      // Framing first: the statement cache wraps it, so framing sees each statement with its name.
      installFramedTransactions(pool, statements)
      statementCache.install(pool)
      return pool
    }
    const pool = makePool(opts.databaseUrl)
    const db = new StoreKysely({
      dialect: new PostgresDialect({ pool, onCreateConnection: guardStatements }),
      log: statements.log,
    })
    const replica = opts.readReplica
      ? await openReadReplica({ ...opts.readReplica, primary: pool, makePool })
      : undefined
    return {
      db,
      ...(replica ? { read: replica.db as Db } : {}),
      kind: 'postgres',
      statements,
      ...(replica ? { replica } : {}),
      async close() {
        await replica?.close()
        await db.destroy()
      },
    }
  }
  const unlock = opts.memory ? () => {} : lockDataDir(opts.dataDir ?? './data')
  try {
    const dir = opts.memory ? undefined : join(opts.dataDir ?? './data', 'pglite')
    const lite = await PGlite.create(dir, {
      extensions: { pg_trgm, fuzzystrmatch },
      ...(opts.loadDataDir && !(dir && existsSync(join(dir, 'PG_VERSION')))
        ? { loadDataDir: opts.loadDataDir }
        : {}),
    })
    const pool = new pg.Pool(createPgConfig(lite) as unknown as pg.PoolConfig)
    installFramedTransactions(pool, statements)
    statementCache.install(pool)
    const db = new StoreKysely({
      dialect: new PostgresDialect({ pool, onCreateConnection: guardStatements }),
      log: statements.log,
    })
    const { rows } = await sql<{
      value: string
    }>`SELECT current_setting('synchronous_commit') AS value`.execute(db)
    if (rows[0]?.value !== 'on') throw new Error('synchronous_commit must be on')
    return {
      db,
      kind: 'pglite',
      pglite: lite,
      statements,
      async close() {
        await db.destroy()
        await lite.close()
        unlock()
      },
    }
  } catch (err) {
    unlock()
    throw err
  }
}

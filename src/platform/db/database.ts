import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely'
import pg from 'pg'
import { lockDataDir } from './data-dir-lock.ts'
import type { Database } from './schema.ts'

export type Db = Kysely<Database>
export type Tx = Transaction<Database>
/** Repositories accept either: a use case passes its transaction, a read may pass the pool. */
export type Executor = Db | Tx

// One set of parsers for both engines: PGlite is reached through the same `pg` client as PostgreSQL.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v)

export interface Store {
  db: Db
  kind: 'pglite' | 'postgres'
  /** The raw PGlite handle in embedded mode (for dumps and checkpoints); undefined on PostgreSQL. */
  pglite?: PGlite
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
}

export async function openStore(opts: OpenOptions): Promise<Store> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, kind: 'postgres', close: () => db.destroy() }
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
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    const { rows } = await sql<{
      value: string
    }>`SELECT current_setting('synchronous_commit') AS value`.execute(db)
    if (rows[0]?.value !== 'on') throw new Error('synchronous_commit must be on')
    return {
      db,
      kind: 'pglite',
      pglite: lite,
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

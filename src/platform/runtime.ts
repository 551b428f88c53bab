import { parse } from 'pg-connection-string'
import type { Config } from './config/config.ts'
import { openStore, type Store } from './db/database.ts'
import { migrateToLatest } from './db/migrate.ts'

/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR) and migrates it. */
export async function openMigratedStore(config: Config): Promise<Store> {
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    preparedStatements: config.preparedStatements,
    ...(config.readReplica ? { readReplica: config.readReplica } : {}),
  })
  try {
    await migrateToLatest(store.db as never)
    return store
  } catch (err) {
    await store.close()
    throw err
  }
}

export function describeStore(config: Config): string {
  if (!config.databaseUrl) return `PGlite (embedded) in ${config.dataDir}`
  const primary = `PostgreSQL at ${whereIs(config.databaseUrl)}`
  if (!config.readReplica) return primary
  return `${primary}, reads that may lag from ${whereIs(config.readReplica.url)}`
}

/**
 * Where a connection string points, read by `pg`'s own parser (`pg-connection-string`), so a Unix socket
 * (`postgres:///passage?host=/run/postgresql`, which WHATWG's URL refuses or misreads) is named as the driver will
 * use it. Never the password.
 */
function whereIs(connectionString: string): string {
  const c = parse(connectionString)
  const port = c.port || '5432'
  const database = c.database ? `/${c.database}` : ''
  return c.host?.startsWith('/')
    ? `the socket ${c.host}/.s.PGSQL.${port}${database}`
    : `${c.host || 'localhost'}:${port}${database}`
}

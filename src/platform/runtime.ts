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
  const url = new URL(config.databaseUrl)
  const primary = `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`
  if (!config.readReplica) return primary
  const read = new URL(config.readReplica.url)
  return `${primary}, reads that may lag from ${read.hostname}:${read.port || 5432}${read.pathname}`
}

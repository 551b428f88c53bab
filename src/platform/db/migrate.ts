import {
  type DatabaseConnection,
  Kysely,
  type Migration,
  type MigrationResultSet,
  Migrator,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from 'kysely'
import * as m0001 from './migrations/0001-foundation.ts'
import * as m0002 from './migrations/0002-documents.ts'
import * as m0003 from './migrations/0003-protection.ts'
import * as m0004 from './migrations/0004-risk.ts'
import * as m0005 from './migrations/0005-screening.ts'
import * as m0006 from './migrations/0006-crossings.ts'
import * as m0007 from './migrations/0007-secondary.ts'
import * as m0008 from './migrations/0008-returns.ts'
import * as m0009 from './migrations/0009-statistics.ts'
import * as m0010 from './migrations/0010-shifts.ts'
import * as m0011 from './migrations/0011-statistics-releases.ts'
import * as m0012 from './migrations/0012-audit-truncate.ts'
import * as m0013 from './migrations/0013-screening-generations.ts'
import * as m0014 from './migrations/0014-statistics-cell-keys.ts'
import * as m0015 from './migrations/0015-disclosure-settings.ts'
import * as m0016 from './migrations/0016-audit-sealing.ts'
import * as m0017 from './migrations/0017-statistics-deltas.ts'
import * as m0018 from './migrations/0018-cache-versions.ts'
import * as m0023 from './migrations/0023-referral-consent-pending.ts'
import * as m0024 from './migrations/0024-statistics-bulk-writes.ts'
import * as m0025 from './migrations/0025-plans.ts'
import * as m0026 from './migrations/0026-training.ts'
import * as m0029 from './migrations/0029-exchange.ts'
import * as m0030 from './migrations/0030-offline-posts.ts'
import * as m0033 from './migrations/0033-plan-source-rollups.ts'
import * as m0034 from './migrations/0034-training-pace.ts'
import * as m0035 from './migrations/0035-exchange-keys-retention.ts'
import * as m0037 from './migrations/0037-offline-identity.ts'
import * as m0038 from './migrations/0038-arrival-returnee.ts'
import * as m0039 from './migrations/0039-xroad-clients.ts'
import * as m0040 from './migrations/0040-offline-apply-cost.ts'
import * as m0042 from './migrations/0042-crossing-evaluation-index.ts'
import * as m0043 from './migrations/0043-traveller-birth-date-cover.ts'

/** Every migration, in order. A static list: no directory scan, so it works the same from any working dir. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-documents': m0002,
  '0003-protection': m0003,
  '0004-risk': m0004,
  '0005-screening': m0005,
  '0006-crossings': m0006,
  '0007-secondary': m0007,
  '0008-returns': m0008,
  '0009-statistics': m0009,
  '0010-shifts': m0010,
  '0011-statistics-releases': m0011,
  '0012-audit-truncate': m0012,
  '0013-screening-generations': m0013,
  '0014-statistics-cell-keys': m0014,
  '0015-disclosure-settings': m0015,
  '0016-audit-sealing': m0016,
  '0017-statistics-deltas': m0017,
  '0018-cache-versions': m0018,
  '0023-referral-consent-pending': m0023,
  '0024-statistics-bulk-writes': m0024,
  '0025-plans': m0025,
  '0026-training': m0026,
  '0029-exchange': m0029,
  '0030-offline-posts': m0030,
  '0033-plan-source-rollups': m0033,
  '0034-training-pace': m0034,
  '0035-exchange-keys-retention': m0035,
  '0037-offline-identity': m0037,
  '0038-arrival-returnee': m0038,
  '0039-xroad-clients': m0039,
  '0040-offline-apply-cost': m0040,
  '0042-crossing-evaluation-index': m0042,
  '0043-traveller-birth-date-cover': m0043,
}

// Kysely's own migration lock key, so a process of an older Passage and a newer one still exclude each other.
const MIGRATION_LOCK = '3853314791062309107'

/**
 * Kysely's migrator takes a session-level advisory lock, migrates in a transaction, then unlocks in a third
 * statement. Through PgBouncer's transaction pooling those can reach three different server connections: the
 * unlock misses, the lock stays on a pooled connection, and the next process to migrate waits an hour. Here the
 * lock is transaction-scoped and taken inside the one transaction that migrates (ended by its commit or rollback,
 * whatever happens).
 */
class TransactionLockAdapter extends PostgresAdapter {
  override async acquireMigrationLock(db: Kysely<unknown>): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK)}::bigint)`.execute(db)
  }
  override async releaseMigrationLock(): Promise<void> {}
}

/** A Kysely over one connection already inside a transaction this module opened and will end. */
function inTransaction(conn: Kysely<unknown>): Kysely<unknown> {
  const connection: DatabaseConnection = {
    executeQuery: (query) => conn.executeQuery(query) as never,
    streamQuery: () => {
      throw new Error('migrations do not stream')
    },
  }
  const refuse = async () => {
    throw new Error('migrations run in the transaction migrateToLatest opened')
  }
  return new Kysely<unknown>({
    dialect: {
      createAdapter: () => new TransactionLockAdapter(),
      createDriver: () => ({
        init: async () => {},
        acquireConnection: async () => connection,
        beginTransaction: refuse,
        commitTransaction: refuse,
        rollbackTransaction: refuse,
        releaseConnection: async () => {},
        destroy: async () => {},
      }),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  })
}

export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationResultSet> {
  const result = await db.connection().execute(async (conn) => {
    await sql`BEGIN`.execute(conn)
    try {
      // Before the migrator creates its own tables, which two processes starting at once would otherwise race for.
      await sql`SELECT pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK)}::bigint)`.execute(conn)
      const migrator = new Migrator({
        db: inTransaction(conn),
        provider: { getMigrations: async () => migrations },
        disableTransactions: true,
      })
      const outcome = await migrator.migrateToLatest()
      await sql.raw(outcome.error ? 'ROLLBACK' : 'COMMIT').execute(conn)
      return outcome
    } catch (err) {
      await sql`ROLLBACK`.execute(conn).catch(() => {})
      throw err
    }
  })
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')
    const detail = result.error instanceof Error ? result.error.message : String(result.error)
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${detail}`)
  }
  return result
}

import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely'
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
import * as m0017 from './migrations/0017-statistics-deltas.ts'

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
  '0017-statistics-deltas': m0017,
}

export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  })
  const result = await migrator.migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')
    const detail = result.error instanceof Error ? result.error.message : String(result.error)
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${detail}`)
  }
  return result
}

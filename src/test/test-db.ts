import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { inject } from 'vitest'
import { openStore, type Store } from '../platform/db/database.ts'
import { TEMPLATE_DB } from './constants.ts'
import { withDatabase } from './global-setup.ts'

export type Engine = 'pglite' | 'postgres'

/** PGlite always; PostgreSQL too whenever TEST_DATABASE_URL is configured (CI always sets it). */
export function engines(): Engine[] {
  return inject('postgresTemplateUrl') ? ['pglite', 'postgres'] : ['pglite']
}

/** A private, migrated and seeded database for one test file. */
export async function openTestStore(engine: Engine): Promise<Store> {
  if (engine === 'pglite') {
    const dump = new Blob([readFileSync(inject('pgliteTemplate'))])
    return openStore({ memory: true, loadDataDir: dump })
  }
  const copy = await cloneTemplateDatabase()
  const store = await openStore({ databaseUrl: copy.url, poolSize: 5 })
  return {
    ...store,
    async close() {
      await store.close()
      await copy.drop()
    },
  }
}

/** A fresh PostgreSQL database copied from the migrated, seeded template, and how to drop it. */
export async function cloneTemplateDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const url = inject('postgresTemplateUrl')!
  const name = `passage_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`)
  await admin.end()
  return {
    url: withDatabase(url, name),
    async drop() {
      const c = new pg.Client({ connectionString: url })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

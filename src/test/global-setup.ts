import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { seed } from '../app/seed.ts'
import { openStore } from '../platform/db/database.ts'
import { migrateToLatest } from '../platform/db/migrate.ts'
import { TEMPLATE_DB, TEST_PASSWORD } from './constants.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string
    postgresTemplateUrl: string | null
  }
}

/**
 * Migrates and seeds one database per engine, once for the whole run. Each test file then starts from a
 * copy (a PGlite dump, or CREATE DATABASE … TEMPLATE on PostgreSQL) instead of paying for a fresh one.
 */
export default async function setup(project: TestProject) {
  const lite = await openStore({ memory: true })
  await migrateToLatest(lite.db as never)
  await seed({ db: lite.db, demo: true, demoPassword: TEST_PASSWORD })
  const dump = await lite.pglite!.dumpDataDir('none')
  const file = join(tmpdir(), `passage-test-template-${process.pid}.tar`)
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  await lite.close()
  project.provide('pgliteTemplate', file)

  const url = process.env.TEST_DATABASE_URL
  project.provide('postgresTemplateUrl', url ? await preparePostgresTemplate(url) : null)
}

async function preparePostgresTemplate(url: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    // Leftover test databases from an interrupted run would otherwise pile up.
    const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'passage_test_%'`)
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`)
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`)
  } finally {
    await admin.end()
  }
  const templateUrl = withDatabase(url, TEMPLATE_DB)
  const store = await openStore({ databaseUrl: templateUrl, poolSize: 2 })
  await migrateToLatest(store.db as never)
  await seed({ db: store.db, demo: true, demoPassword: TEST_PASSWORD })
  await store.close()
  return url
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

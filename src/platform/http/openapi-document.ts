import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../config/config.ts'
import { openStore } from '../db/database.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { sessionPolicyFrom } from './context.ts'
import { buildServer } from './server.ts'

/**
 * The OpenAPI document exactly as `GET /api/openapi.json` serves it, without a database: the document is made
 * from the routes' schemas alone, so an in-memory store with the tables and no data is enough (some areas read
 * their state at start-up). Used by `npm run api:types`.
 */
export async function servedOpenApiDocument(): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'passage-openapi-'))
  const store = await openStore({ memory: true })
  try {
    await migrateToLatest(store.db as never)
    const config = loadConfig({
      AUDIT_KEY_FILE: join(dir, 'key.pem'),
      AUDIT_CHECKPOINT_DIR: join(dir, 'checkpoints'),
      SCREENING_INDEX_DIR: join(dir, 'screening-index'),
    })
    const app = await buildServer({ ctx: { store, config, sessionPolicy: sessionPolicyFrom(config) } })
    try {
      return (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    } finally {
      await app.close()
    }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { type Config, loadConfig } from '../platform/config/config.ts'
import type { Store } from '../platform/db/database.ts'
import { sessionPolicyFrom } from '../platform/http/context.ts'
import { buildServer } from '../platform/http/server.ts'
import { TEST_PASSWORD } from './constants.ts'
import { type Engine, openTestStore } from './test-db.ts'

export interface Client {
  csrf: string
  cookie: string
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>
}

export interface TestApp {
  app: FastifyInstance
  store: Store
  config: Config
  /** Signs in through the real endpoint and returns a client that sends the cookie and CSRF token. */
  signIn(username: string, password?: string): Promise<Client>
  anonymous: Client
  close(): Promise<void>
}

/**
 * A test's configuration: the audit signing key, checkpoints and saved screening index in a directory of its own
 * (`dir`, for the caller to remove), never the repository's ./data.
 */
export function testConfig(env: Record<string, string> = {}): { config: Config; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'passage-audit-'))
  const config = loadConfig({
    // One exchange key directory per test process: files are named by thumbprint, so instances can share it.
    PASSAGE_KEY_DIR: testKeyDir(),
    RATE_LIMIT_PER_MINUTE: '100000',
    AUDIT_KEY_FILE: join(dir, 'key', 'checkpoint-signing.pem'),
    AUDIT_CHECKPOINT_DIR: join(dir, 'checkpoints'),
    SCREENING_INDEX_DIR: join(dir, 'screening-index'),
    ...env,
  })
  return { config, dir }
}

let keyDir: string | undefined
function testKeyDir(): string {
  if (!keyDir) {
    const dir = mkdtempSync(join(tmpdir(), 'passage-keys-'))
    keyDir = dir
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  }
  return keyDir
}

/** `opened`: a store the caller opened (e.g. with a read replica); closing the app closes it. */
export async function createTestApp(
  engine: Engine,
  env: Record<string, string> = {},
  opened?: Store,
): Promise<TestApp> {
  const store = opened ?? (await openTestStore(engine))
  const { config, dir: auditDir } = testConfig(env)
  const app = await buildServer({ ctx: { store, config, sessionPolicy: sessionPolicyFrom(config) } })
  const client = (cookie: string, csrf: string): Client => ({
    cookie,
    csrf,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as never,
        url,
        payload: body === undefined ? undefined : (body as never),
        headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...headers },
      }),
  })
  return {
    app,
    store,
    config,
    anonymous: client('', ''),
    async signIn(username, password = TEST_PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { username, password },
      })
      if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.body}`)
      const cookie = res.cookies.find((c) => c.name === 'passage_session')!
      return client(`passage_session=${cookie.value}`, res.json().csrfToken)
    },
    async close() {
      await app.close()
      await store.close()
      rmSync(auditDir, { recursive: true, force: true })
    },
  }
}

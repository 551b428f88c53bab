import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testConfig } from '../../test/test-app.ts'
import { openTestStore } from '../../test/test-db.ts'
import type { Store } from '../db/database.ts'
import { sessionPolicyFrom } from './context.ts'
import { buildServer } from './server.ts'

/** A server with a stand-in web app, so `/` answers with HTML as in production. */
async function serve(store: Store, env: Record<string, string>, webDir: string): Promise<FastifyInstance> {
  const config = testConfig(env).config
  return buildServer({ ctx: { store, config, sessionPolicy: sessionPolicyFrom(config) }, web: true, webDir })
}

function directives(res: LightMyRequestResponse): Map<string, string> {
  const csp = String(res.headers['content-security-policy'] ?? '')
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0]!, d.slice(d.indexOf(' ') + 1)]),
  )
}

function expectProtected(res: LightMyRequestResponse) {
  const csp = directives(res)
  expect(csp.get('frame-ancestors')).toBe("'none'")
  expect(csp.get('script-src')).toBe("'self'")
  expect(csp.get('object-src')).toBe("'none'")
  expect(csp.get('connect-src')).toBe("'self'")
  expect(res.headers['x-frame-options']).toBe('DENY')
  expect(res.headers['x-content-type-options']).toBe('nosniff')
  expect(res.headers['referrer-policy']).toBe('no-referrer')
}

describe('security headers', () => {
  let store: Store
  let plain: FastifyInstance
  let https: FastifyInstance
  let webDir: string
  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'passage-web-'))
    mkdirSync(join(webDir, 'assets'))
    writeFileSync(
      join(webDir, 'index.html'),
      '<!doctype html><script type="module" src="/assets/a.js"></script>',
    )
    writeFileSync(join(webDir, 'assets', 'a.js'), 'export {}')
    store = await openTestStore('pglite')
    plain = await serve(store, {}, webDir)
    https = await serve(store, { COOKIE_SECURE: 'true' }, webDir)
  })
  afterAll(async () => {
    await plain.close()
    await https.close()
    await store.close()
    rmSync(webDir, { recursive: true, force: true })
  })

  it.each([
    ['the web app', '/', 200],
    ['a client-side route of the web app', '/crossings/inspect', 200],
    ['a web asset', '/assets/a.js', 200],
    ['an API route', '/api/health', 200],
    ['the API docs', '/api/docs/', 200],
    ['a file of the API docs', '/api/docs/static/swagger-initializer.js', 200],
    ['an error (no session)', '/api/users', 401],
    ['an error (unknown API path)', '/api/nothing-here', 404],
  ])('protects %s', async (_, url, status) => {
    const res = await plain.inject({ method: 'GET', url })
    expect(res.statusCode).toBe(status)
    expectProtected(res)
  })

  it('protects a validation error and a refused write', async () => {
    const res = await plain.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'a\u0000' },
    })
    expect(res.statusCode).toBe(400)
    expectProtected(res)
  })

  it('allows no inline script anywhere, the docs included', async () => {
    for (const url of ['/', '/api/docs/', '/api/health']) {
      const csp = directives(await plain.inject({ method: 'GET', url }))
      expect(csp.get('script-src')).not.toMatch(/unsafe-inline|unsafe-eval/)
      expect(csp.get('script-src-attr')).toBe("'none'")
    }
  })

  it('sends HSTS and upgrades requests only when cookies are marked Secure (HTTPS)', async () => {
    const overHttp = await plain.inject({ method: 'GET', url: '/' })
    expect(overHttp.headers['strict-transport-security']).toBeUndefined()
    expect(directives(overHttp).has('upgrade-insecure-requests')).toBe(false)
    for (const url of ['/', '/api/health', '/api/nothing-here']) {
      const res = await https.inject({ method: 'GET', url })
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}; includeSubDomains/)
      expect(directives(res).has('upgrade-insecure-requests')).toBe(true)
    }
  })
})

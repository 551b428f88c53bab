import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

// The Redocly CLI's own entry point, run with this Node (devDependency @redocly/cli).
const require = createRequire(import.meta.url)
const redoclyPackage = require.resolve('@redocly/cli/package.json')
const REDOCLY = join(
  dirname(redoclyPackage),
  (require(redoclyPackage) as { bin: Record<string, string> }).bin.redocly!,
)

type Operation = {
  operationId?: string
  summary?: string
  description?: string
  tags?: string[]
  security?: Record<string, string[]>[]
  parameters?: { $ref?: string }[]
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>
}

/**
 * The API contract as a client generator reads it: linted by Redocly (the reference linter for OpenAPI
 * 3.1) with no errors, and every operation carrying what a generated client needs.
 */
describe('the OpenAPI document', () => {
  let t: TestApp
  let doc: {
    paths: Record<string, Record<string, Operation>>
    servers?: unknown[]
    info: { license?: unknown }
  }
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ path, method, op })),
    )
  beforeAll(async () => {
    t = await createTestApp('pglite')
    doc = (await t.anonymous.request('GET', '/api/openapi.json')).json()
  })
  afterAll(() => t.close())

  it('passes `redocly lint` (recommended rules) with no errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'passage-openapi-'))
    try {
      const file = join(dir, 'openapi.json')
      writeFileSync(file, JSON.stringify(doc))
      if (process.env.OPENAPI_DUMP) writeFileSync(process.env.OPENAPI_DUMP, JSON.stringify(doc, null, 1))
      const out = join(dir, 'report.json')
      let status = 0
      try {
        execFileSync(process.execPath, [REDOCLY, 'lint', file, '--format=json', '--max-problems=1000'], {
          stdio: ['ignore', 'pipe', 'pipe'],
          maxBuffer: 64 * 1024 * 1024,
        })
      } catch (err) {
        status = (err as { status: number }).status
        writeFileSync(out, (err as { stdout: Buffer }).stdout)
      }
      const problems = status
        ? (
            JSON.parse(readFileSync(out, 'utf8')) as {
              problems: { severity: string; message: string; ruleId: string }[]
            }
          ).problems
        : []
      const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message}`)
      expect(errors).toEqual([])
      // A client's router must tell every path apart (`/a/{id}/b` against `/a/b/{id}`), and no schema may be an
      // empty `anyOf` member that matches anything.
      const kept = new Set(['no-ambiguous-paths', 'no-illogical-composition-keywords'])
      expect(problems.filter((p) => kept.has(p.ruleId)).map((p) => p.message)).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('gives every operation an operationId, summary, description, tags and the shared error responses', () => {
    const ids = new Set<string>()
    expect(operations().length).toBeGreaterThan(100)
    for (const { path, method, op } of operations()) {
      const name = `${method.toUpperCase()} ${path}`
      expect(op.operationId, name).toMatch(/^[a-z][A-Za-z0-9]+$/)
      expect(ids.has(op.operationId!), `${name} repeats ${op.operationId}`).toBe(false)
      ids.add(op.operationId!)
      expect(op.summary, name).toBeTruthy()
      expect(op.description, name).toBeTruthy()
      expect(op.tags?.length, name).toBeGreaterThan(0)
      for (const status of ['400', '404', '429', '500'])
        expect(op.responses[status]?.$ref, `${name} ${status}`).toBe(`#/components/responses/Error${status}`)
    }
    expect(doc.servers?.length).toBeGreaterThan(0)
    expect(doc.info.license).toBeDefined()
  })

  it('says what each operation needs: no session to sign in, a CSRF token on writes, an idempotency key on creates', () => {
    const op = (method: string, path: string) => doc.paths[path]?.[method] as Operation
    expect(op('post', '/api/auth/sign-in').security).toEqual([])
    expect(op('get', '/api/health').security).toEqual([])
    const write = op('patch', '/api/users/{id}')
    expect(write.security).toEqual([{ session: [], csrf: [] }])
    expect(write.responses['403']).toBeDefined()
    expect(op('post', '/api/crossings').parameters).toContainEqual({
      $ref: '#/components/parameters/IdempotencyKey',
    })
  })

  it('declares the content types of file downloads', () => {
    const types = (method: string, path: string) =>
      Object.keys(doc.paths[path]?.[method]?.responses['200']?.content ?? {})
    expect(types('get', '/api/statistics/reports/monthly')).toEqual(['application/pdf'])
    expect(types('get', '/api/statistics/export')).toContain('text/csv')
    expect(types('get', '/api/statistics/export')).toContain(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(types('get', '/api/protection/export')).toContain('text/csv')
    expect(types('get', '/api/watchlists/{id}/export.csv')).toEqual(['text/csv'])
  })

  it('matches the web’s generated API types (web/src/api/schema.d.ts), so the web cannot drift from it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'passage-openapi-'))
    try {
      const file = join(dir, 'openapi.json')
      writeFileSync(file, JSON.stringify(doc))
      const script = fileURLToPath(new URL('../../../scripts/api-types.mjs', import.meta.url))
      const run = spawnSync(process.execPath, [script, '--check', '--from', file], { encoding: 'utf8' })
      expect(run.stderr).toBe('')
      expect(run.status).toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('has no empty anyOf, which would match nothing', () => {
    expect(JSON.stringify(doc)).not.toContain('"anyOf":[]')
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

describe('health and OpenAPI', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp('pglite')
  })
  afterAll(() => t.close())

  it('answers health once migrations are applied', async () => {
    const res = await t.anonymous.request('GET', '/api/health')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok', database: 'up' })
  })

  it('lists every API route in an OpenAPI 3.1 document', async () => {
    const doc = (await t.anonymous.request('GET', '/api/openapi.json')).json()
    expect(doc.openapi).toBe('3.1.0')
    const documented = new Set(
      Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    )
    expect(t.app.apiOperations).toContain('PATCH /api/users/:id')
    for (const operation of t.app.apiOperations) expect(documented).toContain(operation)
  })

  it('serves the browsable API docs without a session', async () => {
    const res = await t.anonymous.request('GET', '/api/docs/')
    expect([200, 302]).toContain(res.statusCode)
  })
})

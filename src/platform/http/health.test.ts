import { createServer, type Socket } from 'node:net'
import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../db/database.ts'
import { registerErrorHandling } from './error-handler.ts'
import { registerHealth } from './health.ts'

/**
 * A "database" that accepts connections and never says a word, as a host that went away behind a firewall
 * does: the hardest case, since nothing ever refuses.
 */
describe('health and requests when the database never answers', () => {
  const sockets = new Set<Socket>()
  const blackHole = createServer((s) => {
    sockets.add(s)
    s.on('error', () => {})
  })
  let store: Store
  beforeAll(async () => {
    await new Promise<void>((r) => blackHole.listen(0, '127.0.0.1', r))
    const { port } = blackHole.address() as { port: number }
    store = await openStore({
      databaseUrl: `postgres://passage@127.0.0.1:${port}/passage`,
      connectTimeoutMs: 300,
    })
  })
  afterAll(async () => {
    await store.close().catch(() => {})
    for (const s of sockets) s.destroy()
    await new Promise((r) => blackHole.close(r))
  })

  it('answers health with 503 "database down" instead of hanging', async () => {
    const app = Fastify()
    registerErrorHandling(app)
    registerHealth(app, store.db)
    const res = await app.inject({ method: 'GET', url: '/api/health' })
    expect(res.statusCode).toBe(503)
    expect(res.json()).toEqual({ status: 'unavailable', database: 'down' })
    expect(res.headers['retry-after']).toBe('2')
  })

  it('gives a request that needs the database a translated, retryable 503', async () => {
    const app = Fastify()
    registerErrorHandling(app)
    app.get('/api/thing', async () => store.db.selectFrom('users').select('id').execute())
    const res = await app.inject({ method: 'GET', url: '/api/thing', headers: { 'accept-language': 'km' } })
    expect(res.statusCode).toBe(503)
    expect(res.headers['retry-after']).toBe('2')
    expect(res.json().error.code).toBe('service_unavailable')
    expect(res.json().error.message).toMatch(/[\u1780-\u17FF]/)
  })
})

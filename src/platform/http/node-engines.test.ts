import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fastifyCookie from '@fastify/cookie'
import fastifyStatic from '@fastify/static'
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'

const root = new URL('../../../', import.meta.url).pathname
const require = createRequire(import.meta.url)
const semver = require('semver') as {
  satisfies(version: string, range: string): boolean
  minVersion(range: string): { version: string } | null
}
const promised = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } }
).engines.node

/**
 * package.json promises Node ≥ 20.19 (the machines run 20.20). cookie@2 and content-disposition@3 declare
 * Node ≥ 22, so package.json's `overrides` pins cookie@1 and content-disposition@2, whose APIs the fastify
 * packages call the same way; these tests are the proof (ARCHITECTURE.md, "Node engines").
 */
describe('the Node version package.json promises', () => {
  it('satisfies the engines of every installed package, so `npm ci` warns of none', () => {
    const lowest = semver.minVersion(promised)!.version
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } | string[] }>
    }
    const refused = Object.keys(lock.packages)
      .filter((path) => path && existsSync(join(root, path, 'package.json')))
      .map((path) => {
        const pkg = JSON.parse(readFileSync(join(root, path, 'package.json'), 'utf8'))
        return { path, version: pkg.version as string, node: (pkg.engines as { node?: string })?.node }
      })
      .filter((p) => p.node && !semver.satisfies(lowest, p.node))
    expect(refused).toEqual([])
  })

  it('sets, reads and clears cookies through @fastify/cookie and light-my-request', async () => {
    const app = Fastify()
    await app.register(fastifyCookie)
    app.get('/set', (_req, reply) =>
      reply.setCookie('s', 'a b;ក', { httpOnly: true, sameSite: 'strict', path: '/' }).send('ok'),
    )
    app.get('/read', (req) => ({ s: req.cookies.s ?? null }))
    app.get('/clear', (_req, reply) => reply.clearCookie('s', { path: '/' }).send('ok'))
    const set = await app.inject({ method: 'GET', url: '/set' })
    const cookie = set.cookies.find((c) => c.name === 's')!
    expect(cookie).toMatchObject({ value: 'a b;ក', httpOnly: true, sameSite: 'Strict' })
    const read = await app.inject({
      method: 'GET',
      url: '/read',
      cookies: { s: cookie.value },
    })
    expect(read.json()).toEqual({ s: 'a b;ក' })
    const cleared = await app.inject({ method: 'GET', url: '/clear' })
    expect(cleared.cookies.find((c) => c.name === 's')?.expires?.getTime()).toBe(0)
    await app.close()
  })

  it('names a download in Khmer through @fastify/static (content-disposition), an ASCII fallback first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passage-static-'))
    try {
      writeFileSync(join(dir, 'report.csv'), 'a,b\n')
      const app = Fastify()
      await app.register(fastifyStatic, { root: dir, serve: false })
      app.get('/download', (_req, reply) => reply.download('report.csv', 'របាយការណ៍ "May".csv'))
      const res = await app.inject({ method: 'GET', url: '/download' })
      expect(res.body).toBe('a,b\n')
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="${'?'.repeat(9)} \\"May\\".csv"; filename*=UTF-8''${encodeURIComponent('របាយការណ៍')}%20%22May%22.csv`,
      )
      await app.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

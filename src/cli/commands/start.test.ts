import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { withDatabase } from '../../test/global-setup.ts'
import { type RunningPassage, spawnPassage } from '../../test/spawn-passage.ts'

async function stop(p: RunningPassage): Promise<void> {
  if (p.child.exitCode !== null) return
  p.child.kill('SIGTERM')
  await new Promise((r) => p.child.once('exit', r))
}

describe('passage start with SERVE_WEB=false', () => {
  const dir = mkdtempSync(join(tmpdir(), 'passage-api-only-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('serves the API only: no web app at / or any client route, and no build', async () => {
    const p = await spawnPassage({ DATA_DIR: dir, DEMO: 'false', SERVE_WEB: 'false' })
    try {
      expect((await fetch(`${p.url}/api/health`)).status).toBe(200)
      for (const path of ['/', '/index.html', '/statistics/national', '/assets/index.js', '/favicon.ico']) {
        const res = await fetch(`${p.url}${path}`)
        expect(res.status, path).toBe(404)
        expect(((await res.json()) as { error: { code: string } }).error.code, path).toBe('route_not_found')
      }
      expect(p.output()).not.toContain('Building the web app')
    } finally {
      await stop(p)
    }
  }, 180_000)
})

const adminUrl = inject('postgresTemplateUrl')

// The reproduction: two processes started at once on an empty PostgreSQL database in demo mode; the second
// died on users_username_key. PGlite is locked to one process, so this runs on PostgreSQL (CI always sets it).
describe.skipIf(!adminUrl)('two passage start processes at once on an empty PostgreSQL database', () => {
  it('both come up, and the demo users exist once', async () => {
    const name = `passage_test_${randomBytes(6).toString('hex')}`
    const admin = async (statement: string) => {
      const c = new pg.Client({ connectionString: adminUrl! })
      await c.connect()
      try {
        return await c.query(statement)
      } finally {
        await c.end()
      }
    }
    await admin(`CREATE DATABASE ${name}`)
    const env = {
      DATABASE_URL: withDatabase(adminUrl!, name),
      DEMO: 'true',
      DEMO_PASSWORD: 'two-starts-password',
    }
    const started = await Promise.allSettled([spawnPassage(env), spawnPassage(env)])
    try {
      const failed = started.filter((s) => s.status === 'rejected').map((s) => String(s.reason))
      expect(failed).toEqual([])
      const running = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
      // Healthy means listening; the banner is written right after, through a pipe that may lag a moment.
      for (let i = 0; i < 100 && !running.every((r) => r.output().includes('Passage is running')); i++) {
        await new Promise((r) => setTimeout(r, 100))
      }
      const outputs = running.map((r) => r.output())
      // Exactly one printed the demo passwords: the other found the users the first had just created.
      expect(outputs.filter((o) => o.includes('Demo users (demo mode only')).length).toBe(1)
      // Printed last, as one block once the server is ready: after the line saying where it runs.
      const printed = outputs.find((o) => o.includes('Demo users (demo mode only'))!
      expect(printed.indexOf('Demo users (demo mode only')).toBeGreaterThan(
        printed.indexOf('Passage is running'),
      )
    } finally {
      for (const s of started) if (s.status === 'fulfilled') await stop(s.value)
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    }
  }, 240_000)
})

import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { type RunningPassage, spawnPassage } from '../../test/spawn-passage.ts'

const sh = (line: string) =>
  promisify(execFile)('sh', ['-c', line], { cwd: process.cwd() }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  )

const stopped = (p: RunningPassage) =>
  new Promise<number | null>((resolve) => {
    if (p.child.exitCode !== null) resolve(p.child.exitCode)
    p.child.once('exit', (code) => resolve(code))
    p.child.kill('SIGTERM')
  })

describe('the weekly verification of docs/operations.md while the service runs on PGlite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'passage-audit-running-'))
  const envFile = join(dir, 'passage.env')
  let server: RunningPassage | undefined
  afterAll(async () => {
    if (server) await stopped(server)
    rmSync(dir, { recursive: true, force: true })
  })

  it('runs as written: the key is created at first start, a checkpoint signed, the log verified through the server', async () => {
    const env = { DATA_DIR: join(dir, 'data'), DATABASE_URL: '', DEMO: 'false' }
    writeFileSync(
      envFile,
      `${Object.entries(env)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n')}\n`,
    )
    server = await spawnPassage(env)
    const keyFile = join(dir, 'data', 'audit-key', 'checkpoint-signing.pem')
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    expect(readFileSync(join(dir, 'data', 'audit-checkpoints', 'checkpoints.txt'), 'utf8')).toMatch(
      /^passage\.local\/audit\n\d+\n/,
    )

    // Opening the data directory while the service holds it fails, as before …
    const direct = await sh(`env $(cat ${envFile} | xargs) node bin/passage.js audit verify`)
    expect(direct.code).toBe(1)
    expect(direct.err).toMatch(/is in use/)
    // … the documented line asks the running server instead (its port here, 8080 in the docs).
    const line = `env $(cat ${envFile} | xargs) node bin/passage.js audit verify --url ${server.url}`
    const viaServer = await sh(line)
    expect(viaServer.err).toBe('')
    expect(viaServer.code).toBe(0)
    expect(viaServer.out).toMatch(/Audit log intact: \d+ entries verified against \d+ signed checkpoints/)

    // The service signs once more as it stops; the stopped log then verifies directly against every checkpoint.
    expect(await stopped(server)).toBe(0)
    server = undefined
    const after = await sh(`env $(cat ${envFile} | xargs) node bin/passage.js audit verify`)
    expect(after.code).toBe(0)
    expect(after.out).toMatch(/intact: \d+ entries verified against \d+ signed checkpoints/)
  }, 300_000)
})

import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TEST_PASSWORD } from './constants.ts'

export interface RunningPassage {
  url: string
  child: ChildProcess
  output(): string
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

/**
 * Starts `passage start` as a real child process and waits until /api/health answers. `port`: a restarted
 * instance keeps its address (its partner's outbox knows it), as a real server does.
 */
export async function spawnPassage(env: Record<string, string>, fixedPort?: number): Promise<RunningPassage> {
  const port = fixedPort ?? (await freePort())
  const child = spawn(process.execPath, ['bin/passage.js', 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SERVE_WEB: 'false',
      LOG_LEVEL: 'warn',
      // The tests count what they write; demo traffic would only slow the start.
      DEMO_TRAFFIC: '0',
      // Never the checkout's ./data: the audit key and checkpoints live under DATA_DIR even on PostgreSQL.
      DATA_DIR: mkdtempSync(join(tmpdir(), 'passage-spawn-')),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (c) => (out += c))
  child.stderr!.on('data', (c) => (out += c))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`passage exited with ${child.exitCode}:\n${out}`)
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false)
    if (ok) return { url, child, output: () => out }
    await new Promise((r) => setTimeout(r, 200))
  }
  child.kill('SIGKILL')
  throw new Error(`passage did not become healthy:\n${out}`)
}

/** Polls until `check` holds: what another process does is awaited by its outcome, never by a duration. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  pollMs = 250,
): Promise<T> {
  const deadline = Date.now() + 120_000
  for (;;) {
    const v = await check().catch(() => undefined)
    if (v) return v
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, pollMs))
  }
}

/** An officer's browser, as far as a spawned server can tell: the session cookie and the CSRF token. */
export async function signInOver(url: string, username: string) {
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  })
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return { cookie, csrfToken }
}

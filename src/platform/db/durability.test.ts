import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { spawnPassage } from '../../test/spawn-passage.ts'

const PASSWORD = 'durability-test-password'

async function signIn(url: string) {
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  })
  const body = (await res.json()) as { csrfToken: string }
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: body.csrfToken }
}

describe('the embedded database when the server is killed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'passage-kill-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps every acknowledged write across kill -9 and a restart, with the audit chain intact', async () => {
    const env = { DATA_DIR: dir, DEMO_PASSWORD: PASSWORD }
    const first = await spawnPassage(env)
    const { cookie, csrf } = await signIn(first.url)
    const acknowledged: string[] = []
    for (let i = 0; i < 40; i++) {
      const code = `KILL${i}`
      const res = await fetch(`${first.url}/api/agencies`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
        body: JSON.stringify({ code, nameEn: `Agency ${i}`, nameKm: `ស្ថាប័ន ${i}`, kind: 'ngo' }),
      })
      if (res.status === 201) acknowledged.push(code)
    }
    // No graceful shutdown: the process dies right after its last answer, leaving its lock file behind.
    first.child.kill('SIGKILL')
    await new Promise((r) => first.child.once('exit', r))

    const second = await spawnPassage(env)
    try {
      const again = await signIn(second.url)
      const agencies = (await (
        await fetch(`${second.url}/api/agencies`, { headers: { cookie: again.cookie } })
      ).json()) as {
        code: string
      }[]
      const codes = new Set(agencies.map((a) => a.code))
      expect(acknowledged).toHaveLength(40)
      expect(acknowledged.filter((c) => !codes.has(c))).toEqual([])
      const res = await fetch(`${second.url}/api/audit/verify`, { headers: { cookie: again.cookie } })
      const verify = (await res.json()) as { ok: boolean }
      expect(verify.ok).toBe(true)
    } finally {
      second.child.kill('SIGTERM')
      await new Promise((r) => second.child.once('exit', r))
    }
  }, 180_000)
})

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { spawnPassage } from '../../test/spawn-passage.ts'
import { passportMrz } from './crossings.testing.ts'

const PASSWORD = 'crossing-durability-password'
const ACKNOWLEDGED = 20

interface Session {
  url: string
  cookie: string
  csrf: string
}

async function signIn(url: string, username: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  })
  if (res.status !== 200) throw new Error(`sign-in failed: ${await res.text()}`)
  const body = (await res.json()) as { csrfToken: string }
  return { url, cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: body.csrfToken }
}

function post(s: Session, path: string, body: unknown, key?: string) {
  return fetch(`${s.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(body),
  })
}

/** What an officer does first at the counter: inspect the passport; the decision admits the entry. */
async function inspectForEntry(s: Session, documentNumber: string) {
  const res = await post(s, '/api/crossings/inspect', { text: passportMrz(documentNumber) })
  if (res.status !== 200) throw new Error(`inspection failed: ${await res.text()}`)
  const i = (await res.json()) as {
    traveller: { id: string }
    document: { id: string }
    risk: { id: string }
    screening: { requestId: string }
  }
  const decision = {
    documentId: i.document.id,
    counter: 'K1',
    direction: 'entry',
    decision: 'admit',
    riskEvaluationId: i.risk.id,
    screeningRequestId: i.screening.requestId,
  }
  return { travellerId: i.traveller.id, decision }
}

async function history(s: Session, travellerId: string): Promise<{ id: string }[]> {
  const res = await fetch(`${s.url}/api/crossings?traveller=${travellerId}`, {
    headers: { cookie: s.cookie },
  })
  if (res.status !== 200) throw new Error(`history failed: ${await res.text()}`)
  return ((await res.json()) as { items: { id: string }[] }).items
}

describe('recorded crossings when the server is killed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'passage-crossing-kill-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps every acknowledged crossing exactly once across kill -9, retries included, with the audit chain intact', async () => {
    const env = { DATA_DIR: dir, DEMO_PASSWORD: PASSWORD }
    const first = await spawnPassage(env)
    const officer = await signIn(first.url, 'officer.poipet')
    const acknowledged: { id: string; travellerId: string; key: string; decision: unknown }[] = []
    for (let i = 0; i < ACKNOWLEDGED; i++) {
      const key = `kill-test-crossing-${i}`
      const { travellerId, decision } = await inspectForEntry(officer, `KT${String(i).padStart(7, '0')}`)
      // The even ones are sent twice at once, as a client retrying over a flaky link would.
      const sends = i % 2 === 0 ? 2 : 1
      const answers = await Promise.all(
        Array.from({ length: sends }, () => post(officer, '/api/crossings', decision, key)),
      )
      const bodies = await Promise.all(answers.map((a) => a.json() as Promise<{ id: string }>))
      expect(answers.map((a) => a.status).sort()).toEqual(sends === 2 ? [200, 201] : [201])
      expect(new Set(bodies.map((b) => b.id)).size).toBe(1)
      acknowledged.push({ id: bodies[0]!.id, travellerId, key, decision })
    }
    // No graceful shutdown: the process dies right after its last answer.
    first.child.kill('SIGKILL')
    await new Promise((r) => first.child.once('exit', r))

    const second = await spawnPassage(env)
    try {
      const again = await signIn(second.url, 'officer.poipet')
      for (const a of acknowledged) {
        expect((await history(again, a.travellerId)).map((c) => c.id)).toEqual([a.id])
        // A retry that only arrives after the restart still answers with the stored crossing.
        const retry = await post(again, '/api/crossings', a.decision, a.key)
        expect(retry.status).toBe(200)
        expect(((await retry.json()) as { id: string }).id).toBe(a.id)
        expect(await history(again, a.travellerId)).toHaveLength(1)
      }
      const admin = await signIn(second.url, 'admin')
      const verify = await fetch(`${second.url}/api/audit/verify`, { headers: { cookie: admin.cookie } })
      expect(((await verify.json()) as { ok: boolean }).ok).toBe(true)
    } finally {
      second.child.kill('SIGTERM')
      await new Promise((r) => second.child.once('exit', r))
    }
  }, 240_000)
})

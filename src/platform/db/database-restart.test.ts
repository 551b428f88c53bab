import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningPassage, spawnPassage } from '../../test/spawn-passage.ts'
import {
  canStartPostgres,
  findPostgresBin,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from './throwaway-postgres.ts'

const PASSWORD = 'database-restart-test-password'
const WRITERS = 4
const WRITES_EACH = 12
/** A writer gives up on one write after this many tries (the test then fails on the missing write). */
const MAX_TRIES = 300
/** Before these entries every writer waits for the test: the fault that follows then finds them all still writing. */
const HOLD_BEFORE = { terminate: 4, stop: 8 } as const

interface Session {
  url: string
  cookie: string
  csrf: string
}

interface Seen {
  /** Answers other than 200/201, by status and error code. */
  refusals: { status: number; code: string; retryAfter: string | null }[]
  /** Requests that got no HTTP answer at all (the API process was gone). */
  unanswered: number
  /** Set when the test ends early, so the writers stop too. */
  stopped?: boolean
  /** A writer about to write entry `at` waits here until the test opens it. */
  holds: Hold[]
}

interface Hold {
  at: number
  arrived: number
  open: () => void
  opened: Promise<void>
}

function hold(at: number): Hold {
  let open = () => {}
  const opened = new Promise<void>((r) => {
    open = r
  })
  return { at, arrived: 0, open, opened }
}

async function signIn(url: string, username = 'admin'): Promise<Session> {
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  })
  const body = (await res.json()) as { csrfToken: string }
  return { url, cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: body.csrfToken }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * One officer's client: adds alert-list entries one after another, each with its own idempotency key, and sends
 * the same request with the same key again until it is acknowledged, as the web app's retry does.
 */
async function writer(s: Session, listId: string, n: number, seen: Seen, acknowledged: string[]) {
  for (let i = 0; i < WRITES_EACH; i++) {
    const held = seen.holds.find((h) => h.at === i)
    if (held) {
      held.arrived++
      await held.opened
    }
    const name = `WRITER${n} ENTRY${i}`
    const body = JSON.stringify({
      entry: { names: [name], category: 'suspected_trafficker', handling: 'Refer to secondary inspection.' },
      reason: 'Fault test under load',
    })
    for (let attempt = 0; attempt < MAX_TRIES && !seen.stopped; attempt++) {
      const res = await fetch(`${s.url}/api/watchlists/${listId}/persons`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: s.cookie,
          'x-csrf-token': s.csrf,
          'idempotency-key': `restart-w${n}-e${i}`,
        },
        body,
      }).catch(() => null)
      if (!res) {
        seen.unanswered++
        await pause(200)
        continue
      }
      if (res.status === 201 || res.status === 200) {
        acknowledged.push(name)
        break
      }
      const error = ((await res.json()) as { error?: { code: string } }).error
      seen.refusals.push({
        status: res.status,
        code: error?.code ?? '?',
        retryAfter: res.headers.get('retry-after'),
      })
      await pause(100)
    }
  }
}

/** Waits for a condition, bounded in tries; fails at once, with its output, if an API process died. */
async function until(what: string, test: () => Promise<boolean>, processes: RunningPassage[] = []) {
  for (let i = 0; i < 600; i++) {
    const dead = processes.find((p) => p.child.exitCode !== null)
    if (dead) throw new Error(`an API process died while waiting for ${what}:\n${dead.output()}`)
    if (await test()) return
    await pause(50)
  }
  throw new Error(`gave up waiting for ${what}`)
}

async function post(s: Session, path: string, body: unknown) {
  return fetch(`${s.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: JSON.stringify(body),
  })
}

async function addEntry(s: Session, listId: string, name: string) {
  const res = await post(s, `/api/watchlists/${listId}/persons`, {
    entry: { names: [name], category: 'suspected_trafficker', handling: 'Refer to secondary inspection.' },
    reason: 'Restore test',
  })
  expect(res.status).toBe(201)
}

async function hits(s: Session, name: string) {
  const res = await post(s, '/api/screening/screen', { person: { name } })
  expect(res.status).toBe(201)
  return ((await res.json()) as { hits: unknown[] }).hits.length
}

describe.runIf(canStartPostgres())(
  'API processes when PostgreSQL goes away or is restored under them',
  () => {
    let cluster: ThrowawayPostgres
    const processes: RunningPassage[] = []
    const holds = { terminate: hold(HOLD_BEFORE.terminate), stop: hold(HOLD_BEFORE.stop) }
    const seen: Seen = { refusals: [], unanswered: 0, holds: Object.values(holds) }
    beforeAll(async () => {
      cluster = await startThrowawayPostgres()
      const env = { DATABASE_URL: cluster.url, DEMO_PASSWORD: PASSWORD, RATE_LIMIT_PER_MINUTE: '100000' }
      // One after the other: the first seeds the empty database.
      processes.push(await spawnPassage(env))
      processes.push(await spawnPassage(env))
    }, 240_000)
    afterAll(async () => {
      seen.stopped = true
      for (const h of seen.holds) h.open()
      for (const p of processes) {
        if (p.child.exitCode !== null) continue
        p.child.kill('SIGTERM')
        await new Promise((r) => p.child.once('exit', r))
      }
      await cluster?.stop()
    })

    it('stay up through a fast restart, a terminated transaction and a stop, answer 503 meanwhile, lose and duplicate nothing', async () => {
      const sessions = await Promise.all(processes.map((p) => signIn(p.url)))
      const created = await fetch(`${sessions[0]!.url}/api/watchlists`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: sessions[0]!.cookie,
          'x-csrf-token': sessions[0]!.csrf,
        },
        body: JSON.stringify({ name: 'Fault test', ownerAgency: 'GDI', kind: 'mixed', reason: 'Fault test' }),
      })
      expect(created.status).toBe(201)
      const listId = ((await created.json()) as { id: string }).id

      const acknowledged: string[] = []
      // Two writers on each API process.
      const writing = Promise.all(
        Array.from({ length: WRITERS }, (_, n) => writer(sessions[n % 2]!, listId, n, seen, acknowledged)),
      )

      const admin = async <T>(work: (c: pg.Client) => Promise<T>) => {
        const c = new pg.Client({ connectionString: cluster.url })
        c.on('error', () => {})
        await c.connect()
        try {
          return await work(c)
        } finally {
          await c.end().catch(() => {})
        }
      }

      // 1. A fast restart while the writers are busy: every connection of both processes is cut mid-work.
      await until('the first writes', async () => acknowledged.length >= WRITERS, processes)
      cluster.control('restart')

      // 2. A backend terminated inside a transaction: hold the screening row so the writers' transactions queue on
      // it, then end those backends while they wait. The writers wait for the row to be held first: written freely,
      // their last entries can all be in before it is, and then no transaction would be there to end.
      await until(
        'the writers before the terminate',
        async () => holds.terminate.arrived === WRITERS,
        processes,
      )
      const terminated = await admin(async (c) => {
        await c.query('BEGIN')
        await c.query('SELECT version FROM screening_state WHERE id = 1 FOR UPDATE')
        holds.terminate.open()
        let pids: number[] = []
        await until('a writer waiting inside its transaction', async () => {
          // Inside a transaction PostgreSQL answers pg_stat_activity from the snapshot of its first read: without
          // clearing it, a first look taken before the writers queued would be seen again and again.
          await c.query('SELECT pg_stat_clear_snapshot()')
          const { rows } = await c.query(
            `SELECT pid FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid()
             AND wait_event_type = 'Lock' AND xact_start IS NOT NULL`,
          )
          pids = rows.map((r) => r.pid as number)
          return pids.length > 0
        })
        for (const pid of pids) await c.query('SELECT pg_terminate_backend($1)', [pid])
        await c.query('ROLLBACK')
        return pids.length
      })
      expect(terminated).toBeGreaterThan(0)

      // 3. The database stopped for a while: both processes say so, and refuse writes with a retryable error.
      await until('the writers before the stop', async () => holds.stop.arrived === WRITERS, processes)
      cluster.control('stop')
      holds.stop.open()
      try {
        for (const p of processes) {
          const health = await fetch(`${p.url}/api/health`)
          expect(health.status).toBe(503)
          expect(await health.json()).toEqual({ status: 'unavailable', database: 'down' })
          expect(health.headers.get('retry-after')).toBeTruthy()
        }
        const refused = await fetch(`${sessions[1]!.url}/api/watchlists`, {
          headers: { cookie: sessions[1]!.cookie, 'accept-language': 'km' },
        })
        expect(refused.status).toBe(503)
        expect(refused.headers.get('retry-after')).toBeTruthy()
        const { error } = (await refused.json()) as { error: { code: string; message: string } }
        expect(error.code).toBe('service_unavailable')
        expect(error.message).toMatch(/[\u1780-\u17FF]/)
      } finally {
        cluster.control('start')
      }

      await writing
      // The processes never went away: every request had an HTTP answer, and every refusal was a retryable 503.
      for (const p of processes) expect(p.child.exitCode, p.output()).toBeNull()
      for (const p of processes) expect(p.output()).not.toContain("Unhandled 'error' event")
      expect(seen.unanswered).toBe(0)
      expect(seen.refusals.length).toBeGreaterThan(0)
      for (const r of seen.refusals)
        expect(r).toEqual({ status: 503, code: 'service_unavailable', retryAfter: '2' })
      for (const p of processes) expect((await fetch(`${p.url}/api/health`)).status).toBe(200)

      // Every acknowledged write is there exactly once; nothing was written twice.
      expect(acknowledged).toHaveLength(WRITERS * WRITES_EACH)
      const { rows } = await admin((c) =>
        c.query<{ name: string; n: number }>(
          `SELECT names->>0 AS name, count(*)::int AS n FROM watchlist_persons WHERE list_id = $1 GROUP BY 1`,
          [listId],
        ),
      )
      const counts = new Map(rows.map((r) => [r.name, r.n]))
      expect(acknowledged.filter((name) => counts.get(name) !== 1)).toEqual([])
      expect(rows.filter((r) => r.n !== 1)).toEqual([])
      expect(rows).toHaveLength(WRITERS * WRITES_EACH)
    }, 300_000)

    it('flag a person listed after an older dump was restored under them, without a restart', async () => {
      const bin = findPostgresBin()!
      const run = (cmd: string, args: string[]) => {
        const res = spawnSync(join(bin, cmd), args, { encoding: 'utf8' })
        if (res.status !== 0) throw new Error(`${cmd} failed: ${res.stderr}`)
      }
      const dir = mkdtempSync(join(tmpdir(), 'passage-restore-'))
      const dump = join(dir, 'passage.dump')
      try {
        const admin = await signIn(processes[0]!.url)
        // Signed in before the dump, so the sessions survive the restore.
        const officers = await Promise.all(processes.map((p) => signIn(p.url, 'officer.poipet')))
        const created = await post(admin, '/api/watchlists', {
          name: 'Restore test',
          ownerAgency: 'GDI',
          kind: 'mixed',
          reason: 'Restore test',
        })
        const listId = ((await created.json()) as { id: string }).id
        await addEntry(admin, listId, 'KEO Dara')
        for (const o of officers) expect(await hits(o, 'KEO Dara')).toBe(1)
        run('pg_dump', ['-Fc', '-f', dump, '-d', cluster.url])

        await addEntry(admin, listId, 'NOV Sreyleak')
        for (const o of officers) expect(await hits(o, 'NOV Sreyleak')).toBe(1)

        // Restored with both processes running; the next entry reuses a version number both believe loaded.
        run('pg_restore', ['--clean', '--if-exists', '-d', cluster.url, dump])
        await addEntry(admin, listId, 'CHEA Sophal')
        for (const o of officers) expect(await hits(o, 'CHEA Sophal')).toBe(1)
        for (const o of officers) expect(await hits(o, 'NOV Sreyleak')).toBe(0)
        for (const p of processes) expect(p.child.exitCode, p.output()).toBeNull()
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }, 120_000)
  },
)

import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeLinks } from '../../cli/commands/post.ts'
import { evaluateLink } from '../../domain/offline/link-status.ts'
import { openStore, type Store } from '../../platform/db/database.ts'
import { migrateToLatest } from '../../platform/db/migrate.ts'
import {
  canStartPostgres,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../../platform/db/throwaway-postgres.ts'
import { withDatabase } from '../../test/global-setup.ts'
import { createOfflineDatabase, dropOfflineDatabase } from '../../test/offline-clusters.ts'
import { type RunningPassage, signInOver, spawnPassage, until } from '../../test/spawn-passage.ts'
import { returneeBody } from '../returns/returns.testing.ts'
import { initPost } from './init-post.ts'
import { readNodeLinks } from './link-facts.ts'
import { nationalSubscription } from './publications.ts'

// Not offline-post.test.ts's post: slot names are per cluster, and both files may run at once on the national one.
const POST = 'LAND-BAVET'
const nationalCluster = process.env.TEST_DATABASE_URL

/** The postmaster and every process it started, read from /proc before any dies (orphans are re-parented). */
function clusterProcesses(dataDir: string): number[] {
  const postmaster = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0])
  const children = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        // pid (comm) state ppid …: comm may hold spaces, so read after its closing parenthesis.
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8')
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster
      } catch {
        return false
      }
    })
    .map(Number)
  return [postmaster, ...children]
}

/** True once a killed process has gone (or is only a zombie left to reap): its shared memory is released. */
function gone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')
  } catch {
    return true
  }
}

/**
 * Kill -9 of the post server and of the post's PostgreSQL while the centre is applying the post's changes: every
 * registration the post server acknowledged (201) is on the post after crash recovery, and arrives at the centre
 * exactly once. Then the centre stays away past the post's WAL budget and `passage post status` names the lost slot.
 * The post cluster is this file's own (started here, so it can be killed and reconfigured without touching others'),
 * the national one is `TEST_DATABASE_URL`.
 */
describe.skipIf(!nationalCluster || !canStartPostgres())('a post crashing mid-sync', () => {
  let cluster: ThrowawayPostgres
  let nationalDb: { name: string; url: string }
  let national: Store
  let server: RunningPassage | undefined

  beforeAll(async () => {
    cluster = await startThrowawayPostgres()
    const admin = new pg.Client({ connectionString: cluster.url })
    await admin.connect()
    await admin.query('ALTER SYSTEM SET wal_level = logical')
    await admin.query('CREATE DATABASE passage_post')
    await admin.end()
    cluster.control('restart')
    const postUrl = withDatabase(cluster.url, 'passage_post')
    const post = await openStore({ databaseUrl: postUrl, poolSize: 2 })
    await migrateToLatest(post.db as never)
    nationalDb = await createOfflineDatabase(nationalCluster!, 'template', 'passage_crash_')
    national = await openStore({ databaseUrl: nationalDb.url, poolSize: 2 })
    await initPost({ nationalUrl: nationalDb.url, postUrl, postCode: POST })
    await until('the first copy', async () => {
      const { rows } = await sql<{ pending: number; users: number }>`
        SELECT (SELECT count(*) FROM pg_subscription_rel WHERE srsubstate <> 'r')::int AS pending,
          (SELECT count(*) FROM users)::int AS users`.execute(post.db)
      return rows[0]!.pending === 0 && rows[0]!.users > 0
    })
    await post.close()
    server = await spawnPassage({ DATABASE_URL: postUrl, DEMO: 'false' })
  }, 240_000)

  afterAll(async () => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL')
    await national?.close()
    if (nationalDb) await dropOfflineDatabase(nationalCluster!, nationalDb.name)
    await cluster?.stop()
  }, 120_000)

  it('loses nothing the post acknowledged, and duplicates nothing, through kill -9 of both', async () => {
    const { url } = server!
    const { cookie, csrfToken } = await signInOver(url, 'customs.bavet')
    const acknowledged: string[] = []
    let stop = false
    // The officers keep registering; each 201 is a promise to the returnee that the record exists.
    const writing = (async () => {
      for (let k = 0; !stop; k++) {
        const res = await fetch(`${url}/api/returns`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie,
            'x-csrf-token': csrfToken,
            'idempotency-key': `crash-test-${k}`,
          },
          body: JSON.stringify({ returnee: returneeBody({ givenLatin: `Crash${k}` }) }),
        }).catch(() => null)
        if (!res) return
        if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id)
        else throw new Error(`registration refused: ${res.status} ${await res.text()}`)
      }
    })()
    // Mid-sync: the centre has applied some of the post's registrations and more are being written.
    await until('the first registrations at the centre', async () => {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM returnees WHERE id = ANY(${[...acknowledged]}::uuid[])`.execute(
        national.db,
      )
      return rows[0]!.n > 0 && acknowledged.length >= 5
    })
    const pids = clusterProcesses(cluster.dataDir)
    server!.child.kill('SIGKILL')
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // Already gone: a backend that ended with its connection.
      }
    }
    stop = true
    await writing
    await until('every process of the post cluster gone', async () => pids.every(gone))
    // A power cut leaves no process behind; here the killed postmaster may stay a zombie (its parent is whoever
    // adopted it, which need not reap), and PostgreSQL refuses a lock file whose pid still exists. A reboot clears
    // that; removing the stale lock files does the same here.
    rmSync(join(cluster.dataDir, 'postmaster.pid'), { force: true })
    rmSync(join(dirname(cluster.dataDir), `.s.PGSQL.${cluster.port}.lock`), { force: true })
    const promised = [...acknowledged]
    expect(promised.length).toBeGreaterThanOrEqual(5)

    try {
      cluster.control('start')
    } catch (err) {
      // The server's own words on why it did not come back.
      throw new Error(`${err}\n${readFileSync(join(dirname(cluster.dataDir), 'log'), 'utf8').slice(-3000)}`)
    }
    const post = await openStore({ databaseUrl: withDatabase(cluster.url, 'passage_post'), poolSize: 2 })
    try {
      // Crash recovery kept every acknowledged commit on the post...
      const { rows: kept } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM returnees WHERE id = ANY(${promised}::uuid[])`.execute(post.db)
      expect(kept[0]!.n).toBe(promised.length)
    } finally {
      await post.close()
    }
    // ...and the subscription resumes from the slot's confirmed position: each arrives once at the centre.
    const arrived = await until('every acknowledged registration at the centre', async () => {
      const { rows } = await sql<{ id: string; n: number }>`
        SELECT id, count(*)::int AS n FROM returnees WHERE id = ANY(${promised}::uuid[]) GROUP BY id`.execute(
        national.db,
      )
      return rows.length === promised.length && rows
    })
    expect(arrived.every((r) => r.n === 1)).toBe(true)
  }, 300_000)

  it('names a slot lost to max_slot_wal_keep_size on the post, once the centre stayed away past the WAL budget', async () => {
    // The centre stops reading (its subscription disabled stands for a long outage); the post caps kept WAL at 1 MB.
    await sql`ALTER SUBSCRIPTION ${sql.raw(nationalSubscription(POST))} DISABLE`.execute(national.db)
    const admin = new pg.Client({ connectionString: cluster.url })
    await admin.connect()
    try {
      await admin.query(`ALTER SYSTEM SET max_slot_wal_keep_size = '1MB'`)
      await admin.query('SELECT pg_reload_conf()')
    } finally {
      await admin.end()
    }
    const post = await openStore({ databaseUrl: withDatabase(cluster.url, 'passage_post'), poolSize: 2 })
    try {
      const lost = await until('the slot lost', async () => {
        // A day of a busy post, in short: new WAL segments, then a checkpoint that removes the old ones.
        await sql`SELECT pg_switch_wal()`.execute(post.db)
        await sql`INSERT INTO offline_heartbeats (node, beat_at) VALUES (${`post:${POST}`}, now())
          ON CONFLICT (node) DO UPDATE SET beat_at = excluded.beat_at`.execute(post.db)
        await sql`SELECT pg_switch_wal()`.execute(post.db)
        await sql`CHECKPOINT`.execute(post.db)
        const s = evaluateLink((await readNodeLinks(post.db)).links[0]!.facts, new Date())
        return s.problems.some((p) => p.code === 'slot_lost') && s
      })
      expect(lost.problems.map((p) => p.code)).toContain('slot_lost')
      const { text, healthy } = describeLinks(await readNodeLinks(post.db))
      expect(healthy).toBe(false)
      expect(text).toContain('replication slot LOST (past max_slot_wal_keep_size)')
    } finally {
      await post.close()
    }
  }, 180_000)
})

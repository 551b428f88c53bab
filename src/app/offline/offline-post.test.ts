import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateLink } from '../../domain/offline/link-status.ts'
import { auditRowHash, GENESIS_HASH } from '../../platform/audit/audit-hash.ts'
import { sealPending } from '../../platform/audit/audit-sealer.ts'
import { openStore, type Store } from '../../platform/db/database.ts'
import { migrateToLatest } from '../../platform/db/migrate.ts'
import { type LinkProxy, startLinkProxy } from '../../test/link-proxy.ts'
import { createOfflineDatabase, dropLeftovers, dropOfflineDatabase } from '../../test/offline-clusters.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { decisionFor, inspect, passportMrz } from '../crossings/crossings.testing.ts'
import { register, returneeBody } from '../returns/returns.testing.ts'
import { createList, screen } from '../screening/screening.testing.ts'
import { beat } from './heartbeat.ts'
import { initPost } from './init-post.ts'
import { readNodeLinks } from './link-facts.ts'

const POST = 'LAND-POIPET'
const postCluster = process.env.TEST_POST_DATABASE_URL
const nationalCluster = process.env.TEST_DATABASE_URL

/** Polls until `check` holds: replication is asynchronous, so the outcome is awaited, never a duration. */
async function until<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  limitMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + limitMs
  for (;;) {
    const v = await check()
    if (v) return v
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

const count = async (db: Store['db'], query: ReturnType<typeof sql<{ n: number }>>) =>
  Number((await query.execute(db)).rows[0]!.n)

/** Admits a traveller at whichever server `c` signs in to, as the officer's screen does. */
async function admit(
  c: Awaited<ReturnType<TestApp['signIn']>>,
  passport: string,
  over: Record<string, unknown> = {},
) {
  const i = await inspect(c, passportMrz(passport))
  const res = await c.request('POST', '/api/crossings', {
    ...decisionFor(i, { purpose: 'tourism', transport: { kind: 'land' } }),
    permit: { type: 'tourist_visa', number: `V${passport}`, validUntil: '2099-01-01', permittedStayDays: 30 },
    ...over,
  })
  if (res.statusCode !== 201) throw new Error(`crossing failed: ${res.body}`)
  return res.json() as { id: string; travellerId: string }
}

describe.skipIf(!postCluster || !nationalCluster)('an offline post on real PostgreSQL clusters', () => {
  let nationalDb: { name: string; url: string }
  let postDb: { name: string; url: string }
  let national: TestApp
  let post: TestApp
  let toNational: LinkProxy
  let toPost: LinkProxy

  const cut = () => {
    toNational.cut()
    toPost.cut()
  }
  const restore = () => {
    toNational.restore()
    toPost.restore()
  }

  beforeAll(async () => {
    await dropLeftovers(nationalCluster!)
    await dropLeftovers(postCluster!)
    nationalDb = await createOfflineDatabase(nationalCluster!, 'template')
    postDb = await createOfflineDatabase(postCluster!, 'empty')
    const postStore = await openStore({ databaseUrl: postDb.url, poolSize: 5 })
    await migrateToLatest(postStore.db as never)

    const n = new URL(nationalDb.url)
    const p = new URL(postDb.url)
    toNational = await startLinkProxy({ host: n.hostname, port: Number(n.port) })
    toPost = await startLinkProxy({ host: p.hostname, port: Number(p.port) })
    const via = (url: URL, proxy: LinkProxy) => {
      const u = new URL(url)
      u.hostname = '127.0.0.1'
      u.port = String(proxy.port)
      return u.toString()
    }
    await initPost({
      nationalUrl: nationalDb.url,
      postUrl: postDb.url,
      postCode: POST,
      nationalFromPost: via(n, toNational),
      postFromNational: via(p, toPost),
    })
    // The post's first copy brings the users it signs in with.
    await until('the first copy', async () => {
      const { rows } = await sql<{ pending: number }>`
        SELECT count(*) FILTER (WHERE srsubstate <> 'r')::int AS pending FROM pg_subscription_rel`.execute(
        postStore.db,
      )
      return rows[0]!.pending === 0 && (await count(postStore.db, sql`SELECT count(*) AS n FROM users`)) > 0
    })
    national = await createTestApp(
      'postgres',
      {},
      await openStore({ databaseUrl: nationalDb.url, poolSize: 5 }),
    )
    post = await createTestApp('postgres', {}, postStore)
  }, 180_000)

  afterAll(async () => {
    await post?.close()
    await national?.close()
    await toNational?.close()
    await toPost?.close()
    if (postDb) await dropOfflineDatabase(postCluster!, postDb.name)
    if (nationalDb) await dropOfflineDatabase(nationalCluster!, nationalDb.name)
  }, 120_000)

  it('records crossings, registrations and audit entries with the link down; each arrives once when it returns', async () => {
    const officer = await post.signIn('officer.poipet')
    await beat(national.store.db)
    cut()
    const down = await until('the post to see the link down', async () => {
      const s = evaluateLink((await readNodeLinks(post.store.db)).links[0]!.facts, new Date())
      return !s.up && s
    })
    expect(down.problems.map((p) => p.code)).toContain('link_down')

    const statsBefore = await count(
      national.store.db,
      sql`SELECT coalesce(sum(count), 0) AS n FROM stat_crossings_now WHERE post_code = ${POST}`,
    )
    const crossings = []
    for (let k = 0; k < 4; k++) crossings.push(await admit(officer, `OFF00${k}`))
    const returnee = await register(
      officer,
      returneeBody({ givenLatin: 'Offline' }),
      {},
      'offline-returnee-1',
    )
    expect(returnee.statusCode).toBe(201)
    // Nothing refused for the dead link; the post's own sealer chains its audit entries.
    await sealPending(post.store.db)
    const ids = crossings.map((c) => c.id)

    restore()
    await until('the crossings at the centre', async () => {
      const n = await count(
        national.store.db,
        sql`SELECT count(*) AS n FROM crossings WHERE id = ANY(${ids}::uuid[])`,
      )
      return n === ids.length
    })
    await until('the returnee at the centre', async () =>
      count(national.store.db, sql`SELECT count(*) AS n FROM returnees WHERE id = ${returnee.json().id}`),
    )
    // Exactly once, and counted once in the centre's statistics (apply fires row triggers only).
    const rows = await sql<{ id: string; n: number }>`
      SELECT id, count(*)::int AS n FROM crossings WHERE id = ANY(${ids}::uuid[]) GROUP BY id`.execute(
      national.store.db,
    )
    expect(rows.rows.map((r) => r.n)).toEqual([1, 1, 1, 1])
    expect(
      await count(
        national.store.db,
        sql`SELECT coalesce(sum(count), 0) AS n FROM stat_crossings_now WHERE post_code = ${POST}`,
      ),
    ).toBe(statsBefore + 4)

    // The post's audit partition arrives whole, and its hash chain verifies at the centre.
    const postSealed = await count(
      post.store.db,
      sql`SELECT count(*) AS n FROM audit_log WHERE pos IS NOT NULL`,
    )
    const partition = await until('the audit partition', async () => {
      const { rows: entries } = await sql<{
        pos: number
        seq: number
        at: Date
        actor_id: string | null
        actor_username: string | null
        action: string
        resource: string
        record_id: string | null
        ip: string | null
        details: unknown
        prev_hash: string
        hash: string
      }>`SELECT * FROM offline_audit_entries WHERE post_code = ${POST} ORDER BY pos`.execute(
        national.store.db,
      )
      return entries.length === postSealed && entries
    })
    let prev = GENESIS_HASH
    for (const e of partition) {
      expect(e.prev_hash).toBe(prev)
      expect(auditRowHash(prev, e)).toBe(e.hash)
      prev = e.hash
    }
    expect(partition.some((e) => e.action.includes('crossing') || e.resource.includes('crossing'))).toBe(true)
  }, 180_000)
})

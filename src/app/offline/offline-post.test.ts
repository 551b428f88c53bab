import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateLink } from '../../domain/offline/link-status.ts'
import { type AuditRow, auditRowHash, GENESIS_HASH } from '../../platform/audit/audit-hash.ts'
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
import { nationalSlot, nationalSubscription, POST_SLOT, POST_SUBSCRIPTION } from './publications.ts'

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

/** How one server reaches the other: through the relay standing for the VPN. */
function via(url: URL, proxy: LinkProxy): string {
  const u = new URL(url)
  u.hostname = '127.0.0.1'
  u.port = String(proxy.port)
  return u.toString()
}

describe.skipIf(!postCluster || !nationalCluster)('an offline post on real PostgreSQL clusters', () => {
  let nationalDb: { name: string; url: string }
  let postDb: { name: string; url: string }
  let national: TestApp
  let post: TestApp
  let toNational: LinkProxy
  let toPost: LinkProxy
  /** The new machine of the last test, set up again after the first one "died". */
  let newPostDb: { name: string; url: string } | undefined
  let newPost: TestApp | undefined

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
    // The template's demo conflicts: the queue here holds only what these tests create.
    await sql`DELETE FROM offline_conflicts`.execute(national.store.db)
  }, 180_000)

  afterAll(async () => {
    await newPost?.close()
    if (newPostDb) await dropOfflineDatabase(postCluster!, newPostDb.name)
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
      const { rows: entries } = await sql<
        AuditRow & { pos: number; prev_hash: string; hash: string }
      >`SELECT * FROM offline_audit_entries WHERE post_code = ${POST} ORDER BY pos`.execute(national.store.db)
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

  /** The centre's heartbeat, written now and awaited at the post: the post's copy is complete up to it. */
  async function heardFromCentre() {
    await beat(national.store.db)
    const { rows } = await sql<{
      at: Date
    }>`SELECT beat_at AS at FROM offline_heartbeats WHERE node = 'national'`.execute(national.store.db)
    await until('the centre heartbeat at the post', async () => {
      const r = await sql<{
        at: Date
      }>`SELECT beat_at AS at FROM offline_heartbeats WHERE node = 'national'`.execute(post.store.db)
      return r.rows[0]?.at.getTime() === rows[0]!.at.getTime()
    })
  }

  it('brings an alert added at the centre during the outage down to the post: later screenings hit it, and the traveller admitted meanwhile raises a retrospective alert', async () => {
    const officer = await post.signIn('officer.poipet')
    const investigator = await national.signIn('investigator')
    await heardFromCentre()
    cut()
    const admitted = await admit(officer, 'RETRO01')
    const list = await createList(investigator)
    const entry = await investigator.request('POST', `/api/watchlists/${list.id}/documents`, {
      entry: { issuingState: 'THA', number: 'RETRO01', status: 'stolen', handling: 'Seize the document' },
      reason: 'Reported stolen after the traveller crossed',
    })
    expect(entry.statusCode).toBe(201)
    // Before the link returns the post knows nothing of it.
    expect(
      (
        await screen(officer, {
          person: { name: 'Nobody Known' },
          document: { issuingState: 'THA', number: 'RETRO01' },
        })
      ).hits,
    ).toEqual([])

    restore()
    const alert = await until('the retrospective alert at the post', async () => {
      const { rows } = await sql<{ crossing_id: string; owner_agency: string; entry_kind: string }>`
        SELECT crossing_id, owner_agency, entry_kind FROM offline_retro_alerts`.execute(post.store.db)
      return rows.length > 0 && rows
    })
    expect(alert).toEqual([{ crossing_id: admitted.id, owner_agency: 'NPC', entry_kind: 'document' }])
    // The post chief's and the owning agency's copy: the alert is the post's row, sent to the centre like the rest.
    await until('the retrospective alert at the centre', async () =>
      count(
        national.store.db,
        sql`SELECT count(*) AS n FROM offline_retro_alerts WHERE crossing_id = ${admitted.id}`,
      ),
    )
    const later = await screen(officer, {
      person: { name: 'Nobody Known' },
      document: { issuingState: 'THA', number: 'RETRO01' },
    })
    expect(later.hits.map((h) => h.kind)).toEqual(['document'])
  }, 180_000)

  it('queues the conflicts the world creates for a supervisor, side by side, and keeps both links applying', async () => {
    const atPost = await post.signIn('officer.poipet')
    const atBavet = await national.signIn('customs.bavet')
    cut()
    const there = await admit(atBavet, 'TWICE01')
    const here = await admit(atPost, 'TWICE01')
    const body = returneeBody({ givenLatin: 'Twice', phone: '012 999 111' })
    expect((await register(atBavet, body, {}, 'twice-bavet')).statusCode).toBe(201)
    expect((await register(atPost, body, {}, 'twice-post')).statusCode).toBe(201)

    restore()
    const conflicts = await until('both conflicts at the centre', async () => {
      const { rows } = await sql<{
        kind: string
        post_codes: string[]
        facts: Record<string, { postCode: string }>
      }>`
        SELECT kind, post_codes, facts FROM offline_conflicts ORDER BY kind`.execute(national.store.db)
      return rows.length === 2 && rows
    })
    expect(conflicts.map((c) => [c.kind, c.post_codes])).toEqual([
      ['double_entry', ['LAND-BAVET', POST]],
      ['returnee_two_posts', ['LAND-BAVET', POST]],
    ])
    expect(conflicts[0]!.facts).toMatchObject({
      recorded: { crossingId: there.id, postCode: 'LAND-BAVET', direction: 'entry' },
      arrived: { crossingId: here.id, postCode: POST, direction: 'entry' },
    })
    // The supervisor sees who it is about on both sides, read from the two crossings themselves.
    const supervisor = await national.signIn('supervisor.poipet')
    const queue = (await supervisor.request('GET', '/api/offline/conflicts')).json() as {
      kind: string
      sides: Record<string, { documentNumber: string | null; name: string | null }>
    }[]
    const double = queue.find((c) => c.kind === 'double_entry')!
    expect(double.sides.recorded!.documentNumber).toBe('TWICE01')
    expect(double.sides.arrived!.documentNumber).toBe('TWICE01')
    expect(double.sides.arrived!.name).toBe(double.sides.recorded!.name)
    expect(queue.find((c) => c.kind === 'returnee_two_posts')!.sides.arrived!.name).toContain('Twice')
    // Both crossings kept, on one traveller, in one chain; the post has the Bavet entry in its history too.
    const { rows } = await sql<{ traveller_id: string; previous_admitted_id: string | null }>`
      SELECT traveller_id, previous_admitted_id FROM crossings WHERE id IN (${there.id}, ${here.id})
      ORDER BY previous_admitted_id NULLS FIRST`.execute(national.store.db)
    expect(new Set(rows.map((r) => r.traveller_id)).size).toBe(1)
    expect(rows[1]!.previous_admitted_id).toBe(there.id)
    await until('the Bavet entry at the post', async () =>
      count(post.store.db, sql`SELECT count(*) AS n FROM crossings WHERE id = ${there.id}`),
    )
    for (const db of [post.store.db, national.store.db]) {
      const links = await readNodeLinks(db)
      expect(links.links.map((l) => l.facts.subscription?.enabled)).toEqual([true])
    }
  }, 180_000)

  it('reports a transaction that cannot be applied, and applies it once when an operator removes the cause', async () => {
    const officer = await post.signIn('officer.poipet')
    cut()
    const registered = await register(
      officer,
      returneeBody({ givenLatin: 'Blocked', phone: '012 888 222' }),
      {},
      'blocked-1',
    )
    expect(registered.statusCode).toBe(201)
    const id = registered.json().id as string
    // Someone breaks the one-writer rule at the centre: a row under the post's id, written by hand.
    await sql`INSERT INTO returnees SELECT * FROM json_populate_record(NULL::returnees, ${JSON.stringify({
      id,
      post_code: POST,
      registered_at: new Date().toISOString(),
      registered_on: '2026-01-01',
      registered_by: (
        await sql<{ id: string }>`SELECT id FROM users WHERE username = 'officer.poipet'`.execute(
          national.store.db,
        )
      ).rows[0]!.id,
      agency_code: 'GDI',
      family_latin: 'Hand',
      nationality: 'KHM',
      return_type: 'other',
      triage_flags: [],
      needs: [],
    })}::json)`.execute(national.store.db)
    await beat(post.store.db)
    restore()
    const failing = await until('the apply error at the centre', async () => {
      const link = (await readNodeLinks(national.store.db)).links[0]!
      const s = evaluateLink(link.facts, new Date(), {
        downAfterSeconds: 1,
        staleAfterMinutes: 60,
        skewSeconds: 120,
      })
      return s.problems.some((p) => p.code === 'apply_failing') && s
    })
    expect(failing.problems.find((p) => p.code === 'apply_failing')).toMatchObject({
      applyErrors: expect.any(Number),
    })
    // The runbook: remove the hand-made row; the waiting transaction then applies, once.
    await sql`DELETE FROM returnees WHERE id = ${id}`.execute(national.store.db)
    const arrived = await until("the post's returnee at the centre", async () => {
      const { rows } = await sql<{
        family_latin: string
      }>`SELECT family_latin FROM returnees WHERE id = ${id}`.execute(national.store.db)
      return rows.length === 1 && rows[0]!.family_latin !== 'Hand' && rows
    })
    expect(arrived).toEqual([{ family_latin: 'Ouch' }])
  }, 180_000)
  it('sets a dead post up again on a new empty database as docs/offline-post.md §7 says: both first copies complete, and its records reach the centre', async () => {
    // The old machine is gone: its subscription is dropped without reaching the centre (here, for the test only).
    for (const q of ['DISABLE', 'SET (slot_name = NONE)'])
      await sql.raw(`ALTER SUBSCRIPTION ${POST_SUBSCRIPTION} ${q}`).execute(post.store.db)
    await sql.raw(`DROP SUBSCRIPTION ${POST_SUBSCRIPTION}`).execute(post.store.db)
    // §7 at the centre, as written.
    const sub = nationalSubscription(POST)
    await sql.raw(`ALTER SUBSCRIPTION ${sub} DISABLE`).execute(national.store.db)
    await sql.raw(`ALTER SUBSCRIPTION ${sub} SET (slot_name = NONE)`).execute(national.store.db)
    await sql.raw(`DROP SUBSCRIPTION ${sub}`).execute(national.store.db)
    await until('the old post slot dropped', async () => {
      const r = await sql<{
        active: boolean
      }>`SELECT active FROM pg_replication_slots WHERE slot_name = ${nationalSlot(POST)}
        AND database = current_database()`.execute(national.store.db)
      if (r.rows.length === 0) return true
      if (!r.rows[0]!.active)
        await sql`SELECT pg_drop_replication_slot(${nationalSlot(POST)})`.execute(national.store.db)
      return false
    })

    // Slot names are per cluster, and the new machine here shares the old one's cluster: its slot goes with it.
    await until('the old machine slot dropped', async () => {
      const r = await sql<{
        active: boolean
      }>`SELECT active FROM pg_replication_slots WHERE slot_name = ${POST_SLOT}
        AND database = current_database()`.execute(post.store.db)
      if (r.rows.length === 0) return true
      if (!r.rows[0]!.active) await sql`SELECT pg_drop_replication_slot(${POST_SLOT})`.execute(post.store.db)
      return false
    })
    newPostDb = await createOfflineDatabase(postCluster!, 'empty')
    const store = await openStore({ databaseUrl: newPostDb.url, poolSize: 5 })
    await migrateToLatest(store.db as never)
    const n = new URL(nationalDb.url)
    const p = new URL(newPostDb.url)
    await initPost({
      nationalUrl: nationalDb.url,
      postUrl: newPostDb.url,
      postCode: POST,
      nationalFromPost: via(n, toNational),
      postFromNational: via(p, toPost),
    })
    const synced = (db: Store['db']) =>
      count(db, sql`SELECT count(*) FILTER (WHERE srsubstate <> 'r') AS n FROM pg_subscription_rel`).then(
        (x) => x === 0,
      )
    await until('the first copy at the new post', async () => synced(store.db))
    // The centre's first copy of the new post includes its heartbeat row, which the old post's row must not block.
    await until('the first copy at the centre', async () => synced(national.store.db))
    newPost = await createTestApp('postgres', {}, store)
    await beat(newPost.store.db)
    const { rows: beats } = await sql<{ at: Date }>`
      SELECT beat_at AS at FROM offline_heartbeats WHERE node = ${`post:${POST}`}`.execute(newPost.store.db)
    await until("the new post's heartbeat at the centre", async () => {
      const r = await sql<{ at: Date }>`
        SELECT beat_at AS at FROM offline_heartbeats WHERE node = ${`post:${POST}`}`.execute(
        national.store.db,
      )
      return r.rows[0]?.at.getTime() === beats[0]!.at.getTime()
    })
    const officer = await newPost.signIn('officer.poipet')
    const crossing = await admit(officer, 'AGAIN01')
    await until("the new machine's crossing at the centre", async () =>
      count(national.store.db, sql`SELECT count(*) AS n FROM crossings WHERE id = ${crossing.id}`),
    )
    const status = evaluateLink((await readNodeLinks(newPost.store.db)).links[0]!.facts, new Date())
    expect(status.problems.map((x) => x.code)).not.toContain('restored_from_backup')
  }, 180_000)
})

/**
 * Issue 18: an offline post's records reaching the centre through PostgreSQL logical replication. Two throwaway
 * clusters with `wal_level = logical`, set up by `passage post init`'s own code.
 *
 * - `offline-catch-up-24h`: a busy post's day (BENCH_OFFLINE_CROSSINGS crossings, default 20,000, each with its
 *   traveller and document, and a tenth as many returnees, in transactions of 100 crossings and 10 returnees) is
 *   written at the post while the centre's subscription is disabled (the outage: the post's slot keeps the WAL); the
 *   figure is the seconds from re-enabling it until every row is at the centre. Baseline: `COPY` of the same rows
 *   into a copy of the national database (the same triggers, indexes and constraints). The log lines give the
 *   apply triggers' own time (`track_functions`), the part of the catch-up the COPY does not pay row by row.
 * - `offline-replication-lag-p99`: with the link up, single-crossing transactions at the post, each awaited at the
 *   centre (polled every 2 ms); baseline: the same transaction's commit at the post itself.
 */
import { performance } from 'node:perf_hooks'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { from as copyFrom, to as copyTo } from 'pg-copy-streams'
import { initPost } from '../src/app/offline/init-post.ts'
import { nationalSubscription } from '../src/app/offline/publications.ts'
import { seed } from '../src/app/seed.ts'
import { openStore } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { startThrowawayPostgres, type ThrowawayPostgres } from '../src/platform/db/throwaway-postgres.ts'
import type { BenchArea, Figure } from './lib/types.ts'

const POST = 'LAND-POIPET'
const CROSSINGS = Number(process.env.BENCH_OFFLINE_CROSSINGS ?? 20_000)
const LAG_SAMPLES = Number(process.env.BENCH_OFFLINE_LAG_SAMPLES ?? 200)
const TABLES = ['travellers', 'travel_documents', 'crossings', 'returnees'] as const

async function logicalCluster(): Promise<ThrowawayPostgres> {
  const pgc = await startThrowawayPostgres()
  const c = new pg.Client({ connectionString: pgc.url })
  await c.connect()
  await c.query(`ALTER SYSTEM SET wal_level = 'logical'`)
  await c.end()
  pgc.control('restart')
  return pgc
}

async function client(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  return c
}

const withDb = (url: string, db: string) => {
  const u = new URL(url)
  u.pathname = `/${db}`
  return u.toString()
}

/** `n` crossings (with travellers and documents) and n/10 returnees at the post, 100 crossings a transaction. */
const BATCH = `
  WITH officer AS (SELECT id FROM users WHERE username = 'officer.poipet'),
  t AS (INSERT INTO travellers (id, surname, given_names, birth_date, sex, nationality)
    SELECT gen_random_uuid(), 'BENCH', 'T' || g, '1990-01-01', 'F', 'THA' FROM generate_series(1, $1) g RETURNING id),
  d AS (INSERT INTO travel_documents (id, traveller_id, issuing_state, document_code, document_number, source,
      surname, given_names, first_seen_at, first_seen_post, last_seen_at, last_seen_post, read_count, created_by)
    SELECT gen_random_uuid(), t.id, 'THA', 'P', 'B' || replace(t.id::text, '-', ''), 'manual', 'BENCH', 'T', now(),
      '${POST}', now(), '${POST}', 1, officer.id FROM t, officer RETURNING id, traveller_id)
  INSERT INTO crossings (id, traveller_id, document_id, post_code, counter, officer_id, agency_code, crossed_at,
    crossed_on, direction, decision, flags)
  SELECT gen_random_uuid(), d.traveller_id, d.id, '${POST}', 'A1', officer.id, 'GDI', now(),
    to_char(now(), 'YYYY-MM-DD'), 'entry', 'admit', '[]' FROM d, officer`

const RETURNEES = `
  INSERT INTO returnees (id, post_code, registered_at, registered_on, registered_by, agency_code, family_latin,
    given_latin, return_type)
  SELECT gen_random_uuid(), '${POST}', now(), to_char(now(), 'YYYY-MM-DD'), u.id, 'GDI', 'Bench', 'R' || g, 'spontaneous'
  FROM generate_series(1, $1) g, (SELECT id FROM users WHERE username = 'officer.poipet') u`

async function countAtCentre(c: pg.Client): Promise<number> {
  const r = await c.query(
    `SELECT (SELECT count(*) FROM crossings WHERE post_code = $1) + (SELECT count(*) FROM returnees WHERE post_code = $1) AS n`,
    [POST],
  )
  return Number(r.rows[0].n)
}

const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.99) - 1]!

const offline: BenchArea = {
  area: 'offline',
  async run(ctx) {
    const centre = await logicalCluster()
    const postCluster = await logicalCluster()
    try {
      const admin = await client(centre.url)
      await admin.query('CREATE DATABASE passage')
      const nationalUrl = withDb(centre.url, 'passage')
      const store = await openStore({ databaseUrl: nationalUrl, poolSize: 2 })
      await migrateToLatest(store.db as never)
      await seed({ db: store.db, demo: true, demoPassword: 'bench-password-1' })
      await store.close()
      // The COPY baseline's target: the same national database, before any replication.
      await admin.query('CREATE DATABASE passage_copy TEMPLATE passage')
      await admin.end()
      const pAdmin = await client(postCluster.url)
      await pAdmin.query('CREATE DATABASE passage')
      await pAdmin.end()
      const postUrl = withDb(postCluster.url, 'passage')
      const postStore = await openStore({ databaseUrl: postUrl, poolSize: 2 })
      await migrateToLatest(postStore.db as never)
      await postStore.close()
      await initPost({ nationalUrl, postUrl, postCode: POST })

      const nat = await client(nationalUrl)
      const post = await client(postUrl)
      // Wait for the first copy (users) at the post.
      for (;;) {
        const r = await post.query(
          `SELECT (SELECT count(*) FROM pg_subscription_rel WHERE srsubstate <> 'r') AS pending, (SELECT count(*) FROM users) AS users`,
        )
        if (Number(r.rows[0].pending) === 0 && Number(r.rows[0].users) > 0) break
        await new Promise((r) => setTimeout(r, 200))
      }

      // The outage: the centre stops reading the post's slot.
      await nat.query(`ALTER SUBSCRIPTION ${nationalSubscription(POST)} DISABLE`)
      ctx.log(
        `offline: writing ${CROSSINGS} crossings and ${CROSSINGS / 10} returnees at the post, link down`,
      )
      for (let done = 0; done < CROSSINGS; done += 100) {
        await post.query('BEGIN')
        await post.query(BATCH, [Math.min(100, CROSSINGS - done)])
        await post.query(RETURNEES, [Math.min(10, (CROSSINGS - done) / 10)])
        await post.query('COMMIT')
      }
      const expected = CROSSINGS + CROSSINGS / 10
      // The apply side's profile: time spent in each trigger function the apply worker fires (track_functions).
      await nat.query(`ALTER SYSTEM SET track_functions = 'all'`)
      await nat.query('SELECT pg_reload_conf()')
      await nat.query('SELECT pg_stat_reset()')
      const t0 = performance.now()
      await nat.query(`ALTER SUBSCRIPTION ${nationalSubscription(POST)} ENABLE`)
      while ((await countAtCentre(nat)) < expected) await new Promise((r) => setTimeout(r, 100))
      const catchUp = (performance.now() - t0) / 1000
      ctx.log(`offline: caught up in ${catchUp.toFixed(1)} s`)
      await new Promise((r) => setTimeout(r, 1000)) // the apply worker reports its function counts when idle
      const functions = await nat.query(`SELECT funcname, calls, round(self_time)::int AS ms
        FROM pg_stat_user_functions WHERE calls > 0 ORDER BY self_time DESC LIMIT 6`)
      ctx.log(
        `offline: apply triggers (self ms / calls): ${functions.rows.map((f) => `${f.funcname} ${f.ms}/${f.calls}`).join(', ')}`,
      )

      // Baseline: COPY of the same rows into the national database's copy.
      const copyUrl = withDb(centre.url, 'passage_copy')
      const target = await client(copyUrl)
      const source = await client(postUrl)
      const t1 = performance.now()
      await target.query('BEGIN')
      for (const table of TABLES) {
        const where =
          table === 'travellers'
            ? `origin_post = '${POST}'`
            : table === 'travel_documents'
              ? `first_seen_post = '${POST}'`
              : `post_code = '${POST}'`
        const columns = (await source.query(`SELECT * FROM ${table} LIMIT 0`)).fields
          .map((f) => f.name)
          .join(', ')
        await pipeline(
          source.query(copyTo(`COPY (SELECT ${columns} FROM ${table} WHERE ${where}) TO STDOUT`)),
          target.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`)),
        )
      }
      await target.query('COMMIT')
      const copySeconds = (performance.now() - t1) / 1000
      await target.end()
      await source.end()

      // Lag: one crossing a transaction, each awaited at the centre.
      const lags: number[] = []
      const commits: number[] = []
      for (let k = 0; k < LAG_SAMPLES; k++) {
        const before = await countAtCentre(nat)
        const s = performance.now()
        await post.query('BEGIN')
        await post.query(BATCH, [1])
        await post.query('COMMIT')
        commits.push(performance.now() - s)
        while ((await countAtCentre(nat)) === before) await new Promise((r) => setTimeout(r, 2))
        lags.push(performance.now() - s)
      }
      await nat.end()
      await post.end()
      const figures: Figure[] = [
        {
          area: 'offline',
          name: 'offline-catch-up-24h',
          unit: 's',
          value: catchUp,
          baseline: `COPY of the same ${expected} rows (+ travellers, documents) into the national database`,
          baselineValue: copySeconds,
          better: 'lower',
        },
        {
          area: 'offline',
          name: 'offline-replication-lag-p99',
          unit: 'ms',
          value: p99(lags),
          baseline: 'the same transaction committed at the post itself (p99)',
          baselineValue: p99(commits),
          better: 'lower',
        },
      ]
      return figures
    } finally {
      // Subscriptions first: a cluster stopping under a connected walsender waits for it.
      for (const [url, sub] of [
        [withDb(postCluster.url, 'passage'), 'passage_national'],
        [withDb(centre.url, 'passage'), nationalSubscription(POST)],
      ] as const) {
        const c = await client(url).catch(() => undefined)
        await c?.query(`DROP SUBSCRIPTION IF EXISTS ${sub}`).catch(() => {})
        await c?.end()
      }
      await postCluster.stop()
      await centre.stop()
    }
  },
}

export default offline

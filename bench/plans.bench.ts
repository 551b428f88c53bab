/**
 * Plans bench: the plan dashboard (every indicator of the illustrative plan, live ones by quarter and by year over
 * the plan's five years, with disclosure control as a national reader without microdata access sees it) over
 * synthetic records on PostgreSQL: `BENCH_PLANS_CROSSINGS` crossings (default 200,000; 10,000,000 is the issue's
 * scale), seeded through the COPY path of `passage seed --crossings`, a twentieth as many returnees and a tenth
 * as many document examinations, both spread over the plan's years already begun (2024 to today). The live plan
 * indicators read the returnees', examinations', hits' and referrals' monthly rollups (migration 0033) and the
 * protection and training records, never the crossings; hits and protection records are not synthesised here,
 * so those indicators read empty sources. Beside it, the same figures as plain GROUP BYs over the raw rows, no
 * disclosure control. `BENCH_PLANS_KEEP=1` keeps the database so a second run skips seeding.
 * `BENCH_PLANS_DATABASE_URL` measures an existing database instead (one seeded once with
 * `passage seed --crossings 10000000`, say): it is never dropped; the demo plan, the returnees and the examinations
 * are added once if missing (scaled to the crossings it holds), and the scale measured is printed beside the figure.
 */

import { sql } from 'kysely'
import { seedTraffic } from '../src/app/crossings/seed-traffic.ts'
import { foldPlanSources } from '../src/app/plans/fold-plan-sources.ts'
import { planDashboard } from '../src/app/plans/plan-dashboard.ts'
import { seedDemoPlan } from '../src/app/plans/seed-plans.ts'
import { seed } from '../src/app/seed.ts'
import { openStore, type Store } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { keptBenchDatabase, READER, sizeLabel } from './lib/bench-database.ts'
import { percentile } from './lib/stats.ts'
import type { BenchArea, BenchContext } from './lib/types.ts'

const CROSSINGS = Number(process.env.BENCH_PLANS_CROSSINGS ?? 200_000)
const ROUNDS = Number(process.env.BENCH_PLANS_ROUNDS ?? 20)
const BENCH_DB = `passage_bench_plans_${CROSSINGS}`

async function benchStore(ctx: BenchContext): Promise<{ store: Store; fresh: boolean; url: string }> {
  const given = process.env.BENCH_PLANS_DATABASE_URL
  if (given) return { store: await openStore({ databaseUrl: given, poolSize: 4 }), fresh: false, url: given }
  const db = await keptBenchDatabase(await ctx.postgresUrl(), BENCH_DB, process.env.BENCH_PLANS_KEEP === '1')
  return { store: await openStore({ databaseUrl: db.url, poolSize: 4 }), fresh: db.fresh, url: db.url }
}

async function fill(store: Store, ctx: BenchContext, url: string): Promise<void> {
  await migrateToLatest(store.db as never)
  await seed({ db: store.db, demo: false })
  ctx.log(`seeding ${CROSSINGS.toLocaleString('en')} crossings through COPY…`)
  // Three years of traffic ending today: inside the plan's 2024–2028.
  await seedTraffic({ db: store.db, crossings: CROSSINGS, copyUrl: url })
}

async function liveRows(store: Store, table: 'crossings' | 'returnees' | 'document_examinations') {
  const row = await sql<{ n: string | null }>`
    SELECT n_live_tup AS n FROM pg_stat_user_tables WHERE relname = ${table}`.execute(store.db)
  return Number(row.rows[0]?.n ?? 0)
}

/**
 * What the plan's live indicators read besides the crossings, added once: the demo plan, returnees and
 * examinations in proportion to the crossings (a database from `passage seed --crossings` has neither).
 */
async function topUp(store: Store, ctx: BenchContext, crossings: number): Promise<void> {
  if (!(await store.db.selectFrom('plans').select('id').executeTakeFirst()))
    await store.db.transaction().execute((trx) => seedDemoPlan({ trx }))
  const seeded = await store.db
    .selectFrom('returnees')
    .select('id')
    .where('family_latin', '=', 'BENCH')
    .executeTakeFirst()
  if (seeded) return
  const returnees = Math.ceil(crossings / 20)
  const examinations = Math.ceil(crossings / 10)
  ctx.log(`${returnees.toLocaleString('en')} returnees, ${examinations.toLocaleString('en')} examinations…`)
  const officer = await store.db.selectFrom('users').select('id').limit(1).executeTakeFirstOrThrow()
  // Returnees at the land posts over the days since 1 January 2024, two in three with a need answered.
  await sql`
    INSERT INTO returnees (id, post_code, registered_at, registered_on, registered_by, agency_code, family_latin,
      given_latin, sex, estimated_age, return_type, triage_flags, needs)
    SELECT gen_random_uuid(), (ARRAY['LAND-POIPET', 'LAND-BAVET'])[1 + n % 2], d, to_char(d, 'YYYY-MM-DD'),
      ${officer.id}, 'GDI', 'BENCH', 'RETURNEE', (ARRAY['F', 'M'])[1 + n % 2], 18 + n % 40, 'spontaneous', '{}',
      CASE WHEN n % 3 = 0 THEN '{}'::text[] ELSE ARRAY['food'] END
    FROM (SELECT n, date '2024-01-01' + (n % (current_date - date '2024-01-01')) AS d
          FROM generate_series(1, ${returnees}) n) g`.execute(store.db)
  // Examinations of documents already seen, over the same days, three in eight with a finding.
  await sql`
    INSERT INTO document_examinations (id, document_id, template_id, issuing_state, document_code, finding, results,
      notes, post_code, agency_code, examined_by, examined_at)
    SELECT gen_random_uuid(), d.id, (SELECT id FROM examination_templates LIMIT 1), d.issuing_state, d.document_code,
      (ARRAY['genuine', 'genuine', 'genuine', 'suspected', 'forged_or_altered', 'genuine', 'impostor', 'genuine'])[1 + (n % 8)],
      '[]'::jsonb, '', 'LAND-POIPET', 'GDI', d.created_by,
      timestamptz '2024-01-01 09:00+07' + (n % (current_date - date '2024-01-01')) * interval '1 day'
    FROM (SELECT *, row_number() OVER () AS n FROM travel_documents LIMIT ${examinations}) d`.execute(
    store.db,
  )
  await foldPlanSources({ db: store.db })
  await sql`ANALYZE`.execute(store.db)
}

/** The same live figures as plain counts by quarter, no disclosure control: what the dashboard is measured beside. */
const NAIVE = [
  `SELECT to_char(registered_on::date, 'YYYY-"Q"Q'), count(*) FROM returnees WHERE cardinality(needs) > 0 GROUP BY 1`,
  `SELECT to_char(examined_at, 'YYYY-"Q"Q'), count(*) FROM document_examinations
    WHERE finding IN ('suspected', 'forged_or_altered', 'impostor') GROUP BY 1`,
  `SELECT to_char(created_at, 'YYYY-"Q"Q'), count(*) FROM screening_hits WHERE status = 'true_match' GROUP BY 1`,
  `SELECT to_char(created_at, 'YYYY-"Q"Q'), count(*) FROM protection_referrals WHERE state = 'completed' GROUP BY 1`,
  `SELECT to_char(screened_at, 'YYYY-"Q"Q'), count(DISTINCT person_id) FROM protection_identifications
    WHERE outcome = 'presumedVictim' GROUP BY 1`,
]

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await run()
  return performance.now() - started
}

const area: BenchArea = {
  area: 'plans',
  async run(ctx) {
    const { store, fresh, url } = await benchStore(ctx)
    try {
      if (fresh) await fill(store, ctx, url)
      await sql`ANALYZE crossings`.execute(store.db)
      const crossings = await liveRows(store, 'crossings')
      await topUp(store, ctx, crossings)
      // The crossings counted, rounded as a figure's label carries them (`2m`, `10m`, `200k`).
      const scale = sizeLabel(
        crossings >= 1e6 ? Math.round(crossings / 1e5) * 1e5 : Math.round(crossings / 1e3) * 1e3,
      )
      const plan = await store.db.selectFrom('plans').select('id').executeTakeFirstOrThrow()
      const sizes = await sql<{ name: string; rows: number }>`
        SELECT relname AS name, n_live_tup AS rows FROM pg_stat_user_tables
        WHERE relname IN ('crossings', 'returnees', 'document_examinations') ORDER BY relname`.execute(
        store.db,
      )
      ctx.log(`rows: ${sizes.rows.map((r) => `${r.name} ${Number(r.rows).toLocaleString('en')}`).join(', ')}`)
      const ours: number[] = []
      const naive: number[] = []
      const year = new Date().getUTCFullYear()
      for (let round = 0; round <= ROUNDS; round++) {
        const ms = await timed(() =>
          store.db.transaction().execute((trx) =>
            planDashboard({
              trx,
              read: store.read,
              actor: READER,
              planId: plan.id,
              year,
              locale: 'en',
              threshold: 10,
            }),
          ),
        )
        if (round > 0) ours.push(ms)
        const n = await timed(async () => {
          for (const q of NAIVE) await sql.raw(q).execute(store.db)
        })
        if (round > 0) naive.push(n)
      }
      ctx.log(
        `at ${crossings.toLocaleString('en')} crossings (${scale}): plan dashboard p50 ${percentile(ours, 50).toFixed(1)} p95 ${percentile(ours, 95).toFixed(1)} ms; plain GROUP BYs p50 ${percentile(naive, 50).toFixed(1)} ms`,
      )
      return [
        {
          area: 'plans',
          name: 'plan-dashboard-p95',
          unit: 'ms',
          value: percentile(ours, 95),
          baseline: `plain GROUP BY per live indicator, no disclosure control (PostgreSQL, ${scale} crossings)`,
          baselineValue: percentile(naive, 95),
          better: 'lower',
        },
      ]
    } finally {
      await store.close()
    }
  },
}

export default area

/**
 * Statistics bench: a dashboard's query set over 10,000,000 synthetic crossings on PostgreSQL, answered through
 * `queryStatistics` (rollups kept by the triggers of migration 0009, then small-cell and secondary suppression as
 * a national reader without microdata access sees it), beside the same tables as a naive GROUP BY over the raw
 * crossings joined to their travellers, in the same run. `BENCH_STATISTICS_CROSSINGS=1000000` for a quicker run;
 * `BENCH_STATISTICS_KEEP=1` keeps the database so a second run skips seeding.
 */

import { sql } from 'kysely'
import { seedTraffic } from '../src/app/crossings/seed-traffic.ts'
import { seed } from '../src/app/seed.ts'
import { queryStatistics } from '../src/app/statistics/query-statistics.ts'
import type { StatisticsQuery } from '../src/app/statistics/statistics.contract.ts'
import { openStore, type Store } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { keptBenchDatabase, READER, sizeLabel } from './lib/bench-database.ts'
import { percentile } from './lib/stats.ts'
import type { BenchArea, BenchContext } from './lib/types.ts'

const CROSSINGS = Number(process.env.BENCH_STATISTICS_CROSSINGS ?? 10_000_000)
const ROUNDS = Number(process.env.BENCH_STATISTICS_ROUNDS ?? 20)
const NAIVE_ROUNDS = Number(process.env.BENCH_STATISTICS_NAIVE_ROUNDS ?? 3)
const BENCH_DB = `passage_bench_statistics_${CROSSINGS}`
const size = sizeLabel(CROSSINGS)

async function benchStore(ctx: BenchContext): Promise<{ store: Store; fresh: boolean }> {
  const db = await keptBenchDatabase(
    await ctx.postgresUrl(),
    BENCH_DB,
    process.env.BENCH_STATISTICS_KEEP === '1',
  )
  return { store: await openStore({ databaseUrl: db.url, poolSize: 4 }), fresh: db.fresh }
}

/** The whole seeded period, in whole months, as a dashboard asks for it. */
function range(): { from: string; to: string } {
  const year = new Date().getUTCFullYear()
  return { from: `${year - 3}-01-01`, to: `${year - 1}-12-31` }
}

const DASHBOARD: { name: string; dimensions: string[]; naive: string }[] = [
  {
    name: 'national by month',
    dimensions: ['period:month'],
    naive: 'SELECT substr(c.crossed_on, 1, 7), count(*) FROM crossings c WHERE %W GROUP BY 1',
  },
  {
    name: 'by post',
    dimensions: ['post'],
    naive: 'SELECT c.post_code, count(*) FROM crossings c WHERE %W GROUP BY 1',
  },
  {
    name: 'nationality × sex',
    dimensions: ['nationality', 'sex'],
    naive: `SELECT t.nationality, t.sex, count(*) FROM crossings c JOIN travellers t ON t.id = c.traveller_id
      WHERE %W GROUP BY 1, 2`,
  },
  {
    name: 'age pyramid',
    dimensions: ['ageBand', 'sex'],
    naive: `SELECT CASE WHEN a < 0 THEN 'unknown' WHEN a >= 60 THEN '60+' WHEN a >= 25 THEN '25-59' WHEN a >= 18
        THEN '18-24' WHEN a >= 12 THEN '12-17' WHEN a >= 5 THEN '5-11' ELSE '0-4' END, sex, count(*)
      FROM (SELECT date_part('year', age(c.crossed_on::date, t.birth_date::date))::int AS a, t.sex
            FROM crossings c JOIN travellers t ON t.id = c.traveller_id WHERE %W) x GROUP BY 1, 2`,
  },
  {
    name: 'province map',
    dimensions: ['postProvince'],
    naive: `SELECT p.province_code, count(*) FROM crossings c JOIN points_of_entry p ON p.code = c.post_code
      WHERE %W GROUP BY 1`,
  },
]

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await run()
  return performance.now() - started
}

const area: BenchArea = {
  area: 'statistics',
  async run(ctx) {
    const { store, fresh } = await benchStore(ctx)
    try {
      if (fresh) {
        await migrateToLatest(store.db as never)
        await seed({ db: store.db, demo: false })
        ctx.log(`seeding ${CROSSINGS.toLocaleString('en')} synthetic crossings (rollups kept by triggers)…`)
        let last = 0
        const report = await seedTraffic({
          db: store.db,
          crossings: CROSSINGS,
          onProgress: (done) => {
            if (done - last < CROSSINGS / 10) return
            last = done
            ctx.log(`  ${done.toLocaleString('en')}`)
          },
        })
        ctx.log(
          `seeded ${report.crossings.toLocaleString('en')} crossings of ${report.travellers.toLocaleString('en')} travellers in ${report.seconds.toFixed(0)} s (${Math.round(report.crossings / report.seconds).toLocaleString('en')}/s, triggers included)`,
        )
        await sql`ANALYZE`.execute(store.db)
      }
      const sizes = await sql<{ name: string; rows: number }>`
        SELECT relname AS name, n_live_tup AS rows FROM pg_stat_user_tables
        WHERE relname = 'crossings' OR relname LIKE 'stat_crossings%'
        ORDER BY relname`.execute(store.db)
      ctx.log(`rows: ${sizes.rows.map((r) => `${r.name} ${Number(r.rows).toLocaleString('en')}`).join(', ')}`)

      const { from, to } = range()
      const query = (dimensions: string[]): StatisticsQuery => ({
        measure: 'travellers',
        dimensions,
        from,
        to,
      })
      const ours = new Map<string, number[]>(DASHBOARD.map((q) => [q.name, []]))
      const naive = new Map<string, number[]>(DASHBOARD.map((q) => [q.name, []]))
      const where = `c.crossed_on BETWEEN '${from}' AND '${to}' AND c.decision <> 'refer_secondary'`
      // One warm-up round each, so both sides are measured with the tables in the buffer cache.
      for (let round = 0; round <= ROUNDS; round++) {
        for (const q of DASHBOARD) {
          const ms = await timed(() =>
            store.db.transaction().execute((trx) =>
              queryStatistics({
                trx,
                actor: READER,
                query: query(q.dimensions),
                locale: 'en',
                threshold: 10,
              }),
            ),
          )
          if (round > 0) ours.get(q.name)?.push(ms)
        }
      }
      for (let round = 0; round <= NAIVE_ROUNDS; round++) {
        for (const q of DASHBOARD) {
          const ms = await timed(() => sql.raw(q.naive.replace('%W', where)).execute(store.db))
          if (round > 0) naive.get(q.name)?.push(ms)
        }
      }
      for (const q of DASHBOARD) {
        const o = ours.get(q.name) ?? []
        const n = naive.get(q.name) ?? []
        ctx.log(
          `${q.name.padEnd(18)} queryStatistics p50 ${percentile(o, 50).toFixed(1)} p95 ${percentile(o, 95).toFixed(1)} ms; naive GROUP BY p50 ${percentile(n, 50).toFixed(0)} ms`,
        )
      }
      const all = [...ours.values()].flat()
      const allNaive = [...naive.values()].flat()
      return [
        {
          area: 'statistics',
          name: `dashboard-p95-${size}`,
          unit: 'ms',
          value: percentile(all, 95),
          baseline: 'naive GROUP BY over crossings ⋈ travellers (PostgreSQL, same queries)',
          baselineValue: percentile(allNaive, 95),
          better: 'lower',
        },
      ]
    } finally {
      await store.close()
    }
  },
}

export default area

/**
 * Seed bench: `passage seed --crossings N` on PostgreSQL (COPY in one transaction, foreign keys checked in bulk,
 * the statistics cuboids counted by the seeding process and copied in before commit) beside a plain COPY of the same rows into tables without
 * constraints, indexes or triggers, in the same run and database. Then what the SHA-256 record key of cell-key
 * perturbation (migration 0014, computed by the statistics trigger for every crossing) costs per crossing: the
 * key summed over every seeded crossing beside the same scan summing a cheap expression of the same id.
 * `BENCH_SEED_CROSSINGS=1000000` for a quicker run.
 */

import { sql } from 'kysely'
import { COPY_AHEAD, COPY_BATCH, seedTraffic, syntheticOfficer } from '../src/app/crossings/seed-traffic.ts'
import { CopyWriter } from '../src/app/crossings/seed-traffic-copy.ts'
import { copyGenerated } from '../src/app/crossings/seed-traffic-generator.ts'
import { seed } from '../src/app/seed.ts'
import { openStore } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { freshBenchDatabase } from './lib/bench-database.ts'
import { serverCpu } from './lib/server-cpu.ts'
import type { BenchArea, Figure } from './lib/types.ts'

const CROSSINGS = Number(process.env.BENCH_SEED_CROSSINGS ?? 10_000_000)
const BENCH_DB = 'passage_bench_seed'
const size = CROSSINGS >= 1_000_000 ? `${CROSSINGS / 1_000_000}m` : `${Math.round(CROSSINGS / 1000)}k`

async function seconds(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await run()
  return (performance.now() - started) / 1000
}

/** CPU seconds of this process and of the database server while `run` ran (the server's when on this machine). */
async function cpuOf(server: () => number | null, run: () => Promise<unknown>): Promise<string> {
  const client = process.cpuUsage()
  const before = server()
  await run()
  const after = server()
  const used = process.cpuUsage(client)
  const ours = ((used.user + used.system) / 1e6).toFixed(1)
  return before === null || after === null
    ? `${ours} s CPU here`
    : `${ours} s CPU here, ${(after - before).toFixed(1)} s CPU in PostgreSQL`
}

const area: BenchArea = {
  area: 'seed',
  async run(ctx) {
    const url = await freshBenchDatabase(await ctx.postgresUrl(), BENCH_DB)
    const store = await openStore({ databaseUrl: url, poolSize: 2 })
    try {
      await migrateToLatest(store.db as never)
      await seed({ db: store.db, demo: false })
      ctx.log(`seeding ${CROSSINGS.toLocaleString('en')} crossings through COPY…`)
      let last = 0
      const server = await serverCpu(url)
      let report!: Awaited<ReturnType<typeof seedTraffic>>
      const seedCpu = await cpuOf(server, async () => {
        report = await seedTraffic({
          db: store.db,
          crossings: CROSSINGS,
          copyUrl: url,
          onProgress: (done) => {
            if (done - last < CROSSINGS / 5) return
            last = done
            ctx.log(`  ${done.toLocaleString('en')}`)
          },
        })
      })
      ctx.log(
        `seeded ${report.crossings.toLocaleString('en')} crossings of ${report.travellers.toLocaleString('en')} travellers in ${report.seconds.toFixed(1)} s, of which the statistics fold ${report.foldSeconds.toFixed(1)} s and the planner statistics (ANALYZE) ${report.analyzeSeconds.toFixed(1)} s; ${seedCpu}`,
      )

      const p = report.phases
      if (p)
        ctx.log(
          `  phases: COPY ${p.copy.toFixed(1)} s (generating the rows at the same time), indexes ${p.indexes.toFixed(1)} s, foreign keys ${p.foreignKeys.toFixed(1)} s, counting ${p.count.toFixed(1)} s, commit ${p.commit.toFixed(1)} s`,
        )
      const cpu = report.serverCpu
      if (cpu)
        ctx.log(
          `  the seed's PostgreSQL backend, CPU s: COPY ${cpu.copy.toFixed(1)}, indexes ${cpu.indexes.toFixed(1)}, foreign keys ${cpu.foreignKeys.toFixed(1)}, counting ${cpu.count.toFixed(1)}, commit ${cpu.commit.toFixed(1)} (parallel workers not included)`,
        )

      // The same rows (same seed) through COPY into bare tables: no keys, no indexes, no triggers.
      for (const t of ['travellers', 'travel_documents', 'crossings'])
        await sql.raw(`CREATE TABLE plain_${t} (LIKE ${t} INCLUDING DEFAULTS)`).execute(store.db)
      const officerId = await syntheticOfficer(store.db)
      let plainCpu = ''
      const plain = await seconds(async () => {
        plainCpu = await cpuOf(server, async () => {
          const writer = new CopyWriter(url, (t) => `plain_${t}`)
          try {
            await writer.begin()
            // Generated and streamed at the same time, as the seed does: the difference is the constraints.
            await copyGenerated(
              writer,
              { crossings: CROSSINGS },
              { officerId, batchSize: COPY_BATCH, ahead: COPY_AHEAD },
              () => {},
            )
            await writer.commit()
          } finally {
            await writer.close()
          }
        })
      })
      ctx.log(`plain COPY of the same rows into bare tables: ${plain.toFixed(1)} s; ${plainCpu}`)

      // The record key per crossing: the trigger's SHA-256 (stat_record_key) beside the same scan without it.
      await sql`ANALYZE crossings`.execute(store.db)
      // As the delta trigger computes it (migration 0017): the hash inline, the secret joined once. A first scan
      // warms the cache so that no variant pays the read from disk.
      await sql`SELECT count(*) FROM crossings`.execute(store.db)
      const keyed = await seconds(() =>
        sql`SELECT sum(get_byte(h, 0) * 16 + get_byte(h, 1) / 16) FROM (
          SELECT sha256(convert_to(k.secret || c.id::text, 'UTF8')) AS h
          FROM crossings c CROSS JOIN stat_key_secret k OFFSET 0) x`.execute(store.db),
      )
      // Like for like: the same subquery, bytes and sum, the SHA-256 call alone left out (the earlier baseline
      // summed `length()` of the text without the subquery, a different plan, and measured slower than the hash).
      const bare = await seconds(() =>
        sql`SELECT sum(get_byte(h, 0) * 16 + get_byte(h, 1) / 16) FROM (
          SELECT convert_to(k.secret || c.id::text, 'UTF8') AS h
          FROM crossings c CROSS JOIN stat_key_secret k OFFSET 0) x`.execute(store.db),
      )
      // As 0014's trigger did: one call of the SQL function per crossing.
      const called = await seconds(() =>
        sql`SELECT sum(stat_record_key(id::text)) FROM crossings`.execute(store.db),
      )
      ctx.log(`record keys through a stat_record_key() call each (as 0014's trigger): ${called.toFixed(2)} s`)
      const n = report.crossings
      ctx.log(
        `record keys: ${keyed.toFixed(2)} s with SHA-256, ${bare.toFixed(2)} s without, over ${n.toLocaleString('en')} crossings`,
      )
      const figures: Figure[] = [
        {
          area: 'seed',
          name: `seed-${size}-postgres`,
          unit: 's',
          value: report.seconds,
          baseline: 'plain COPY of the same rows into tables without constraints (same run)',
          baselineValue: plain,
          better: 'lower',
        },
        {
          area: 'seed',
          name: 'record-key-sha256-per-crossing',
          unit: 'µs',
          value: (keyed * 1e6) / n,
          baseline: 'the same scan, concatenation and bytes summed without the SHA-256 (secret ‖ id)',
          baselineValue: (bare * 1e6) / n,
          better: 'lower',
        },
      ]
      return figures
    } finally {
      await store.close()
    }
  },
}

export default area

/**
 * Screening ready after a restart: a server over a 1,000,000-entry alert list on PostgreSQL starts, builds its
 * name index from the database (the baseline: what every start cost before the index was persisted) and writes
 * its snapshot; then a restarted server (a new connection pool, a new index) loads the snapshot, checks it
 * against the database, catches up and answers its first search. The two indexes are then asked the same
 * queries and must give the same hits.
 * `BENCH_SCREENING_RESTART_ENTRIES=100000 npx tsx bench/run.ts screening-restart` for a quicker run.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { SNAPSHOT_FILE } from '../src/app/screening/index-snapshot.ts'
import { ScreeningIndex } from '../src/app/screening/screening-index.ts'
import { seed } from '../src/app/seed.ts'
import { openStore } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { loadWatchlist, watchlistChunks } from './lib/crossings-setup.ts'
import { syntheticEntries } from './lib/screening-synthetic.ts'
import type { BenchArea } from './lib/types.ts'

const ENTRIES = Number(process.env.BENCH_SCREENING_RESTART_ENTRIES ?? 1_000_000)
const size = ENTRIES === 1_000_000 ? '1m' : `${Math.round(ENTRIES / 1000)}k`
const DATABASE = 'bench_screening_restart'

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(since)
  return (c.user + c.system) / 1e6
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

const area: BenchArea = {
  area: 'screening-restart',
  async run(ctx) {
    const admin = new pg.Client({ connectionString: await ctx.postgresUrl() })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE}`)
    await admin.query(`CREATE DATABASE ${DATABASE}`)
    const url = withDatabase(await ctx.postgresUrl(), DATABASE)
    const dir = mkdtempSync(join(tmpdir(), 'passage-bench-index-'))
    try {
      let store = await openStore({ databaseUrl: url })
      await migrateToLatest(store.db as never)
      await seed({ db: store.db, demo: false })
      ctx.log(`loading ${ENTRIES.toLocaleString('en')} synthetic entries into PostgreSQL…`)
      const loadSeconds = await loadWatchlist(store.db, watchlistChunks(ENTRIES))
      ctx.log(`loaded in ${loadSeconds.toFixed(1)} s`)

      let started = performance.now()
      let cpu = process.cpuUsage()
      const built = new ScreeningIndex({ snapshotDir: dir })
      await built.refresh(store.db)
      const rebuildSeconds = (performance.now() - started) / 1000
      const rebuildCpu = cpuSeconds(cpu)
      started = performance.now()
      await built.pendingSave
      const saveSeconds = (performance.now() - started) / 1000
      const fileMB = statSync(join(dir, SNAPSHOT_FILE)).size / 1e6
      ctx.log(
        `full build from the database: ${rebuildSeconds.toFixed(1)} s (this process's CPU ${rebuildCpu.toFixed(1)} s) for ${built.size.toLocaleString('en')} entries; snapshot written in ${saveSeconds.toFixed(1)} s more (${fileMB.toFixed(0)} MB)`,
      )
      await store.close()

      // The restart: a new pool and a new index, timed until the first search has answered.
      const queries = [...syntheticEntries(200, 7)].map((e) => ({
        name: e.names[0]!,
        birthDate: e.birthDate,
      }))
      started = performance.now()
      cpu = process.cpuUsage()
      store = await openStore({ databaseUrl: url })
      const restarted = new ScreeningIndex({ snapshotDir: dir, log: ctx.log })
      await restarted.refresh(store.db)
      restarted.names.search(queries[0]!)
      const readySeconds = (performance.now() - started) / 1000
      const readyCpu = cpuSeconds(cpu)
      // Wall-clock is the figure; CPU time beside it because this 2-core machine is shared and others' load
      // lands in the wall-clock time.
      ctx.log(
        `restart: ready in ${readySeconds.toFixed(1)} s, CPU ${readyCpu.toFixed(1)} s, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores (${JSON.stringify(restarted.started)})`,
      )
      if (restarted.started?.source !== 'snapshot') throw new Error('the restart did not use the snapshot')

      let same = 0
      for (const q of queries) {
        const a = JSON.stringify(built.names.search(q, { limit: 10 }))
        if (a === JSON.stringify(restarted.names.search(q, { limit: 10 }))) same++
      }
      ctx.log(`the same hits from the loaded and the rebuilt index for ${same} of ${queries.length} queries`)
      if (same !== queries.length) throw new Error('the loaded index answers differently')
      await store.close()
      return [
        {
          area: 'screening-restart',
          name: `screening-ready-after-restart-${size}`,
          unit: 's',
          value: readySeconds,
          baseline: 'full rebuild from PostgreSQL (every start before)',
          baselineValue: rebuildSeconds,
          better: 'lower',
        },
      ]
    } finally {
      rmSync(dir, { recursive: true, force: true })
      await admin.query(`DROP DATABASE IF EXISTS ${DATABASE}`).catch(() => {})
      await admin.end()
    }
  },
}

export default area

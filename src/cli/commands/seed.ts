import { parseArgs } from 'node:util'
import { seedTraffic } from '../../app/crossings/seed-traffic.ts'
import { printDemoCredentials, seed } from '../../app/seed.ts'
import { loadConfig } from '../../platform/config/config.ts'
import { openMigratedStore } from '../../platform/runtime.ts'
import { type Command, UsageError } from '../command.ts'
import { progressBar } from '../progress.ts'

const usage = `passage seed [--crossings N [--seed S] [--years Y]]

Loads reference data; in demo mode also demo users into an empty database.
With --crossings, also writes N synthetic border movements over the last Y years (default 3), for demos and
benchmarks: a realistic nationality mix, post volumes, seasonal peaks, a mass-return wave, overstays, refusals.
The same --seed (default 1) gives the same traffic. On PostgreSQL written with COPY in one transaction (the
tables are locked for writing meanwhile: seed a demo or benchmark database, not a live one), foreign keys
checked in bulk before commit; on PGlite 25,000 movements per transaction. Every constraint holds at commit,
and the statistics rollups are brought up to date once at the end.`

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value.replace(/_/g, ''))
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} must be a positive whole number`)
  return n
}

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Load reference data (and demo users); optionally synthetic crossings',
  usage,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { crossings: { type: 'string' }, seed: { type: 'string' }, years: { type: 'string' } },
    })
    const crossings = values.crossings === undefined ? 0 : positiveInt(values.crossings, '--crossings', 0)
    const config = loadConfig()
    const store = await openMigratedStore(config)
    try {
      const { reference, demoUsers } = await seed({
        db: store.db,
        demo: config.demo,
        demoPassword: config.demoPassword,
        out: io.stdout,
      })
      io.stdout.write(
        `Added ${reference.agencies} agencies, ${reference.provinces} provinces, ${reference.countries} countries, ` +
          `${reference.icaoCodes} ICAO codes, ${reference.pointsOfEntry} points of entry, ${demoUsers.length} demo users.\n`,
      )
      printDemoCredentials(io.stdout, demoUsers)
      if (crossings > 0) {
        const bar = progressBar(io.stdout, 'Synthetic crossings', crossings)
        const report = await seedTraffic({
          db: store.db,
          crossings,
          seed: positiveInt(values.seed, '--seed', 1),
          years: positiveInt(values.years, '--years', 3),
          // PostgreSQL takes the rows through COPY; PGlite (no DATABASE_URL) through batched inserts.
          copyUrl: config.databaseUrl,
          onProgress: (done) => bar.update(done),
        })
        bar.done(report.crossings)
        const rate = Math.round(report.crossings / report.seconds)
        io.stdout.write(
          `Wrote ${report.crossings} crossings of ${report.travellers} travellers in ${report.seconds.toFixed(1)} s (${rate} per second).\n`,
        )
      }
    } finally {
      await store.close()
    }
    return 0
  },
}

import { printDemoCredentials, seed } from '../../app/seed.ts'
import { loadConfig } from '../../platform/config/config.ts'
import { openMigratedStore } from '../../platform/runtime.ts'
import type { Command } from '../command.ts'

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Load reference data; in demo mode also demo users into an empty database',
  usage: 'passage seed',
  async run(_argv, io) {
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
    } finally {
      await store.close()
    }
    return 0
  },
}

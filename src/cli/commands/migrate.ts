import { loadConfig } from '../../platform/config/config.ts'
import { describeStore, openMigratedStore } from '../../platform/runtime.ts'
import type { Command } from '../command.ts'

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply pending database migrations',
  usage: 'passage migrate',
  async run(_argv, io) {
    const config = loadConfig()
    const store = await openMigratedStore(config)
    await store.close()
    io.stdout.write(`Migrations applied to ${describeStore(config)}\n`)
    return 0
  },
}

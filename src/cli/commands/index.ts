import type { Command } from '../command.ts'
import { auditCommand } from './audit.ts'
import { migrateCommand } from './migrate.ts'
import { mrzCommand } from './mrz.ts'
import { namesCompareCommand } from './names-compare.ts'
import { screenCommand } from './screen.ts'
import { seedCommand } from './seed.ts'
import { startCommand } from './start.ts'
import { usersCommand } from './users.ts'
import { watchlistCommand } from './watchlist.ts'

export const commands: Command[] = [
  startCommand,
  migrateCommand,
  seedCommand,
  usersCommand,
  auditCommand,
  mrzCommand,
  namesCompareCommand,
  watchlistCommand,
  screenCommand,
]

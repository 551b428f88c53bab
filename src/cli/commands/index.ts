import type { Command } from '../command.ts'
import { auditCommand } from './audit.ts'
import { migrateCommand } from './migrate.ts'
import { mrzCommand } from './mrz.ts'
import { seedCommand } from './seed.ts'
import { startCommand } from './start.ts'
import { usersCommand } from './users.ts'

export const commands: Command[] = [
  startCommand,
  migrateCommand,
  seedCommand,
  usersCommand,
  auditCommand,
  mrzCommand,
]

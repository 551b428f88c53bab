import { AppError } from '../platform/errors/codes.ts'
import { describeError } from '../platform/errors/describe.ts'
import type { CliIO, Command } from './command.ts'
import { UsageError } from './command.ts'
import type { CommandEntry } from './commands/index.ts'

function help(io: CliIO, commands: readonly CommandEntry[]): void {
  const width = Math.max(...commands.map((c) => c.name.length))
  io.stdout.write('Usage: passage <command> [options]\n\nCommands:\n')
  for (const c of commands) io.stdout.write(`  ${c.name.padEnd(width)}  ${c.summary}\n`)
  io.stdout.write('\nRun `passage <command> --help` for the options of one command.\n')
}

/**
 * Runs `passage <name> ...` against a list of commands: the whole list (`main.ts`), or the one command a
 * prebuilt bundle holds (`commands/mrz-main.ts`), so both behave alike — same help, usage errors and exit codes.
 */
export async function dispatch(
  argv: string[],
  io: CliIO,
  commands: readonly CommandEntry[],
): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    help(io, commands)
    return name ? 0 : 2
  }
  const entry = commands.find((c) => c.name === name)
  if (!entry) {
    io.stderr.write(`passage: unknown command "${name}"\n`)
    help(io, commands)
    return 2
  }
  const command: Command = await entry.load()
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`)
    return 0
  }
  try {
    return await command.run(rest, io)
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`passage ${name}: ${err.message}\n${command.usage}\n`)
      return 2
    }
    if (err instanceof AppError) {
      const d = describeError(err, 'en')
      io.stderr.write(`passage ${name}: ${d.message}\n`)
      for (const detail of d.details)
        io.stderr.write(`  ${detail.path ? `${detail.path}: ` : ''}${detail.message}\n`)
      return 1
    }
    io.stderr.write(`passage ${name}: ${err instanceof Error ? err.message : String(err)}\n`)
    return 1
  }
}

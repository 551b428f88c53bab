import type { CliIO } from './command.ts'
import { commands } from './commands/index.ts'
import { dispatch } from './dispatch.ts'

export function main(argv: string[], io: CliIO = process): Promise<number> {
  return dispatch(argv, io, commands)
}
